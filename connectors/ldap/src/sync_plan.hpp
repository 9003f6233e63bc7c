#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cadre/territory/org_directory.hpp"
#include "directory_record.hpp"

namespace cadre::ldap {

/// A full sync reads the whole directory and may infer who left; an incremental one reads what
/// changed since the last run and never infers a departure.
enum class SyncMode { Full, Incremental };

/// Something wrong with one entry, reported with its DN; the rest of the run goes on.
struct EntryError {
  std::string dn;
  std::string message;
  bool operator==(const EntryError& other) const {
    return dn == other.dn && message == other.message;
  }
};

/// One field of an employee as it is in Cadre and as the directory has it.
struct FieldChange {
  std::string field;
  std::string from;
  std::string to;
  bool operator==(const FieldChange& other) const {
    return field == other.field && from == other.from && to == other.to;
  }
};

/// What a sync does to one person, and how it is counted.
enum class ChangeKind { Created, Updated, Moved, Suspended, Terminated, Reactivated };
const char* changeKindName(ChangeKind kind);

/// What the directory's status says to do besides the master data.
enum class StatusAction { None, Suspend, Unsuspend, Terminate };

/// The planned change of one person. `record` points into the records the plan was made from
/// (null for a departure).
struct PlannedChange {
  ChangeKind kind = ChangeKind::Updated;
  std::string dn;
  std::string directoryId;
  /// The employee it changes; std::nullopt for a new one.
  std::optional<std::int64_t> employeeId;
  /// Old → new per field, for the dry run's diff.
  std::vector<FieldChange> fields;
  /// Whether the master data or the placement is written (OrgDirectory::upsertFromDirectory).
  bool upsert = false;
  StatusAction status = StatusAction::None;
  const DirectoryRecord* record = nullptr;
  /// Where the directory places them; std::nullopt leaves the org unit as it is.
  std::optional<std::int64_t> orgUnitId;
  /// The manager's directory id; empty leaves the manager as it is.
  std::string managerDirectoryId;
  /// The employee's directory id before this run, when their entry was made again with a new one.
  std::string formerDirectoryId;
};

/// What the plan needs to know of Cadre, read in the sync's transaction.
struct CadreState {
  /// The employees that carry a directory id, as of today.
  std::vector<territory::EmployeeRecord> employees;
  /// The people this connector suspended or terminated, by directory id → "suspended" or
  /// "terminated": only these does it re-activate when the directory has them back.
  std::map<std::string, std::string> disabledBySync;
};

/// Department → org unit: the id the department maps to, or std::nullopt when it is not mapped
/// (or the mapped code names no org unit). May throw std::runtime_error for a mapping that names
/// no org unit; the entry is then reported with that message.
using OrgUnitResolver = std::function<std::optional<std::int64_t>(const std::string& department)>;

struct PlanOptions {
  SyncMode mode = SyncMode::Full;
  OrgUnitResolver orgUnitOf;
  /// Where a new person goes whose department is not mapped; std::nullopt: they are reported.
  std::optional<std::int64_t> defaultOrgUnitId;
  /// A full run that would suspend or terminate more than this share of the active employees
  /// stops before writing, unless `force`.
  double maxDisableShare = 0.10;
  bool force = false;
  /// The directory ids and DN keys of entries read but not usable (reported and skipped): the
  /// people they stand for have not left. SyncPlanner reads them in finish(), so a caller may
  /// fill them in while it reads.
  std::set<std::string> unreadableIds;
  std::set<std::string> unreadableDnKeys;
};

/// Everything a run will do, worked out before anything is written.
struct SyncPlan {
  SyncMode mode = SyncMode::Full;
  /// In write order: managers before the people who report to them, departures last.
  std::vector<PlannedChange> changes;
  /// Entries that are in step with Cadre already.
  std::size_t unchanged = 0;
  /// Disabled entries of people Cadre does not have: nobody is created for them.
  std::size_t disabledAndAbsent = 0;
  std::vector<EntryError> errors;
  /// Active (or on leave) directory employees before the run (of CadreState::employees), and how
  /// many it would disable.
  std::size_t activeBefore = 0;
  std::size_t disabling = 0;
  /// Set when the run must stop before writing (the disable guard), with the reason.
  std::optional<std::string> stopReason;
};

/// Plans a run entry by entry while the directory is read, so that a full run can write while
/// it reads. Matches on the directory id only, never the DN. An entry is planned as it arrives
/// when its plan cannot depend on what comes later: in a full run, an entry without a manager or
/// whose manager's entry was planned before it (so no cycle runs through it), and which does not
/// take over another entry's employee number. The others wait for finish(), where managers are
/// resolved against all records (and, incrementally, the people Cadre has from earlier runs); a
/// manager outside the filter or in a cycle is reported and left as it is. Only a full run plans
/// departures, in finish(). The records, `cadre` and `options` must outlive the planner and its
/// changes (whose `record` points at the records). `cadre` is read when the first entry is
/// planned: an incremental run plans nothing before finish(), so its caller may fill `cadre` in
/// after the read (readCadreFor). Not thread-safe.
class SyncPlanner {
 public:
  SyncPlanner(const CadreState& cadre, const PlanOptions& options);
  ~SyncPlanner();
  SyncPlanner(const SyncPlanner&) = delete;
  SyncPlanner& operator=(const SyncPlanner&) = delete;

  /// Takes the next record read; appends to `ready` the changes that can be written now, in an
  /// order where managers come first. A second record with a directory id seen before is
  /// reported and skipped.
  void add(const DirectoryRecord& record, std::vector<PlannedChange>& ready);
  /// After the whole read: plans the records that waited (managers first) and, in a full run,
  /// the departures of everyone not read (except `options.unreadableIds`/`unreadableDnKeys`),
  /// then applies the disable guard. The plan's changes are those add() did not hand out; its
  /// counts, errors and guard cover the whole run. Call once.
  SyncPlan finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The whole plan at once (SyncPlanner over `records`, every change in write order): what a run
/// would do when it reads `records`.
SyncPlan planSync(const std::vector<DirectoryRecord>& records, const CadreState& cadre,
                  const PlanOptions& options);

}  // namespace cadre::ldap
