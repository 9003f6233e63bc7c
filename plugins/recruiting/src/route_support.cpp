#include "route_support.hpp"

#include "cadre/json_fields.hpp"

namespace cadre::recruiting {

Permission hrRunners() {
  return Permission::roles({Role::Admin, Role::Hr});
}

Permission hiringTeam() {
  return Permission::roles({Role::Admin, Role::Hr, Role::Manager});
}

Permission anyEmployee() {
  return Permission::authenticated();
}

bool Caller::is(const std::optional<std::int64_t>& other) const {
  return employeeId && other && *employeeId == *other;
}

Caller callerOf(Transaction& tx, territory::OrgDirectory& org, const Request& request) {
  const User& user = request.requireUser();
  Caller caller;
  caller.username = user.username;
  caller.role = user.role;
  caller.hr = user.role == Role::Admin || user.role == Role::Hr;
  if (auto employee = org.findByUser(tx, user.id)) caller.employeeId = employee->id;
  return caller;
}

std::string requiredReason(const Request& request, const std::string& field) {
  JsonFields in(request.jsonObject());
  auto reason = in.requiredString(field, 1, 2000);
  in.finish();
  return reason;
}

}  // namespace cadre::recruiting
