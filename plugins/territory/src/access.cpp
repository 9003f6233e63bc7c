#include "access.hpp"

#include "dates.hpp"
#include "employee_store.hpp"

namespace cadre::territory {

bool isHr(const User& user) {
  return user.role == Role::Admin || user.role == Role::Hr;
}

Viewer::Viewer(Transaction& tx, const User& user) : hr_(isHr(user)) {
  EmployeeStore store(tx);
  self_ = store.idOfUser(user.id);
  if (!hr_ && self_ && user.role == Role::Manager) {
    for (auto id : store.reports(*self_, today(), true)) managed_.insert(id);
  }
}

bool Viewer::seesAll(std::int64_t employeeId) const {
  return hr_ || (self_ && *self_ == employeeId) || managed_.count(employeeId) > 0;
}

void Viewer::requireSeesAll(std::int64_t employeeId) const {
  if (!seesAll(employeeId)) {
    throw HttpError::forbidden(
        "only HR, the employee and their managers may see this of employee " +
        std::to_string(employeeId));
  }
}

bool wantsCsv(const Request& request) {
  if (request.queryParam("format") == std::optional<std::string>("csv")) return true;
  auto accept = request.header("accept");
  return accept && accept->find("text/csv") != std::string::npos;
}

}  // namespace cadre::territory
