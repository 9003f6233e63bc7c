#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cadre/audit_trail.hpp"
#include "cadre/territory/org_directory.hpp"
#include "employee_store.hpp"

namespace cadre::territory {

/// Hires many people in one transaction by the rules of Workforce::hire, with the same refusals
/// (HttpError with the same status, detail and field), for an import of 100,000 rows: what the
/// rules ask of the database is asked once and remembered (which units are open on a date,
/// which managers are employed on a date, who heads a unit), so a hire costs its three INSERTs
/// and its event. A person hired now has nobody below them, so the manager-cycle check of a
/// transfer cannot fail here and is not asked.
///
/// It assumes that, while it lives, units and their heads do not change in the transaction and
/// nobody is terminated (true of an employee import). People with a position or a user account
/// are for Workforce::hire. A rule changed in Workforce::hire must change here too; the tests
/// hire the same people both ways and compare.
class BulkHiring {
 public:
  /// People written by one INSERT of hireQueued: at most 10 values a row, far below the bound
  /// values a statement may have on SQLite and PostgreSQL.
  static constexpr std::size_t kRowsPerInsert = 500;

  /// Works in `tx`, writes the audit entry of each hire to `audit` and records `actor`. The
  /// entries of hireQueued go to `auditBatch` together, or one by one to `audit` without it.
  BulkHiring(Transaction& tx, AuditTrail audit, std::string actor,
             AuditBatchTrail auditBatch = nullptr);

  /// Hires a person without a position or user: the employee, the "active" status and the
  /// first assignment from the placement's date, the territory.employee.hired event and the
  /// audit entry. Throws HttpError 409 (taken number or directory id) or 422 (a broken rule).
  EmployeeRecord hire(const NewEmployee& person, const Placement& placement);
  /// hire() for a caller that has just found the employee number and the directory id free in
  /// the database (in this transaction): nothing else about them is asked or remembered.
  EmployeeRecord hireNewcomer(const NewEmployee& person, const Placement& placement);
  /// hireNewcomer() in two steps: checks the person now (the same refusals) and keeps them for
  /// hireQueued(), writing nothing. Nobody can name a queued person as manager: their id is
  /// not known until hireQueued().
  void queueNewcomer(const NewEmployee& person, const Placement& placement);
  /// Writes everyone queued as hireNewcomer() would one after another: the same rows, events
  /// and audit entries in queue order, each table written kRowsPerInsert people to an INSERT.
  /// Returns them in queue order and empties the queue, also when an INSERT throws (a database
  /// error, such as a number taken after all, which the caller rolls back).
  std::vector<EmployeeRecord> hireQueued();

 private:
  /// A person checked by queueNewcomer, with the first assignment the rules gave them.
  struct QueuedHire {
    NewEmployee person;
    Assignment first;
  };

  /// The first assignment of a newcomer by the rules of a hire; throws their refusals.
  Assignment firstAssignment(const Placement& placement);
  /// Writes queued[first, last) and appends them to `hired`.
  void hireTogether(std::vector<QueuedHire>& queued, std::size_t first, std::size_t last,
                    std::vector<EmployeeRecord>& hired);
  void checkUnique(const NewEmployee& person);
  void checkUnitOpen(std::int64_t orgUnitId, const std::string& date);
  void checkManagerEmployed(std::int64_t managerId, const std::string& date);
  std::optional<std::int64_t> defaultManager(std::int64_t orgUnitId, const std::string& date);

  Transaction& tx_;
  EmployeeStore employees_;
  AuditTrail audit_;
  std::string actor_;
  AuditBatchTrail auditBatch_;
  std::vector<QueuedHire> queued_;
  bool keysLoaded_ = false;
  std::unordered_map<std::string, std::int64_t> idOfNumber_;
  std::unordered_map<std::string, std::int64_t> idOfDirectoryId_;
  std::map<std::pair<std::int64_t, std::string>, bool> unitOpen_;
  std::map<std::pair<std::int64_t, std::string>, bool> managerEmployed_;
  std::map<std::pair<std::int64_t, std::string>, std::optional<std::int64_t>> defaultManager_;
};

}  // namespace cadre::territory
