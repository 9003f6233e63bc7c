// The sync against a real slapd and real databases: the cases of issue 5 that change what Cadre
// holds (names, escaped DNs, managers, moves, deletions, disabled accounts, a server killed
// halfway, a filter that matches nothing, dry runs, idempotence).
#include <gtest/gtest.h>

#include <algorithm>

#include "clock_text.hpp"
#include "ldap_values.hpp"
#include "sync_fixture.hpp"

namespace cadre::ldap::test {
namespace {

using cadre::test::ldifDelete;
using cadre::test::ldifRename;
using cadre::test::ldifReplace;

/// The tree every test here starts from: five people whose names are not ASCII or whose DNs
/// need escaping, written before their managers, and twenty more: more than the server's size
/// limit of ten.
struct Tree {
  LdifBuilder ldif;
  std::string people, moved, hoa, wei, budi, smith, quoted;
  std::vector<std::string> users;

  Tree() {
    people = ldif.organizationalUnit("people");
    moved = ldif.organizationalUnit("moved");
    hoa = "cn=Hoa Nguyễn Thị," + people;
    wei = "cn=张伟," + people;
    smith = "cn=" + cadre::test::dnValue("Smith, John") + "," + people;
    budi = ldif.person(person("budi", "Budi", "Santoso", "Sales", wei), people);
    quoted = ldif.person(person("ab", "Anh", "Bùi", "Support", smith, "A+B \"Sales\""), people);
    EXPECT_EQ(ldif.person(person("wei", "伟", "张", "Sales", hoa, "张伟"), people), wei);
    EXPECT_EQ(ldif.person(person("jsmith", "John", "Smith", "Support", hoa, "Smith, John"), people),
              smith);
    EXPECT_EQ(
        ldif.person(person("hoa", "Hoa", "Nguyễn Thị", "Sales", "", "Hoa Nguyễn Thị"), people),
        hoa);
    users = ldif.people(20, people);
  }
};

SlapdServer::Options limited() {
  SlapdServer::Options options;
  options.sizeLimit = 10;
  return options;
}

class DirectorySyncTest : public ::testing::TestWithParam<std::string> {
 protected:
  DirectorySyncTest() : cadre_(GetParam()), server_(tree_.ldif.text(), limited()) {}

  SyncResult run(const SyncRequest& request = {}, const Keys& extra = {}) {
    Keys keys{{"ldap.statusAttribute", "employeeType"}, {"ldap.disabledValues", "disabled"}};
    for (const auto& [key, value] : extra) keys[key] = value;
    return cadre_.sync->run(settingsFor(server_, keys), "ACME", request);
  }
  SyncResult full(bool dryRun = false, const Keys& extra = {}) {
    SyncRequest request;
    request.full = true;
    request.dryRun = dryRun;
    return run(request, extra);
  }

  /// The stable id the server gives an entry.
  std::string entryUuid(const std::string& dn) {
    auto connection = LdapConnection::open(settingsFor(server_));
    auto entry = connection->read(dn, {"entryUUID"});
    return entry ? *entry->first("entryUUID") : "";
  }
  territory::EmployeeRecord employee(const std::string& dn) {
    return cadre_.employees().at(entryUuid(dn));
  }

