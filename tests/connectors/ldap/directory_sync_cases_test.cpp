// Sync cases where the engine does not matter (SQLite): bad entries, manager cycles and managers
// outside the filter, an Active Directory-like tree, incremental reads.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "ldap_values.hpp"
#include "plan_writer.hpp"
#include "sync_fixture.hpp"

namespace cadre::ldap::test {
namespace {

using cadre::test::ldifReplace;

std::vector<std::string> sorted(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  return items;
}

TEST(DirectorySyncCases, BadEntriesCyclesAndOutsideManagersAreReportedAndTheRestGoesOn) {
  LdifBuilder ldif;
  const std::string people = ldif.organizationalUnit("people");
  const std::string others = ldif.organizationalUnit("others");
  const std::string outsider = ldif.person(person("out", "Out", "Sider", "Sales"), others);
  auto noNumber = person("nonum", "No", "Number", "Sales");
  noNumber.employeeNumber = "";
  const std::string bad = ldif.person(noNumber, people);
  const std::string x = "cn=Xuan Le," + people;
  const std::string y = "cn=Yen Vo," + people;
  ldif.person(person("xuan", "Xuan", "Le", "Sales", y), people);
  ldif.person(person("yen", "Yen", "Vo", "Sales", x), people);
  const std::string z = ldif.person(person("zed", "Zed", "Ra", "Sales", outsider), people);
  SlapdServer server(ldif.text());
  SyncDatabase cadre("sqlite");

  auto result = cadre.sync->run(settingsFor(server, {{"ldap.baseDN", people}}), "", {});
  EXPECT_EQ(result.run.outcome, RunOutcome::Completed);
  EXPECT_EQ(result.run.entriesRead, 4);
  EXPECT_EQ(result.run.counts.created, 3);
  std::vector<std::string> errors;
  for (const auto& e : result.run.counts.errors) errors.push_back(e.dn + ": " + e.message);
  EXPECT_EQ(
      sorted(errors),
      sorted({bad + ": missing required attribute 'employeeNumber'; skipped",
              x + ": manager cycle " + x + " → " + y + " → " + x + "; the manager is left as it is",
              y + ": manager cycle " + x + " → " + y + " → " + x + "; the manager is left as it is",
              z + ": manager '" + outsider +
                  "' is not among the synced entries; the manager is left as it is"}));
  EXPECT_EQ(result.run.errorCount, 4);
  auto employees = cadre.employees();
  EXPECT_EQ(employees.size(), 3u);
  for (const auto& [id, e] : employees) EXPECT_EQ(e.managerId, std::nullopt) << e.directoryDn;

  // A known person whose entry turns bad is reported, and not taken for a leaver.
  server.ldapmodify(ldifReplace(z, "employeeNumber", {}));
  SyncRequest full;
  full.full = true;
  auto again = cadre.sync->run(settingsFor(server, {{"ldap.baseDN", people}}), "", full);
  EXPECT_EQ(again.run.outcome, RunOutcome::Completed);
  EXPECT_EQ(again.run.counts.disabled, 0);
  EXPECT_EQ(again.run.counts.unchanged, 2);
  const auto& zErrors = again.run.counts.errors;
  EXPECT_NE(std::find(zErrors.begin(), zErrors.end(),
                      EntryError{z, "missing required attribute 'employeeNumber'; skipped"}),
            zErrors.end());
  for (const auto& [id, e] : cadre.employees()) EXPECT_EQ(e.status, "active") << e.directoryDn;
}

TEST(DirectorySyncCases, AnActiveDirectoryLikeTreeByObjectGuidAccountControlAndUsn) {
  LdifBuilder ldif;
  const std::string users = ldif.organizationalUnit("Users");
  std::vector<std::string> dns;
  for (int i = 1; i <= 4; ++i) {
    LdifBuilder::AdUser u;
    u.sAMAccountName = "user" + std::to_string(i);
    u.givenName = "Dũng";
    u.familyName = "Phạm " + std::to_string(i);
    u.employeeNumber = "AD-" + std::to_string(i);
    u.department = "Sales";
    u.uSNChanged = i;
    u.userAccountControl = i == 4 ? 514 : 512;  // the fourth is disabled
    dns.push_back(ldif.adUser(u, users));
  }
  SlapdServer server(ldif.text());
  SyncDatabase cadre("sqlite");
  const Keys ad{{"ldap.profile", "activedirectory"}, {"ldap.filter", "(objectClass=user)"}};

  auto first = cadre.sync->run(settingsFor(server, ad), "", {});
  EXPECT_EQ(first.run.counts.created, 3) << first.run.message;
  EXPECT_EQ(first.run.watermark, "4");
  auto employees = cadre.employees();
  ASSERT_EQ(employees.count(objectGuidToText(cadre::test::testGuid("user1"))), 1u);
  EXPECT_EQ(employees.at(objectGuidToText(cadre::test::testGuid("user1"))).familyName, "Phạm 1");
  EXPECT_EQ(employees.count(objectGuidToText(cadre::test::testGuid("user4"))), 0u);

  // The second user is disabled and the third renamed; AD raises their uSNChanged.
  server.ldapmodify(ldifReplace(dns[1], "userAccountControl", {"514"}));
  server.ldapmodify(ldifReplace(dns[1], "uSNChanged", {"50"}));
  server.ldapmodify(ldifReplace(dns[2], "sn", {"Phạm Văn"}));
  server.ldapmodify(ldifReplace(dns[2], "uSNChanged", {"51"}));
  auto incremental = cadre.sync->run(settingsFor(server, ad), "", {});
  EXPECT_EQ(incremental.run.mode, SyncMode::Incremental);
  EXPECT_EQ(incremental.run.entriesRead, 3);  // uSNChanged >= 4: the fourth again, and the two
  EXPECT_EQ(incremental.run.counts.disabled, 1) << incremental.run.message;
  EXPECT_EQ(incremental.run.counts.updated, 1);
  EXPECT_EQ(incremental.run.watermark, "51");
  employees = cadre.employees();
  EXPECT_EQ(employees.at(objectGuidToText(cadre::test::testGuid("user2"))).status, "suspended");
  EXPECT_EQ(employees.at(objectGuidToText(cadre::test::testGuid("user3"))).familyName, "Phạm Văn");
}

TEST(DirectorySyncCases, AnIncrementalRunReadsOnlyWhatChangedSinceTheWatermark) {
  LdifBuilder ldif;
  const std::string people = ldif.organizationalUnit("people");
  auto dns = ldif.people(12, people);
  SlapdServer server(ldif.text());
  SyncDatabase cadre("sqlite");
  const Keys noOverlap{{"ldap.overlapSeconds", "0"}};
  ASSERT_EQ(cadre.sync->run(settingsFor(server, noOverlap), "ACME", {}).run.counts.created, 12);
  // modifyTimestamp counts seconds: each change in a second of its own, so that the watermark
  // is the time of the first change alone.
  auto later = [] { std::this_thread::sleep_for(std::chrono::milliseconds(1100)); };
  later();
  server.ldapmodify(ldifReplace(dns[4], "mail", {"five@example.com"}));
  EXPECT_EQ(cadre.sync->run(settingsFor(server, noOverlap), "ACME", {}).run.counts.updated, 1);
  later();
  server.ldapmodify(ldifReplace(dns[7], "mail", {"eight@example.com"}));
  auto incremental = cadre.sync->run(settingsFor(server, noOverlap), "ACME", {});
  // The change at the watermark's own second is read again (>=), and changes nothing.
  EXPECT_EQ(incremental.run.entriesRead, 2);
  EXPECT_EQ(incremental.run.counts.updated, 1);
  EXPECT_EQ(incremental.run.counts.unchanged, 1);
  EXPECT_EQ(cadre.employees().at(incremental.changes.at(0).directoryId).email, "eight@example.com");
  // With an overlap, what shares the watermark's time is read again, and changes nothing.
  auto overlapping = cadre.sync->run(settingsFor(server), "ACME", {});
  EXPECT_EQ(overlapping.run.entriesRead, 12);
  EXPECT_EQ(overlapping.run.counts.unchanged, 12);
}

TEST(DirectorySyncCases, AnIncrementalRunFindsManagersAndCyclesAmongThePeopleItDidNotRead) {
  LdifBuilder ldif;
  const std::string people = ldif.organizationalUnit("people");
  const std::string top = ldif.person(person("top", "Thanh", "Do", "Sales"), people);
  const std::string m1 = ldif.person(person("m1", "Minh", "Vu", "Sales", top), people);
  const std::string a = ldif.person(person("a", "Anh", "Le", "Sales", m1), people);
  const std::string x = ldif.person(person("x", "Xuan", "Ho", "Sales"), people);
  SlapdServer server(ldif.text());
  SyncDatabase cadre("sqlite");
  const Keys noOverlap{{"ldap.overlapSeconds", "0"}};
  auto sync = [&] { return cadre.sync->run(settingsFor(server, noOverlap), "ACME", {}); };
  ASSERT_EQ(sync().run.counts.created, 4);
  auto later = [] { std::this_thread::sleep_for(std::chrono::milliseconds(1100)); };
  later();
  // Moves the watermark past the entries' creation, so that top and m1 are not read again.
  server.ldapmodify(ldifReplace(x, "mail", {"xuan@sales.example.com"}));
  ASSERT_EQ(sync().run.counts.updated, 1);
  later();
  server.ldapmodify(ldifReplace(a, "mail", {"anh@sales.example.com"}));
  auto onlyA = sync();
  EXPECT_EQ(onlyA.run.entriesRead, 2);  // x at the watermark's second, and a
  EXPECT_EQ(onlyA.run.counts.updated, 1) << onlyA.run.message;
  EXPECT_TRUE(onlyA.run.counts.errors.empty()) << onlyA.run.counts.errors.at(0).message;
  auto employees = cadre.employees();
  const auto byDn = [&](const std::string& dn) {
    for (const auto& [id, e] : employees)
      if (dnKey(e.directoryDn) == dnKey(dn)) return e;
    return territory::EmployeeRecord{};
  };
  EXPECT_EQ(byDn(a).email, "anh@sales.example.com");
  EXPECT_EQ(byDn(a).managerId, byDn(m1).id);  // m1 was not read: as Cadre has them
  later();
  // top → a → m1 → top, where m1 (not read) reports to top as Cadre has it.
  server.ldapmodify(ldifReplace(top, "manager", {a}));
  auto cycle = sync();
  EXPECT_EQ(cycle.run.entriesRead, 2);  // a at the watermark's second, and top
  const std::string text = top + " → " + a + " → " + m1 + " → " + top;
  std::vector<std::string> errors;
  for (const auto& e : cycle.run.counts.errors) errors.push_back(e.dn + ": " + e.message);
  EXPECT_EQ(sorted(errors),
            sorted({top + ": manager cycle " + text + "; the manager is left as it is",
                    a + ": manager cycle " + text + "; the manager is left as it is",
                    m1 + ": manager cycle " + text + "; the manager is left as it is"}));
  employees = cadre.employees();
  EXPECT_EQ(byDn(top).managerId, std::nullopt);
  EXPECT_EQ(byDn(a).managerId, byDn(m1).id);
}

/// A chain of `count` people (each reporting to the one before, the first to nobody), written
/// managers first: every one of them can be planned and written while the read goes on.
std::vector<std::string> reportingChain(LdifBuilder& ldif, const std::string& ouDn, int count) {
  std::vector<std::string> dns;
  for (int i = 0; i < count; ++i) {
    const std::string uid = "chain" + std::to_string(i);
    dns.push_back(ldif.person(
        person(uid, "Given", "Family " + std::to_string(i), "Sales", dns.empty() ? "" : dns.back()),
        ouDn));
  }
  return dns;
}

// The reading thread is at most five feed batches (1,000 entries) ahead of the writes, and
// people are written 500 at a time: after 1,700 entries, at least 500 were written, and the
// last page (of 200) is still to be asked for.
constexpr int kChainLength = 2000;
constexpr std::size_t kKillAt = 1700;

/// A server that pages through thousands of entries (slapd's default limit of 500 would also
/// cap a paged search), read 200 at a time.
SlapdServer bigServer(const std::string& ldif) {
  SlapdServer::Options options;
  options.sizeLimit = 500;
  return SlapdServer(ldif, options);
}
const Keys kBigPages{{"ldap.pageSize", "200"}};

TEST(DirectorySyncCases, AServerKilledAfterWritesBeganLeavesCadreAsItWas) {
  LdifBuilder ldif;
  const std::string people = ldif.organizationalUnit("people");
  reportingChain(ldif, people, kChainLength);
  SlapdServer server = bigServer(ldif.text());
  SyncDatabase cadre("sqlite");
  const std::string before = cadre.snapshot();
  cadre.sync->observeReads([&server](std::size_t entries) {
    if (entries == kKillAt) server.kill();
  });
  auto killed = cadre.sync->run(settingsFor(server, kBigPages), "ACME", {});
  EXPECT_EQ(killed.run.outcome, RunOutcome::Failed);
  EXPECT_EQ(killed.run.message.rfind("reading the directory failed; nothing was written: ", 0), 0u)
      << killed.run.message;
  // People were hired (the audit double keeps what the rolled-back transaction wrote)...
  EXPECT_GE(cadre.audit.entries.size(), PlanWriter::kBatchSize);
  // ...and rolled back with the run. (Not EXPECT_EQ: the snapshots are thousands of lines.)
  EXPECT_TRUE(cadre.snapshot() == before);
  EXPECT_EQ(cadre.count("SELECT COUNT(*) FROM territory_employees"), 0);

  cadre.sync->observeReads({});
  server.start();
  auto next = cadre.sync->run(settingsFor(server, kBigPages), "ACME", {});
  EXPECT_EQ(next.run.outcome, RunOutcome::Completed) << next.run.message;
  EXPECT_EQ(next.run.counts.created, kChainLength);
  EXPECT_EQ(cadre.count("SELECT COUNT(*) FROM territory_assignments WHERE manager_id IS NULL"), 1);
}

TEST(DirectorySyncCases, TheDisableGuardRollsBackWhatWasWrittenWhileReading) {
  LdifBuilder ldif;
  const std::string people = ldif.organizationalUnit("people");
  const std::string others = ldif.organizationalUnit("others");
  auto chain = reportingChain(ldif, people, kChainLength);
  ldif.people(kChainLength / 2, others, "other");
  SlapdServer server = bigServer(ldif.text());
  SyncDatabase cadre("sqlite");
  SyncRequest full;
  full.full = true;
  ASSERT_EQ(cadre.sync->run(settingsFor(server, kBigPages), "ACME", full).run.counts.created,
            kChainLength * 3 / 2);
  std::string changes;
  for (const auto& dn : chain) changes += ldifReplace(dn, "mail", {"new@example.com"});
  server.ldapmodify(changes);
  const std::string before = cadre.snapshot();
  const auto auditBefore = cadre.audit.entries.size();

  // Only `people` is read: the chain's 2,000 updates are written as they are read, then the
  // 1,000 in `others` would be terminated (a third of everyone): the guard stops the run.
  Keys onlyPeople = kBigPages;
  onlyPeople["ldap.baseDN"] = people;
  auto stopped = cadre.sync->run(settingsFor(server, onlyPeople), "ACME", full);
  EXPECT_EQ(stopped.run.outcome, RunOutcome::Stopped) << stopped.run.message;
  EXPECT_GE(cadre.audit.entries.size() - auditBefore, PlanWriter::kBatchSize);
  EXPECT_EQ(stopped.changes.size(), static_cast<std::size_t>(kChainLength * 3 / 2));
  EXPECT_TRUE(cadre.snapshot() == before);
}

}  // namespace
}  // namespace cadre::ldap::test
