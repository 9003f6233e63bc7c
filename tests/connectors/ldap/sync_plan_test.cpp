// Planning a sync without a directory or a database: matching, diffs, statuses, managers, the
// disable guard.
#include "sync_plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace cadre::ldap {
namespace {

using territory::EmployeeRecord;

DirectoryRecord directoryPerson(const std::string& id, const std::string& uid,
                                const std::string& managerUid = "") {
  DirectoryRecord r;
  r.directoryId = id;
  r.dn = "uid=" + uid + ",ou=People,dc=example,dc=com";
  r.dnKey = dnKey(r.dn);
  r.employeeNumber = "E-" + uid;
  r.givenName = "Given " + uid;
  r.familyName = "Family";
  r.email = uid + "@example.com";
  r.department = "Sales";
  if (!managerUid.empty()) {
    r.managerDn = "uid=" + managerUid + ",ou=People,dc=example,dc=com";
    r.managerDnKey = dnKey(r.managerDn);
  }
  return r;
}

/// Cadre's employee matching a record exactly, in org unit 7.
EmployeeRecord employee(std::int64_t id, const DirectoryRecord& r,
                        const std::string& status = "active") {
  EmployeeRecord e;
  e.id = id;
  e.directoryId = r.directoryId;
  e.directoryDn = r.dn;
  e.employeeNumber = r.employeeNumber;
  e.givenName = r.givenName;
  e.familyName = r.familyName;
  e.email = r.email;
  e.status = status;
  e.orgUnitId = 7;
  return e;
}

PlanOptions options(SyncMode mode = SyncMode::Full) {
  PlanOptions o;
  o.mode = mode;
  o.orgUnitOf = [](const std::string& department) -> std::optional<std::int64_t> {
    if (department == "Sales") return 7;
    if (department == "Support") return 8;
    return std::nullopt;
  };
  return o;
}

std::vector<std::string> kindsAndDns(const SyncPlan& plan) {
  std::vector<std::string> result;
  for (const auto& c : plan.changes)
    result.push_back(std::string(changeKindName(c.kind)) + " " +
                     c.dn.substr(4, c.dn.find(',') - 4));
  return result;
}

TEST(SyncPlan, NewPeopleAreCreatedManagersFirstWhateverTheOrder) {
  std::vector<DirectoryRecord> records{directoryPerson("3", "rep", "lead"),
                                       directoryPerson("2", "lead", "boss"),
                                       directoryPerson("1", "boss")};
  auto plan = planSync(records, {}, options());
  EXPECT_EQ(kindsAndDns(plan),
            (std::vector<std::string>{"created boss", "created lead", "created rep"}));
  EXPECT_EQ(plan.changes[1].managerDirectoryId, "1");
  EXPECT_EQ(plan.changes[2].managerDirectoryId, "2");
  EXPECT_EQ(plan.changes[0].managerDirectoryId, "");
  EXPECT_EQ(plan.changes[0].orgUnitId, 7);
  EXPECT_TRUE(plan.changes[0].upsert);
  EXPECT_TRUE(plan.errors.empty());
  EXPECT_FALSE(plan.stopReason);
}

TEST(SyncPlan, AnUnmappedDepartmentGoesToTheDefaultUnitOrIsReported) {
  auto r = directoryPerson("1", "ana");
  r.department = "Legal";
  auto reported = planSync({r}, {}, options());
  EXPECT_TRUE(reported.changes.empty());
  EXPECT_EQ(reported.errors,
            (std::vector<EntryError>{{r.dn,
                                      "no org unit for department 'Legal': map it with "
                                      "ldap.departmentMap.Legal or set ldap.defaultOrgUnit"}}));
  auto o = options();
  o.defaultOrgUnitId = 3;
  auto placed = planSync({r}, {}, o);
  ASSERT_EQ(placed.changes.size(), 1u);
  EXPECT_EQ(placed.changes[0].orgUnitId, 3);
  // A mapping the resolver refuses (a code that names no unit) is that entry's error.
  o.orgUnitOf = [](const std::string&) -> std::optional<std::int64_t> {
    throw std::runtime_error(
        "ldap.departmentMap maps 'Legal' to org unit 'X', which does not exist");
  };
  auto refused = planSync({r}, {}, o);
  EXPECT_TRUE(refused.changes.empty());
  ASSERT_EQ(refused.errors.size(), 1u);
  EXPECT_EQ(refused.errors[0].message,
            "ldap.departmentMap maps 'Legal' to org unit 'X', which does not exist");
}

TEST(SyncPlan, MatchesOnTheDirectoryIdAndShowsEachFieldOldToNew) {
  auto before = directoryPerson("u-1", "ana");
  CadreState cadre{{employee(10, before)}, {}};
  auto same = planSync({before}, cadre, options());
  EXPECT_TRUE(same.changes.empty());
  EXPECT_EQ(same.unchanged, 1u);

  auto after = before;
  after.familyName = "Nguyễn";
  after.email = "";
  auto updated = planSync({after}, cadre, options());
  ASSERT_EQ(updated.changes.size(), 1u);
  EXPECT_EQ(updated.changes[0].kind, ChangeKind::Updated);
  EXPECT_EQ(updated.changes[0].employeeId, 10);
  EXPECT_EQ(updated.changes[0].fields,
            (std::vector<FieldChange>{{"familyName", "Family", "Nguyễn"},
                                      {"email", "ana@example.com", ""}}));

  // Renamed and moved to another OU: the same employee, counted as moved.
  auto moved = before;
  moved.dn = "uid=ana2,ou=Support,ou=People,dc=example,dc=com";
  moved.dnKey = dnKey(moved.dn);
  moved.department = "Support";
  auto plan = planSync({moved}, cadre, options());
  ASSERT_EQ(plan.changes.size(), 1u);
  EXPECT_EQ(plan.changes[0].kind, ChangeKind::Moved);
  EXPECT_EQ(plan.changes[0].employeeId, 10);
  EXPECT_EQ(plan.changes[0].orgUnitId, 8);
  EXPECT_EQ(plan.changes[0].fields, (std::vector<FieldChange>{{"directoryDn", before.dn, moved.dn},
                                                              {"orgUnit", "7", "8"}}));
}

TEST(SyncPlan, DisabledAccountsAreSuspendedAndComeBackOnlyIfTheSyncSuspendedThem) {
  auto r = directoryPerson("u-1", "ana");
  r.disabled = true;
  auto suspend =
      planSync({r}, CadreState{{employee(10, directoryPerson("u-1", "ana"))}, {}}, options());
  ASSERT_EQ(suspend.changes.size(), 1u);
  EXPECT_EQ(suspend.changes[0].kind, ChangeKind::Suspended);
  EXPECT_EQ(suspend.changes[0].status, StatusAction::Suspend);
  EXPECT_FALSE(suspend.changes[0].upsert);
  EXPECT_EQ(suspend.disabling, 1u);

  // A disabled account of someone Cadre does not have creates nobody.
  auto absent = planSync({r}, {}, options());
  EXPECT_TRUE(absent.changes.empty());
  EXPECT_EQ(absent.disabledAndAbsent, 1u);

  auto enabled = directoryPerson("u-1", "ana");
  CadreState suspendedBySync{{employee(10, enabled, "suspended")}, {{"u-1", "suspended"}}};
  auto back = planSync({enabled}, suspendedBySync, options());
  ASSERT_EQ(back.changes.size(), 1u);
  EXPECT_EQ(back.changes[0].kind, ChangeKind::Reactivated);
  EXPECT_EQ(back.changes[0].status, StatusAction::Unsuspend);

  // Suspended in Cadre by HR: the directory does not lift it.
  CadreState suspendedByHr{{employee(10, enabled, "suspended")}, {}};
  auto kept = planSync({enabled}, suspendedByHr, options());
  EXPECT_TRUE(kept.changes.empty());
  EXPECT_EQ(kept.unchanged, 1u);
}

TEST(SyncPlan, OnlyAFullSyncTerminatesWhoeverLeftAndOnlyItsOwnComeBack) {
  auto ana = directoryPerson("u-1", "ana");
  auto ben = directoryPerson("u-2", "ben");
  CadreState cadre{{employee(10, ana), employee(11, ben)}, {}};
  auto o = options();
  o.maxDisableShare = 0.5;
  auto full = planSync({ana}, cadre, o);
  EXPECT_EQ(kindsAndDns(full), (std::vector<std::string>{"terminated ben"}));
  EXPECT_EQ(full.changes[0].employeeId, 11);
  EXPECT_EQ(full.unchanged, 1u);
  auto incremental = planSync({ana}, cadre, options(SyncMode::Incremental));
  EXPECT_TRUE(incremental.changes.empty());

  CadreState terminated{{employee(10, ana, "terminated"), employee(11, ben, "terminated")},
                        {{"u-1", "terminated"}}};
  auto back = planSync({ana, ben}, terminated, options());
  EXPECT_EQ(kindsAndDns(back), (std::vector<std::string>{"reactivated ana"}));
  EXPECT_TRUE(back.changes[0].upsert);
  EXPECT_EQ(back.errors,
            (std::vector<EntryError>{{ben.dn,
                                      "employee 11 is terminated in Cadre but enabled in the "
                                      "directory; not re-activated (re-hire them in Cadre or "
                                      "disable the account)"}}));
}

TEST(SyncPlan, PeopleBehindEntriesThatCouldNotBeReadHaveNotLeft) {
  auto ana = directoryPerson("u-1", "ana");
  auto ben = directoryPerson("u-2", "ben");
  auto cam = directoryPerson("u-3", "cam");
  CadreState cadre{{employee(10, ana), employee(11, ben), employee(12, cam)}, {}};
  auto o = options();
  o.maxDisableShare = 1.0;
  o.unreadableIds = {"u-2"};
  o.unreadableDnKeys = {cam.dnKey};  // its id could not be read either
  auto plan = planSync({ana}, cadre, o);
  EXPECT_TRUE(plan.changes.empty());
  EXPECT_EQ(plan.disabling, 0u);
}

TEST(SyncPlan, AnEntryMadeAgainWithANewIdIsThePersonWithItsEmployeeNumber) {
  auto old = directoryPerson("old-id", "ana");
  auto remade = directoryPerson("new-id", "ana");
  CadreState active{{employee(10, old)}, {}};
  auto full = planSync({remade}, active, options());
  ASSERT_EQ(full.changes.size(), 1u);  // the old entry is gone: the same employee, not a leaver
  EXPECT_EQ(full.changes[0].employeeId, 10);
  EXPECT_EQ(full.changes[0].formerDirectoryId, "old-id");
  EXPECT_EQ(full.changes[0].fields,
            (std::vector<FieldChange>{{"directoryId", "old-id", "new-id"}}));
  // Incrementally the old entry may still be there: two entries claim one number.
  auto incremental = planSync({remade}, active, options(SyncMode::Incremental));
  EXPECT_TRUE(incremental.changes.empty());
  EXPECT_EQ(incremental.errors,
            (std::vector<EntryError>{{remade.dn,
                                      "employee number 'E-ana' belongs to employee 10 "
                                      "with directory id old-id; skipped"}}));
  CadreState left{{employee(10, old, "terminated")}, {{"old-id", "terminated"}}};
  auto back = planSync({remade}, left, options(SyncMode::Incremental));
  ASSERT_EQ(back.changes.size(), 1u);
  EXPECT_EQ(back.changes[0].kind, ChangeKind::Reactivated);
  EXPECT_EQ(back.changes[0].formerDirectoryId, "old-id");
}

TEST(SyncPlan, ManagerCyclesAndManagersOutsideTheFilterAreReportedNotInvented) {
  std::vector<DirectoryRecord> records{
      directoryPerson("1", "a", "b"), directoryPerson("2", "b", "a"),
      directoryPerson("3", "c", "ghost"), directoryPerson("4", "d", "d")};
  auto plan = planSync(records, {}, options());
  EXPECT_EQ(plan.changes.size(), 4u);
  for (const auto& change : plan.changes) EXPECT_EQ(change.managerDirectoryId, "") << change.dn;
  std::vector<std::string> messages;
  for (const auto& e : plan.errors) messages.push_back(e.dn.substr(4, 1) + ": " + e.message);
  std::sort(messages.begin(), messages.end());
  const std::string a = records[0].dn, b = records[1].dn, d = records[3].dn;
  EXPECT_EQ(messages,
            (std::vector<std::string>{
                "a: manager cycle " + a + " → " + b + " → " + a + "; the manager is left as it is",
                "b: manager cycle " + a + " → " + b + " → " + a + "; the manager is left as it is",
                "c: manager 'uid=ghost,ou=People,dc=example,dc=com' is not among the synced "
                "entries; the manager is left as it is",
                "d: manager cycle " + d + " → " + d + "; the manager is left as it is"}));
}

TEST(SyncPlan, AnIncrementalRunFindsManagersAmongThePeopleCadreHas) {
  auto boss = directoryPerson("1", "boss");
  auto rep = directoryPerson("2", "rep", "boss");
  // The manager's DN is written with other spacing and case: DNs compare by their key.
  rep.managerDn = "UID=boss, OU=people,DC=example,DC=com";
  rep.managerDnKey = dnKey(rep.managerDn);
  CadreState cadre{{employee(10, boss)}, {}};
  auto plan = planSync({rep}, cadre, options(SyncMode::Incremental));
  ASSERT_EQ(plan.changes.size(), 1u);
  EXPECT_EQ(plan.changes[0].kind, ChangeKind::Created);
  EXPECT_EQ(plan.changes[0].managerDirectoryId, "1");
  EXPECT_TRUE(plan.errors.empty());
  // A full run reads everyone: a manager it did not read is outside the filter.
  auto full = planSync({rep}, cadre, [] {
    auto o = options();
    o.maxDisableShare = 1.0;
    return o;
  }());
  ASSERT_EQ(full.errors.size(), 1u);
  EXPECT_EQ(full.errors[0].dn, rep.dn);
}

TEST(SyncPlan, TheDisableGuardStopsARunThatWouldDisableTooMany) {
  CadreState cadre;
  std::vector<DirectoryRecord> records;
  for (int i = 0; i < 20; ++i) {
    records.push_back(directoryPerson(std::to_string(i), "p" + std::to_string(i)));
    cadre.employees.push_back(employee(100 + i, records.back()));
  }
  // Two of twenty (10%) may go; three may not.
  auto two =
      planSync(std::vector<DirectoryRecord>(records.begin(), records.end() - 2), cadre, options());
  EXPECT_FALSE(two.stopReason);
  EXPECT_EQ(two.disabling, 2u);
  auto three =
      planSync(std::vector<DirectoryRecord>(records.begin(), records.end() - 3), cadre, options());
  ASSERT_TRUE(three.stopReason);
  EXPECT_EQ(*three.stopReason,
            "the run would suspend or terminate 3 of 20 active employees, more than "
            "ldap.maxDisableShare (10%); nothing was written. Check ldap.filter, ldap.baseDN and "
            "the bind account; if the directory is right, run `cadre sync ldap --full --force`");
  // A filter that suddenly matches nothing.
  auto none = planSync({}, cadre, options());
  EXPECT_TRUE(none.stopReason);
  EXPECT_EQ(none.disabling, 20u);
  auto forced = options();
  forced.force = true;
  EXPECT_FALSE(planSync({}, cadre, forced).stopReason);
  // Incremental runs infer no departures; accounts disabled one by one are not guarded.
  for (auto& r : records) r.disabled = true;
  auto disabled = planSync(records, cadre, options(SyncMode::Incremental));
  EXPECT_EQ(disabled.disabling, 20u);
  EXPECT_FALSE(disabled.stopReason);
}

TEST(SyncPlan, ASecondEntryWithTheSameIdIsReportedAndSkipped) {
  auto first = directoryPerson("same", "ana");
  auto second = directoryPerson("same", "ben");
  auto plan = planSync({first, second}, {}, options());
  EXPECT_EQ(kindsAndDns(plan), (std::vector<std::string>{"created ana"}));
  EXPECT_EQ(plan.errors,
            (std::vector<EntryError>{{second.dn,
                                      "directory id same is already used by another entry; "
                                      "skipped"}}));
}

}  // namespace
}  // namespace cadre::ldap
