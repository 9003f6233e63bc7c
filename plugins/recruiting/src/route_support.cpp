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

std::int64_t cursorId(const PageRequest& page) {
  if (page.after.empty()) return 0;
  try {
    std::size_t used = 0;
    auto id = std::stoll(page.after, &used);
    if (used == page.after.size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  throw HttpError::badRequest("cursor is not one this list issued",
                              {{"cursor", "not a cursor of this list"}});
}

std::string requiredReason(const Request& request, const std::string& field) {
  JsonFields in(request.jsonObject());
  auto reason = in.requiredString(field, 1, 2000);
  in.finish();
  return reason;
}

}  // namespace cadre::recruiting
