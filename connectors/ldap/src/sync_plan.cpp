// Planning a sync: what the directory says against what Cadre has, matched on the directory id.
#include "sync_plan.hpp"

#include <cmath>
#include <iterator>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "manager_links.hpp"

namespace cadre::ldap {
namespace {

using territory::EmployeeRecord;

std::string idText(const std::optional<std::int64_t>& id) {
  return id ? std::to_string(*id) : "";
}

}  // namespace

/// Plans one person from the directory against Cadre's record of them, if any. (Outside the
/// anonymous namespace: SyncPlanner::State holds one.)
class PersonPlanner {
 public:
  PersonPlanner(const CadreState& cadre, const PlanOptions& options,
                const std::unordered_set<std::string_view>& presentIds, SyncPlan& plan)
      : cadre_(cadre), options_(options), presentIds_(presentIds), plan_(plan) {
    for (const auto& e : cadre.employees) {
      byDirectoryId_[e.directoryId] = &e;
      byNumber_[e.employeeNumber] = &e;
      dnOfEmployee_[e.id] = e.directoryDn;
    }
  }

  /// The employees an entry of this run stands for.
  const std::unordered_set<std::int64_t>& handled() const { return handled_; }

  const EmployeeRecord* current(const std::string& directoryId) const {
    auto found = byDirectoryId_.find(directoryId);
    return found == byDirectoryId_.end() ? nullptr : found->second;
  }

  /// Whether the plan of `record` depends on the whole read: it would take over the employee
  /// number of someone whose own entry may still come.
  bool needsWholeRead(const DirectoryRecord& record) const {
    return !current(record.directoryId) && formerEntry(record);
  }

  /// Plans `record`, appending its change (if any) to `out`.
  void plan(const DirectoryRecord& record, const std::string& managerId,
            std::vector<PlannedChange>& out) {
    PlannedChange change;
    change.dn = record.dn;
    change.directoryId = record.directoryId;
    change.record = &record;
    change.managerDirectoryId = managerId;
    // Whatever happens to this entry below, its person has not left.
    if (const EmployeeRecord* known = current(record.directoryId)) handled_.insert(known->id);
    if (const EmployeeRecord* former = formerEntry(record)) handled_.insert(former->id);
    std::optional<std::int64_t> orgUnit;
    try {
      if (options_.orgUnitOf && !record.department.empty())
        orgUnit = options_.orgUnitOf(record.department);
    } catch (const std::exception& e) {
      plan_.errors.push_back({record.dn, e.what()});
      return;
    }
    const EmployeeRecord* existing = current(record.directoryId);
    if (!existing) existing = formerEntry(record);
    if (!existing) {
      planNew(record, orgUnit, change, out);
      return;
    }
    change.employeeId = existing->id;
    change.orgUnitId = orgUnit;
    diff(*existing, record, change);
    if (existing->directoryId != record.directoryId) {
      // In a full run, an entry whose old id is gone was deleted and made again; otherwise two
      // entries claim one employee number.
      bool oldEntryGone =
          options_.mode == SyncMode::Full && !presentIds_.count(existing->directoryId);
      if (existing->status != "terminated" && !oldEntryGone) {
        plan_.errors.push_back(
            {record.dn, "employee number '" + record.employeeNumber + "' belongs to employee " +
                            std::to_string(existing->id) + " with directory id " +
                            existing->directoryId + "; skipped"});
        return;
      }
      change.fields.insert(change.fields.begin(),
                           {"directoryId", existing->directoryId, record.directoryId});
      change.formerDirectoryId = existing->directoryId;
    }
    if (existing->status == "terminated") {
      planReturn(*existing, record, change, out);
      return;
    }
    change.upsert = !change.fields.empty();
    change.kind = movedOrUpdated(*existing, record, change);
    if (record.disabled && existing->status != "suspended") {
      change.status = StatusAction::Suspend;
      change.kind = ChangeKind::Suspended;
      change.fields.push_back({"status", existing->status, "suspended"});
    } else if (!record.disabled && existing->status == "suspended" &&
               bySync(existing->directoryId, "suspended")) {
      change.status = StatusAction::Unsuspend;
      change.kind = ChangeKind::Reactivated;
      change.fields.push_back({"status", "suspended", "active"});
    }
    keep(std::move(change), out);
  }

 private:
  /// A person whose entry was deleted and made again has a new directory id but the same
  /// employee number.
  const EmployeeRecord* formerEntry(const DirectoryRecord& record) const {
    auto found = byNumber_.find(record.employeeNumber);
    return found == byNumber_.end() ? nullptr : found->second;
  }

  void planNew(const DirectoryRecord& record, std::optional<std::int64_t> orgUnit,
               PlannedChange& change, std::vector<PlannedChange>& out) {
    if (record.disabled) {
      ++plan_.disabledAndAbsent;
      return;
    }
    if (!orgUnit) orgUnit = options_.defaultOrgUnitId;
    if (!orgUnit) {
      plan_.errors.push_back({record.dn, "no org unit for department '" + record.department +
                                             "': map it with ldap.departmentMap." +
                                             record.department + " or set ldap.defaultOrgUnit"});
      return;
    }
    change.kind = ChangeKind::Created;
    change.upsert = true;
    change.orgUnitId = orgUnit;
    EmployeeRecord none;
    none.status = "";
    diff(none, record, change);
    change.fields.push_back({"orgUnit", "", std::to_string(*orgUnit)});
    keep(std::move(change), out);
  }

