#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "cadre/territory/org_directory.hpp"
#include "sync_plan.hpp"
#include "sync_run.hpp"
#include "sync_store.hpp"

namespace cadre::ldap {

/// Writes a plan through the territory plugin's OrgDirectory inside the caller's transaction.
/// Each person is written under a savepoint: a person the territory rules refuse (a taken
/// employee number, a manager who cannot manage them) is rolled back alone and reported with
/// the DN, and the rest goes on. Anything else (the database failing) propagates, and the
/// caller rolls the whole run back.
class PlanWriter {
 public:
  /// `today` (YYYY-MM-DD) dates every change; `actor` is who the audit log names.
  PlanWriter(Transaction& tx, territory::OrgDirectory& org, std::string today, std::string actor);

  /// Applies the plan and counts the outcomes; `plan.unchanged` and its errors are counted in.
  SyncCounts apply(const SyncPlan& plan,
                   const std::vector<territory::EmployeeRecord>& employeesBefore);

 private:
  void write(const PlannedChange& change, SyncCounts& counts);
  void upsert(const PlannedChange& change, SyncCounts& counts);
  void count(const PlannedChange& change, territory::DirectoryOutcome outcome,
             SyncCounts& counts) const;
  std::optional<std::int64_t> employeeOf(const std::string& directoryId);

  Transaction& tx_;
  territory::OrgDirectory& org_;
  SyncStore store_;
  std::string today_;
  std::string actor_;
  /// Directory id → employee id, of the people Cadre had and those created so far.
  std::map<std::string, std::int64_t> employeeIds_;
};

}  // namespace cadre::ldap
