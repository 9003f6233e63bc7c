#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "application_access.hpp"
#include "cadre/audit_trail.hpp"
#include "cadre/territory/org_directory.hpp"
#include "change_log.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

/// What HR adds to the accepted offer when hiring; unset members take the defaults named.
struct HireDetails {
  /// Default: "REC-<application id>".
  std::optional<std::string> employeeNumber;
  /// Default: the candidate's.
  std::optional<std::string> email;
  std::optional<std::string> phone;
  /// Default: the requisition's hiring manager.
  std::optional<std::int64_t> managerEmployeeId;
  /// The new hire's login, when one exists already.
  std::optional<std::int64_t> userId;
  /// Default: the requisition's.
  std::optional<std::string> employmentType;
  /// The seat in the requisition's territory: owner, rep (default) or overlay, and its split
  /// (default 100).
  std::string seatRole = "rep";
  double splitPercent = 100.0;
};

/// A hire as it was made.
struct Hire {
  std::int64_t employeeId = 0;
  std::int64_t applicationId = 0;
  std::int64_t candidateId = 0;
  std::int64_t offerId = 0;
  std::int64_t requisitionId = 0;
  std::int64_t positionId = 0;
  std::int64_t orgUnitId = 0;
  std::optional<std::int64_t> managerEmployeeId;
  std::optional<std::int64_t> territoryId;
  std::string startDate;
  std::int64_t requisitionOpenings = 0;
  std::int64_t requisitionFilled = 0;
  std::string requisitionState;
};

/// The name of the event a hire publishes inside its transaction, with the payload
/// {"applicationId","employeeId","requisitionId","startDate","positionId","orgUnitId",
/// "managerEmployeeId", …}: onboarding begins there, and a handler that throws undoes the hire.
inline constexpr const char* kHireCompleted = "recruiting.hire.completed";

/// Hires the candidate of an application with an accepted offer, in the caller's transaction:
/// the requisition records the hire (Requisitions::recordHire: filled when no opening is left,
/// with its time to fill), the
/// employee is created through the territory plugin's OrgDirectory in the requisition's
/// position (a new one for a requisition of a new position), under the manager, in the
/// territory, from the offer's start date; the offer records the employee, the application
/// enters its hired stage (Pipeline::hire) and the event kHireCompleted is published. Any failure
/// throws (HttpError from either plugin) and the caller's rollback leaves nothing of it.
class Hiring {
 public:
  /// Writes are audited through `trail` under the caller's name.
  Hiring(Transaction& tx, territory::OrgDirectory& org, AuditTrail trail, Caller caller)
      : tx_(tx), org_(org), trail_(trail), log_(tx, trail), caller_(std::move(caller)) {}

  Hire hire(const ApplicationFacts& application, const HireDetails& details);

 private:
  Transaction& tx_;
  territory::OrgDirectory& org_;
  AuditTrail trail_;
  ChangeLog log_;
  Caller caller_;
};

}  // namespace cadre::recruiting
