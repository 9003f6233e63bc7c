#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/database.hpp"
#include "cadre/handler_support.hpp"
#include "cadre/http.hpp"
#include "cadre/user.hpp"

namespace cadre::territory {

/// Whether a user may change the org and read everything in it (admin and hr).
bool isHr(const User& user);

/// What one user may see of the org today: hr and admin everything; a manager everyone below
/// them in the reporting lines; everyone themself. Others show only public directory fields.
/// Lives inside one transaction, which it reads the manager chains from (one short query per
/// employee asked about: a chain is as long as the org is deep, whatever the team's size).
class Viewer {
 public:
  Viewer(Transaction& tx, const User& user);
  /// Whether the user may read every field, the history and the reports of an employee.
  bool seesAll(std::int64_t employeeId) const;
  const std::optional<std::int64_t>& self() const { return self_; }
  /// Throws HttpError 403 unless seesAll(employeeId).
  void requireSeesAll(std::int64_t employeeId) const;

 private:
  Transaction& tx_;
  bool hr_;
  bool manager_;
  std::optional<std::int64_t> self_;
  std::string today_;
};

}  // namespace cadre::territory