  Tree tree_;
  SyncDatabase cadre_;
  SlapdServer server_;
};

TEST_P(DirectorySyncTest, AFullSyncCreatesEveryonePastTheSizeLimitAndASecondRunChangesNothing) {
  auto first = run();
  EXPECT_EQ(first.run.outcome, RunOutcome::Completed) << first.run.message;
  EXPECT_EQ(first.run.mode, SyncMode::Full);  // no watermark yet
  EXPECT_EQ(first.run.entriesRead, 25);
  EXPECT_EQ(first.run.counts.created, 25);
  EXPECT_TRUE(first.run.counts.errors.empty()) << first.run.counts.errors[0].message;
  EXPECT_GT(first.run.id, 0);

  auto hoa = employee(tree_.hoa);
  auto wei = employee(tree_.wei);
  auto budi = employee(tree_.budi);
  auto smith = employee(tree_.smith);
  auto quoted = employee(tree_.quoted);
  EXPECT_EQ(hoa.familyName, "Nguyễn Thị");
  EXPECT_EQ(hoa.directoryDn, tree_.hoa);
  EXPECT_EQ(hoa.orgUnitId, cadre_.sales);
  EXPECT_EQ(wei.givenName, "伟");
  EXPECT_EQ(wei.familyName, "张");
  EXPECT_EQ(wei.managerId, hoa.id);
  EXPECT_EQ(budi.managerId, wei.id);  // read before its manager, resolved after
  // The server writes escapes its own way (\2C for \,); the DN is kept as it answers.
  EXPECT_EQ(dnKey(smith.directoryDn), dnKey(tree_.smith));
  EXPECT_EQ(smith.orgUnitId, cadre_.support);
  EXPECT_EQ(dnKey(quoted.directoryDn), dnKey(tree_.quoted));
  EXPECT_EQ(quoted.managerId, smith.id);
  EXPECT_EQ(quoted.familyName, "Bùi");
  EXPECT_EQ(employee(tree_.users[19]).orgUnitId,
            cadre_.company);  // no department: ldap.defaultOrgUnit
  EXPECT_EQ(cadre_.audit.entries.front().rfind("ldap-sync territory.employee.hire ", 0), 0u);

  const std::string before = cadre_.snapshot();
  const auto auditEntries = cadre_.audit.entries.size();
  auto second = run();
  EXPECT_EQ(second.run.mode, SyncMode::Incremental);
  EXPECT_EQ(second.run.outcome, RunOutcome::Completed);
  EXPECT_EQ(second.run.message, "no change: the directory and Cadre agree (" +
                                    std::to_string(second.run.entriesRead) + " unchanged)");
  EXPECT_EQ(second.run.counts.unchanged, second.run.entriesRead);
  auto third = full();
  EXPECT_EQ(third.run.message, "no change: the directory and Cadre agree (25 unchanged)");
  EXPECT_EQ(cadre_.snapshot(), before);
  EXPECT_EQ(cadre_.audit.entries.size(), auditEntries);
  EXPECT_EQ(cadre_.count("SELECT COUNT(*) FROM ldap_sync_runs WHERE outcome = 'completed'"), 3);
}

TEST_P(DirectorySyncTest, MovesDeletionsAndDisabledAccountsAndThePeopleWhoComeBack) {
  ASSERT_EQ(run().run.counts.created, 25);
  auto smith = employee(tree_.smith);
  auto budi = employee(tree_.budi);
  const std::string gone = tree_.users[2];
  auto leaver = employee(gone);
  auto disabled = employee(tree_.users[3]);

  const std::string smithMoved = "cn=" + cadre::test::dnValue("Smith, Johnny") + "," + tree_.moved;
  server_.ldapmodify(
      ldifRename(tree_.smith, "cn=" + cadre::test::dnValue("Smith, Johnny"), tree_.moved));
  server_.ldapmodify(ldifReplace(tree_.quoted, "manager", {smithMoved}));  // as refint would
  server_.ldapmodify(ldifReplace(tree_.budi, "departmentNumber", {"Support"}));
  server_.ldapmodify(ldifDelete(gone));
  server_.ldapmodify(ldifReplace(tree_.users[3], "employeeType", {"disabled"}));

  auto incremental = run();
  EXPECT_EQ(incremental.run.mode, SyncMode::Incremental);
  EXPECT_EQ(incremental.run.counts.moved, 2) << incremental.run.message;
  EXPECT_EQ(incremental.run.counts.disabled, 1);
  EXPECT_EQ(cadre_.employees().at(leaver.directoryId).status, "active");  // never inferred here
  auto movedSmith = cadre_.employees().at(smith.directoryId);
  EXPECT_EQ(movedSmith.id, smith.id);
  EXPECT_EQ(dnKey(movedSmith.directoryDn), dnKey(smithMoved));
  EXPECT_EQ(cadre_.employees().at(budi.directoryId).orgUnitId, cadre_.support);
  EXPECT_EQ(cadre_.employees().at(disabled.directoryId).status, "suspended");

  auto complete = full();
  EXPECT_EQ(complete.run.counts.disabled, 1) << complete.run.message;
  EXPECT_EQ(cadre_.employees().at(leaver.directoryId).status, "terminated");
  EXPECT_EQ(cadre_.count("SELECT COUNT(*) FROM territory_status_changes WHERE employee_id = " +
                         std::to_string(leaver.id) +
                         " AND status = 'terminated' AND reason = "
                         "'removed from the directory'"),
            1);
  EXPECT_EQ(cadre_.count("SELECT COUNT(*) FROM territory_assignments WHERE employee_id = " +
                         std::to_string(leaver.id)),
            1);  // the history is kept

  // Back: the account enabled again, the deleted entry made again (a new entryUUID).
  server_.ldapmodify(ldifReplace(tree_.users[3], "employeeType", {}));
  LdifBuilder again;
  LdifBuilder::Person p;
  p.uid = "user3";
  p.givenName = "Given3";
  p.familyName = "Again";
  p.employeeNumber = "user3";
  p.mail = "user3@example.com";
  const std::string remade = again.person(p, tree_.people);
  server_.ldapadd(again.text().substr(again.text().find("\n\n") + 2));  // without the base entry
  auto back = full();
  EXPECT_EQ(back.run.counts.reactivated, 2) << back.run.message;
  EXPECT_TRUE(back.run.counts.errors.empty()) << back.run.counts.errors[0].message;
  EXPECT_EQ(cadre_.employees().at(disabled.directoryId).status, "active");
  auto returned = cadre_.employees().at(entryUuid(remade));
  EXPECT_NE(returned.directoryId, leaver.directoryId);
  EXPECT_EQ(returned.id, leaver.id);
  EXPECT_EQ(returned.status, "active");
  EXPECT_EQ(returned.familyName, "Again");
  EXPECT_EQ(cadre_.count("SELECT COUNT(*) FROM territory_employees"), 25);
}

TEST_P(DirectorySyncTest, AServerKilledHalfwayLeavesCadreAsItWasAndTheNextRunIsClean) {
  ASSERT_EQ(run().run.counts.created, 25);
  server_.ldapmodify(ldifReplace(tree_.budi, "sn", {"Santoso-Wijaya"}));
  server_.ldapmodify(ldifDelete(tree_.users[5]));
  const std::string before = cadre_.snapshot();
  cadre_.sync->observeReads([this](std::size_t entries) {
    if (entries == 10) server_.kill();
  });
  auto killed = full();
  EXPECT_EQ(killed.run.outcome, RunOutcome::Failed);
  EXPECT_EQ(killed.run.message.rfind("reading the directory failed; nothing was written: ", 0), 0u)
      << killed.run.message;
  EXPECT_EQ(cadre_.snapshot(), before);
  EXPECT_EQ(cadre_.count("SELECT COUNT(*) FROM ldap_sync_runs WHERE outcome = 'failed'"), 1);

  cadre_.sync->observeReads({});
  server_.start();
  auto next = full();
  EXPECT_EQ(next.run.outcome, RunOutcome::Completed) << next.run.message;
  EXPECT_EQ(next.run.counts.updated, 1);
  EXPECT_EQ(next.run.counts.disabled, 1);
  EXPECT_EQ(employee(tree_.budi).familyName, "Santoso-Wijaya");
}

TEST_P(DirectorySyncTest, AFilterThatMatchesNothingStopsBeforeWritingUnlessForced) {
  ASSERT_EQ(run().run.counts.created, 25);
  const std::string before = cadre_.snapshot();
  const Keys typo{{"ldap.filter", "(objectClass=inetOrgPersn)"}};
  auto stopped = full(false, typo);
  EXPECT_EQ(stopped.run.outcome, RunOutcome::Stopped);
  EXPECT_EQ(stopped.run.message,
            "the run would suspend or terminate 25 of 25 active employees, more than "
            "ldap.maxDisableShare (10%); nothing was written. Check ldap.filter, ldap.baseDN and "
            "the bind account; if the directory is right, run `cadre sync ldap --full --force`");
  EXPECT_EQ(stopped.changes.size(), 25u);
  EXPECT_EQ(cadre_.snapshot(), before);

  SyncRequest forced;
  forced.full = true;
  forced.force = true;
  auto all = run(forced, typo);
  EXPECT_EQ(all.run.outcome, RunOutcome::Completed);
  EXPECT_EQ(all.run.counts.disabled, 25);
  EXPECT_TRUE(all.run.forced);
  EXPECT_EQ(cadre_.count("SELECT COUNT(*) FROM territory_employees WHERE termination_date IS NULL"),
            0);
}

TEST_P(DirectorySyncTest, ADryRunShowsEachFieldOldToNewAndWritesNothing) {
  ASSERT_EQ(run().run.counts.created, 25);
  server_.ldapmodify(ldifReplace(tree_.budi, "sn", {"Santoso Wijaya"}));
  server_.ldapmodify(ldifReplace(tree_.budi, "mail", {"budi.w@example.com"}));
  const std::string before = cadre_.snapshot();
  auto dry = full(true);
  EXPECT_EQ(dry.run.outcome, RunOutcome::Completed);
  EXPECT_TRUE(dry.run.dryRun);
  EXPECT_EQ(dry.run.counts.updated, 1);
  EXPECT_EQ(dry.run.counts.unchanged, 24);
  EXPECT_EQ(dry.run.message.rfind("dry run, nothing written: 0 created, 1 updated", 0), 0u)
      << dry.run.message;
  ASSERT_EQ(dry.changes.size(), 1u);
  EXPECT_EQ(dry.changes[0].dn, tree_.budi);
  EXPECT_EQ(dry.changes[0].fields,
            (std::vector<FieldChange>{{"familyName", "Santoso", "Santoso Wijaya"},
                                      {"email", "budi@example.com", "budi.w@example.com"}}));
  EXPECT_EQ(cadre_.snapshot(), before);
  EXPECT_EQ(cadre_.count("SELECT COUNT(*) FROM ldap_sync_runs WHERE dry_run = 1"), 1);
  EXPECT_EQ(full().run.counts.updated, 1);
}

TEST_P(DirectorySyncTest, APersonTheTerritoryRulesRefuseIsLeftOutAloneAndTheRestIsWritten) {
  ASSERT_EQ(run().run.counts.created, 25);
  auto hoa = employee(tree_.hoa);
  const std::string today = todayLocal();
  // HR terminates Hoa in Cadre; the directory still has her, and a new report of hers.
  cadre_.db().inTransaction(
      [&](Transaction& tx) { cadre_.org().terminate(tx, hoa.id, today, "resigned", "hr"); });
  LdifBuilder added;
  const std::string lien =
      added.person(person("lien", "Liên", "Đặng", "Sales", tree_.hoa), tree_.people);
  const std::string tam = added.person(person("tam", "Tâm", "Lê", "Sales"), tree_.people);
  server_.ldapadd(added.text().substr(added.text().find("\n\n") + 2));  // without the base entry

  auto result = run();
  EXPECT_EQ(result.run.outcome, RunOutcome::Completed) << result.run.message;
  EXPECT_EQ(result.run.counts.created, 1);
  const std::string refused = "employee " + std::to_string(hoa.id) + " is not employed on " +
                              today + "; managerId: not employed on " + today;
  EXPECT_NE(std::find(result.run.counts.errors.begin(), result.run.counts.errors.end(),
                      EntryError{lien, refused}),
            result.run.counts.errors.end())
      << result.run.counts.errors.size()
      << " errors, the first: " << result.run.counts.errors[0].message;
  EXPECT_EQ(employee(tam).familyName, "Lê");
  EXPECT_EQ(cadre_.employees().count(entryUuid(lien)), 0u);  // nothing of Liên is left behind
  EXPECT_EQ(cadre_.count("SELECT COUNT(*) FROM territory_employees"), 26);
  EXPECT_EQ(cadre_.employees().at(hoa.directoryId).status, "terminated");
}

TEST_P(DirectorySyncTest, TwoNewEntriesWithOneEmployeeNumberHireOneAndRefuseTheOtherBy409) {
  ASSERT_EQ(run().run.counts.created, 25);
  LdifBuilder added;
  auto twinPerson = person("lan2", "Lan", "Trần Thị", "Sales");
  twinPerson.employeeNumber = "E-lan";
  const std::string lan = added.person(person("lan", "Lan", "Trần", "Sales"), tree_.people);
  const std::string twin = added.person(twinPerson, tree_.people);
  const std::string tam = added.person(person("tam", "Tâm", "Lê", "Sales"), tree_.people);
  server_.ldapadd(added.text().substr(added.text().find("\n\n") + 2));  // without the base entry

  auto result = run();
  EXPECT_EQ(result.run.outcome, RunOutcome::Completed) << result.run.message;
  EXPECT_EQ(result.run.counts.created, 2);
  auto refused =
      std::find_if(result.run.counts.errors.begin(), result.run.counts.errors.end(),
                   [](const EntryError& e) { return e.message.rfind("employee number", 0) == 0; });
  ASSERT_NE(refused, result.run.counts.errors.end());
  // The directory's order decides which of the two comes first.
  const std::string hired = refused->dn == twin ? lan : twin;
  EXPECT_EQ(refused->message,
            "employee number 'E-lan' belongs to employee " + std::to_string(employee(hired).id));
  EXPECT_EQ(cadre_.employees().count(entryUuid(refused->dn)), 0u);  // nothing of theirs is left
  EXPECT_EQ(employee(tam).familyName, "Lê");
  EXPECT_EQ(cadre_.count("SELECT COUNT(*) FROM territory_employees"), 27);
}

LDAP_SYNC_ON_EVERY_ENGINE(DirectorySyncTest);

}  // namespace
}  // namespace cadre::ldap::test
