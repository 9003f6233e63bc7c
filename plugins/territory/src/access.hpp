#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "cadre/database.hpp"
#include "cadre/http.hpp"
#include "cadre/user.hpp"

namespace cadre::territory {

/// Whether a user may change the org and read everything in it (admin and hr).
bool isHr(const User& user);

/// What one user may see of the org today: hr and admin everything; a manager everyone below
/// them in the reporting lines; everyone themself. Others show only public directory fields.
class Viewer {
 public:
  Viewer(Transaction& tx, const User& user);
  /// Whether the user may read every field, the history and the reports of an employee.
  bool seesAll(std::int64_t employeeId) const;
  const std::optional<std::int64_t>& self() const { return self_; }
  /// Throws HttpError 403 unless seesAll(employeeId).
  void requireSeesAll(std::int64_t employeeId) const;

 private:
  bool hr_;
  std::optional<std::int64_t> self_;
  std::set<std::int64_t> managed_;
};

/// Whether a list was asked for as CSV (`Accept: text/csv` or `format=csv`).
bool wantsCsv(const Request& request);

}  // namespace cadre::territory