  /// A terminated person the directory has: back only if this connector terminated them.
  void planReturn(const EmployeeRecord& existing, const DirectoryRecord& record,
                  PlannedChange& change, std::vector<PlannedChange>& out) {
    if (record.disabled) {
      ++plan_.unchanged;
      return;
    }
    if (!bySync(existing.directoryId, "terminated")) {
      plan_.errors.push_back(
          {record.dn, "employee " + std::to_string(existing.id) +
                          " is terminated in Cadre but enabled in the directory; not "
                          "re-activated (re-hire them in Cadre or disable the account)"});
      return;
    }
    change.kind = ChangeKind::Reactivated;
    change.upsert = true;
    change.fields.push_back({"status", "terminated", "active"});
    keep(std::move(change), out);
  }

  bool bySync(const std::string& directoryId, const std::string& status) const {
    auto found = cadre_.disabledBySync.find(directoryId);
    return found != cadre_.disabledBySync.end() && found->second == status;
  }

  void diff(const EmployeeRecord& existing, const DirectoryRecord& record,
            PlannedChange& change) const {
    auto compare = [&](const char* field, const std::string& from, const std::string& to) {
      if (from != to) change.fields.push_back({field, from, to});
    };
    compare("employeeNumber", existing.employeeNumber, record.employeeNumber);
    compare("givenName", existing.givenName, record.givenName);
    compare("familyName", existing.familyName, record.familyName);
    compare("email", existing.email, record.email);
    compare("phone", existing.phone, record.phone);
    compare("directoryDn", existing.directoryDn, record.dn);
    if (change.employeeId && change.orgUnitId && change.orgUnitId != existing.orgUnitId)
      compare("orgUnit", idText(existing.orgUnitId), idText(change.orgUnitId));
    compareManager(existing, change);
  }

  void compareManager(const EmployeeRecord& existing, PlannedChange& change) const {
    if (change.managerDirectoryId.empty()) return;
    const EmployeeRecord* manager = current(change.managerDirectoryId);
    if (manager && existing.managerId == manager->id) return;
    std::string from;
    if (existing.managerId) {
      auto dn = dnOfEmployee_.find(*existing.managerId);
      from = dn != dnOfEmployee_.end() ? dn->second
                                       : "employee " + std::to_string(*existing.managerId);
    }
    const DirectoryRecord* wanted = change.record;
    std::string to = manager ? manager->directoryDn : change.managerDirectoryId;
    if (wanted && !wanted->managerDn.empty()) to = wanted->managerDn;
    change.fields.push_back({"manager", from, to});
  }

  ChangeKind movedOrUpdated(const EmployeeRecord& existing, const DirectoryRecord& record,
                            const PlannedChange& change) const {
    bool newPlace = dnKey(existing.directoryDn) != record.dnKey ||
                    (change.orgUnitId && change.orgUnitId != existing.orgUnitId);
    return newPlace ? ChangeKind::Moved : ChangeKind::Updated;
  }

  void keep(PlannedChange change, std::vector<PlannedChange>& out) {
    if (!change.upsert && change.status == StatusAction::None) {
      ++plan_.unchanged;
      return;
    }
    if (change.status == StatusAction::Suspend) ++plan_.disabling;
    out.push_back(std::move(change));
  }

  const CadreState& cadre_;
  const PlanOptions& options_;
  const std::unordered_set<std::string_view>& presentIds_;
  SyncPlan& plan_;
  std::unordered_set<std::int64_t> handled_;
  std::unordered_map<std::string, const EmployeeRecord*> byDirectoryId_;
  std::unordered_map<std::string, const EmployeeRecord*> byNumber_;
  std::unordered_map<std::int64_t, std::string> dnOfEmployee_;
};

namespace {

void planDepartures(const std::unordered_set<std::int64_t>& handled, const CadreState& cadre,
                    const PlanOptions& options, SyncPlan& plan) {
  for (const auto& e : cadre.employees) {
    if (e.status == "terminated" || handled.count(e.id)) continue;
    // An entry that could not be read is still there.
    if (options.unreadableIds.count(e.directoryId) ||
        options.unreadableDnKeys.count(dnKey(e.directoryDn)))
      continue;
    PlannedChange change;
    change.kind = ChangeKind::Terminated;
    change.dn = e.directoryDn;
    change.directoryId = e.directoryId;
    change.employeeId = e.id;
    change.status = StatusAction::Terminate;
    change.fields.push_back({"status", e.status, "terminated"});
    plan.changes.push_back(std::move(change));
    ++plan.disabling;
  }
}

void guard(const CadreState& cadre, const PlanOptions& options, SyncPlan& plan) {
  for (const auto& e : cadre.employees)
    plan.activeBefore += e.status == "active" || e.status == "on_leave";
  double limit = options.maxDisableShare * static_cast<double>(plan.activeBefore);
  // Only a full run infers who left, which a filter typo or a changed bind account would get
  // wrong wholesale; an incremental one acts on accounts disabled one by one.
  if (options.mode != SyncMode::Full || options.force || plan.disabling == 0 ||
      static_cast<double>(plan.disabling) <= limit)
    return;
  plan.stopReason =
      "the run would suspend or terminate " + std::to_string(plan.disabling) + " of " +
      std::to_string(plan.activeBefore) + " active employees, more than ldap.maxDisableShare (" +
      std::to_string(static_cast<int>(std::lround(options.maxDisableShare * 100))) +
      "%); nothing was written. Check ldap.filter, ldap.baseDN and the bind account; if the "
      "directory is right, run `cadre sync ldap --full --force`";
}

}  // namespace

const char* changeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::Created:
      return "created";
    case ChangeKind::Updated:
      return "updated";
    case ChangeKind::Moved:
      return "moved";
    case ChangeKind::Suspended:
      return "suspended";
    case ChangeKind::Terminated:
      return "terminated";
    case ChangeKind::Reactivated:
      return "reactivated";
  }
  return "updated";
}

