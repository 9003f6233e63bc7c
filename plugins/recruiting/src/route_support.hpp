#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/context.hpp"
#include "cadre/handler_support.hpp"
#include "cadre/pagination.hpp"
#include "cadre/territory/org_directory.hpp"

namespace cadre::recruiting {

/// Who runs everything in recruiting: admin and hr.
Permission hrRunners();
/// Who may call the routes that hiring managers and approvers use as well: admin, hr, manager.
Permission hiringTeam();
/// Every logged-in user (interviewers and new hires are plain employees); the handler checks
/// each object.
Permission anyEmployee();

/// The user behind a request as recruiting sees them: HR (admin or hr), and the employee their
/// account is linked to in the territory plugin, if any.
struct Caller {
  std::string username;
  Role role = Role::Employee;
  bool hr = false;
  std::optional<std::int64_t> employeeId;

  /// Whether this caller is the employee `employeeId`.
  bool is(const std::optional<std::int64_t>& employeeId) const;
};

/// Resolves the request's user inside the caller's transaction.
Caller callerOf(Transaction& tx, territory::OrgDirectory& org, const Request& request);

/// The id a keyset page starts after (0 for the first page); HttpError 400 naming `cursor` when
/// the cursor holds no id.
std::int64_t cursorId(const PageRequest& page);

/// Throws HttpError 404 "there is no <what> <id>" when `found` is empty; returns its value.
template <typename T>
T requireFound(std::optional<T> found, const std::string& what, std::int64_t id) {
  if (!found) throw HttpError::notFound("there is no " + what + " " + std::to_string(id));
  return std::move(*found);
}

/// The `reason` (or `comment`) a state change must carry: non-empty, at most 2000 characters.
/// Throws HttpError 400 naming the field otherwise.
std::string requiredReason(const Request& request, const std::string& field);

}  // namespace cadre::recruiting
