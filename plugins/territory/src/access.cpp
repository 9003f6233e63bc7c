#include "access.hpp"

#include <algorithm>

#include "cadre/dates.hpp"
#include "employee_store.hpp"

namespace cadre::territory {

bool isHr(const User& user) {
  return user.role == Role::Admin || user.role == Role::Hr;
}

Viewer::Viewer(Transaction& tx, const User& user)
    : tx_(tx), hr_(isHr(user)), manager_(user.role == Role::Manager), today_(today()) {
  self_ = EmployeeStore(tx).idOfUser(user.id);
}

bool Viewer::seesAll(std::int64_t employeeId) const {
  if (hr_ || (self_ && *self_ == employeeId)) return true;
  if (!manager_ || !self_) return false;
  auto chain = EmployeeStore(tx_).managerChain(employeeId, today_);
  return std::find(chain.begin(), chain.end(), *self_) != chain.end();
}

void Viewer::requireSeesAll(std::int64_t employeeId) const {
  if (!seesAll(employeeId)) {
    throw HttpError::forbidden(
        "only HR, the employee and their managers may see this of employee " +
        std::to_string(employeeId));
  }
}

}  // namespace cadre::territory