struct SyncPlanner::State {
  State(const CadreState& cadre, const PlanOptions& options) : cadre(cadre), options(options) {
    plan.mode = options.mode;
  }

  /// The planner of people, made (and `cadre` indexed) when first needed: an incremental run
  /// needs it only in finish(), so its caller may read Cadre after the directory.
  PersonPlanner& person() {
    if (!planner) planner.emplace(cadre, options, presentIds, plan);
    return *planner;
  }

  /// The manager's directory id when `record` can be planned now: "" for none, the id of a
  /// manager planned before; std::nullopt when it must wait for the whole read.
  std::optional<std::string> readyManager(const DirectoryRecord& record) {
    if (options.mode != SyncMode::Full || person().needsWholeRead(record)) return std::nullopt;
    if (record.managerDnKey.empty()) return std::string();
    auto manager = recordOfDnKey.find(record.managerDnKey);
    if (manager == recordOfDnKey.end() || !planned.count(manager->second->directoryId))
      return std::nullopt;
    return manager->second->directoryId;
  }

  const CadreState& cadre;
  const PlanOptions& options;
  SyncPlan plan;
  // Keys are views of the records' own text, which outlives the planner.
  /// The directory ids of the records kept (a second record with one of them is skipped).
  std::unordered_set<std::string_view> presentIds;
  std::optional<PersonPlanner> planner;
  /// Every record kept, in the order read, and by DN key.
  std::vector<const DirectoryRecord*> records;
  std::unordered_map<std::string_view, const DirectoryRecord*> recordOfDnKey;
  /// The directory ids of the records planned as they arrived.
  std::unordered_set<std::string_view> planned;
  bool waiting = false;
};

SyncPlanner::SyncPlanner(const CadreState& cadre, const PlanOptions& options)
    : state_(std::make_unique<State>(cadre, options)) {}

SyncPlanner::~SyncPlanner() = default;

void SyncPlanner::add(const DirectoryRecord& record, std::vector<PlannedChange>& ready) {
  State& s = *state_;
  if (!s.presentIds.insert(record.directoryId).second) {
    s.plan.errors.push_back({record.dn, "directory id " + record.directoryId +
                                            " is already used by another entry; skipped"});
    return;
  }
  s.records.push_back(&record);
  s.recordOfDnKey.emplace(record.dnKey, &record);
  auto manager = s.readyManager(record);
  if (!manager) {
    s.waiting = true;
    return;
  }
  s.planned.insert(record.directoryId);
  s.person().plan(record, *manager, ready);
}

SyncPlan SyncPlanner::finish() {
  State& s = *state_;
  if (s.waiting) {
    auto links = linkManagers(s.records, s.cadre.employees, s.options.mode);
    s.plan.errors.insert(s.plan.errors.end(), links.errors.begin(), links.errors.end());
    for (auto index : managersFirst(s.records, links.managerIds)) {
      const DirectoryRecord& record = *s.records[index];
      if (s.planned.count(record.directoryId)) continue;
      s.person().plan(record, links.managerIds[index], s.plan.changes);
    }
  }
  if (s.options.mode == SyncMode::Full)
    planDepartures(s.person().handled(), s.cadre, s.options, s.plan);
  guard(s.cadre, s.options, s.plan);
  return std::move(s.plan);
}

SyncPlan planSync(const std::vector<DirectoryRecord>& records, const CadreState& cadre,
                  const PlanOptions& options) {
  SyncPlanner planner(cadre, options);
  std::vector<PlannedChange> ready;
  for (const auto& record : records) planner.add(record, ready);
  SyncPlan plan = planner.finish();
  plan.changes.insert(plan.changes.begin(), std::make_move_iterator(ready.begin()),
                      std::make_move_iterator(ready.end()));
  return plan;
}

}  // namespace cadre::ldap
