#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "cadre/territory/org_directory.hpp"
#include "sync_plan.hpp"
#include "sync_run.hpp"
#include "sync_store.hpp"

namespace cadre::ldap {

/// Writes a plan through the territory plugin's OrgDirectory inside the caller's transaction.
/// A person the territory rules refuse (a taken employee number, a manager who cannot manage
/// them) is rolled back alone and reported with the DN, and the rest goes on: people are
/// written in batches of kBatchSize under one savepoint, and a batch in which someone is
/// refused is rolled back and written again one person per savepoint. (A savepoint per person
/// made SQLite copy the pages each one touched to its statement journal.) New people are queued
/// by the territory writer and written together at the end of their batch, inside its
/// savepoint, or before a manager among them is looked up. Anything else (the database failing)
/// propagates, and the caller rolls the whole run back.
class PlanWriter {
 public:
  /// How many people one savepoint covers when nobody is refused.
  static constexpr std::size_t kBatchSize = 500;

  /// `today` (YYYY-MM-DD) dates every change; `actor` is who the audit log names;
  /// `employeesBefore` are the directory's people Cadre had before the run (some or all of them:
  /// anyone else is looked up when needed).
  PlanWriter(Transaction& tx, territory::OrgDirectory& org, std::string today, std::string actor,
             const std::vector<territory::EmployeeRecord>& employeesBefore);

  /// Remembers the employee ids of `employees` (of the directory's people Cadre had before the
  /// run), so that their reports are written without asking the database who they are.
  void rememberEmployees(const std::vector<territory::EmployeeRecord>& employees);

  /// Writes `changes` (managers before the people who report to them, also across calls) and
  /// adds their outcomes, and the people refused, to `counts`.
  void writeChanges(const std::vector<PlannedChange>& changes, SyncCounts& counts);

 private:
  /// Writes changes[first, last) under one savepoint; false (and nothing written or counted)
  /// when someone was refused.
  bool writeBatch(const std::vector<PlannedChange>& changes, std::size_t first, std::size_t last,
                  SyncCounts& counts);
  /// Writes one change under its own savepoint; a refusal is rolled back and reported.
  void writeAlone(const PlannedChange& change, SyncCounts& counts);
  void write(const PlannedChange& change, SyncCounts& counts);
  void upsert(const PlannedChange& change, SyncCounts& counts);
  void count(const PlannedChange& change, territory::DirectoryOutcome outcome,
             SyncCounts& counts) const;
  std::optional<std::int64_t> employeeOf(const std::string& directoryId);
  /// Writes the people the writer has queued and remembers their ids.
  void flushPeople();

  Transaction& tx_;
  territory::OrgDirectory& org_;
  /// Writes the people: new ones queued and written together when flushed (flushPeople).
  std::unique_ptr<territory::DirectoryWriter> people_;
  SyncStore store_;
  std::string today_;
  std::string actor_;
  /// Directory id → employee id, of the people Cadre had and those created so far.
  std::unordered_map<std::string, std::int64_t> employeeIds_;
  /// The directory ids added to employeeIds_ since the current savepoint began (forgotten when
  /// it is rolled back: PostgreSQL never hands out a rolled-back id again).
  std::vector<std::string> newIds_;
};

}  // namespace cadre::ldap
