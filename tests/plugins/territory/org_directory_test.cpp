// The OrgDirectory service as the LDAP connector and recruiting use it: inside their
// transaction, audited under their actor.
#include "org_directory_provider.hpp"

#include <gtest/gtest.h>

#include "cadre/http.hpp"

#include "org_database.hpp"
#include "org_tree.hpp"
#include "staffing_plan.hpp"
#include "territory_models.hpp"

namespace cadre::territory::test {
namespace {

/// Counts the audit entries written through the service.
class CountingAuditLog : public AuditLog {
 public:
  void record(Transaction&, const Request&, const AuditEntry&) override { ++entries; }
  void recordSystem(Transaction&, const std::string& actor, const AuditEntry& entry) override {
    ++entries;
    last = actor + " " + entry.action;
  }
  int entries = 0;
  std::string last;
};

class OrgDirectoryTest : public ::testing::TestWithParam<std::string> {
 protected:
  OrgDirectoryTest() : org_(GetParam()), directory_(audit_) {
    company_ = org_.db().inTransaction([&](Transaction& tx) {
      return OrgTree(tx)
          .create({"ACME", "Acme", "company", std::nullopt, std::nullopt, "2020-01-01"})
          .id;
    });
    sales_ = org_.db().inTransaction([&](Transaction& tx) {
      return OrgTree(tx)
          .create({"SALES", "Sales", "branch", company_, std::nullopt, "2020-01-01"})
          .id;
    });
  }

  DirectoryOutcome sync(const DirectoryPerson& person, const std::string& date) {
    return org_.db().inTransaction([&](Transaction& tx) {
      return directory_.upsertFromDirectory(tx, person, date, "ldap-sync");
    });
  }

  std::optional<EmployeeRecord> byDirectoryId(const std::string& id) {
    return org_.db().inTransaction(
        [&](Transaction& tx) { return directory_.findByDirectoryId(tx, id); });
  }

  DirectoryPerson lan() {
    return {
        "6f1c-uuid", "uid=lan,ou=people,dc=acme", "E7", "Lan", "Trần", "lan@acme.vn", "", company_,
        std::nullopt};
  }

  OrgDatabase org_;
  CountingAuditLog audit_;
  OrgDirectoryProvider directory_;
  std::int64_t company_ = 0;
  std::int64_t sales_ = 0;
};

TEST_P(OrgDirectoryTest, ASecondSyncOfTheSameEntryChangesNothing) {
  EXPECT_EQ(sync(lan(), "2024-01-01"), DirectoryOutcome::Created);
  EXPECT_EQ(audit_.last, "ldap-sync territory.employee.hire");
  int entries = audit_.entries;
  EXPECT_EQ(sync(lan(), "2024-01-02"), DirectoryOutcome::Unchanged);
  EXPECT_EQ(audit_.entries, entries);
  EXPECT_EQ(byDirectoryId("6f1c-uuid")->familyName, "Trần");
}

TEST_P(OrgDirectoryTest, ARenamedAndMovedEntryUpdatesTheSameEmployee) {
  sync(lan(), "2024-01-01");
  auto id = byDirectoryId("6f1c-uuid")->id;
  auto moved = lan();
  moved.directoryDn = "uid=lan.tran,ou=sales,dc=acme";
  moved.familyName = "Trần Thị";
  moved.orgUnitId = sales_;
  EXPECT_EQ(sync(moved, "2024-03-01"), DirectoryOutcome::Updated);
  auto now = byDirectoryId("6f1c-uuid");
  EXPECT_EQ(now->id, id);
  EXPECT_EQ(now->directoryDn, "uid=lan.tran,ou=sales,dc=acme");
  EXPECT_EQ(now->orgUnitId, sales_);
  auto before = org_.db().inTransaction(
      [&](Transaction& tx) { return directory_.findEmployee(tx, id, "2024-02-29"); });
  EXPECT_EQ(before->orgUnitId, company_);
}

/// "STATUS detail" of the HttpError `write` throws, or "no error".
template <typename Write>
std::string refusalOf(Write&& write) {
  try {
    write();
  } catch (const HttpError& error) {
    return std::to_string(error.status()) + " " + error.detail();
  }
  return "no error";
}

TEST_P(OrgDirectoryTest, TheDirectoryWriterHiresAndRefusesAsUpsertFromDirectoryDoes) {
  org_.db().inTransaction([&](Transaction& tx) {
    auto writer = directory_.directoryWriter(tx, "2024-01-01", "ldap-sync");
    EXPECT_EQ(writer->upsert(lan()), DirectoryOutcome::Created);
    EXPECT_EQ(directory_.findByDirectoryId(tx, "6f1c-uuid"), std::nullopt);  // only queued
    EXPECT_EQ(audit_.entries, 0);
    const auto written = writer->flush();
    EXPECT_EQ(audit_.last, "ldap-sync territory.employee.hire");
    const auto boss = directory_.findByDirectoryId(tx, "6f1c-uuid")->id;
    EXPECT_EQ(written, (std::vector<std::pair<std::string, std::int64_t>>{{"6f1c-uuid", boss}}));
    EXPECT_TRUE(writer->flush().empty());
    DirectoryPerson rep{"88bb-uuid", "uid=an,ou=people,dc=acme", "E9", "An", "Lê", "", "", sales_,
                        boss};
    EXPECT_EQ(writer->upsert(rep), DirectoryOutcome::Created);
    ASSERT_EQ(writer->flush().size(), 1u);
    auto hired = directory_.findByDirectoryId(tx, "88bb-uuid");
    EXPECT_EQ(hired->status, "active");
    EXPECT_EQ(hired->hireDate, "2024-01-01");
    EXPECT_EQ(hired->orgUnitId, sales_);
    EXPECT_EQ(hired->managerId, boss);
    EXPECT_EQ(hired->employmentType, "full_time");
    EXPECT_EQ(hired->version, 1);

    auto taken = rep;
    taken.directoryId = "99cc-uuid";
    EXPECT_EQ(refusalOf([&] { writer->upsert(taken); }),
              "409 employee number 'E9' belongs to employee " + std::to_string(hired->id));
    auto nowhere = taken;
    nowhere.employeeNumber = "E10";
    nowhere.orgUnitId = std::nullopt;
    EXPECT_EQ(refusalOf([&] { writer->upsert(nowhere); }),
              "422 a new employee from the directory needs an org unit");
    auto strayManager = nowhere;
    strayManager.orgUnitId = sales_;
    strayManager.managerId = 4242;
    EXPECT_EQ(refusalOf([&] { writer->upsert(strayManager); }),
              "422 employee 4242 is not employed on 2024-01-01");

    rep.familyName = "Lê Văn";
    EXPECT_EQ(writer->upsert(rep), DirectoryOutcome::Updated);
    EXPECT_EQ(writer->upsert(rep), DirectoryOutcome::Unchanged);
  });
  EXPECT_EQ(byDirectoryId("88bb-uuid")->familyName, "Lê Văn");
  EXPECT_EQ(byDirectoryId("99cc-uuid"), std::nullopt);
}

/// A new person of the directory in SALES, numbered `number`.
DirectoryPerson newcomer(int number, std::int64_t unit) {
  const auto n = std::to_string(number);
  return {"uuid-" + n, "uid=p" + n + ",dc=acme", "E" + n, "Given " + n, "Family", "", "", unit,
          std::nullopt};
}

TEST_P(OrgDirectoryTest, ATakenNumberOfAQueuedPersonIsRefusedBy409NotByTheDatabase) {
  org_.db().inTransaction([&](Transaction& tx) {
    auto writer = directory_.directoryWriter(tx, "2024-01-01", "ldap-sync");
    // The first hundred are asked of the database one by one; the rest are checked against
    // the keys read once. A twin is refused in both stretches.
    for (int n = 1; n <= 150; ++n) {
      EXPECT_EQ(writer->upsert(newcomer(n, sales_)), DirectoryOutcome::Created);
      if (n != 50 && n != 150) continue;
      auto twin = newcomer(1000 + n, sales_);
      twin.employeeNumber = "E" + std::to_string(n);
      const auto refusal = refusalOf([&] { writer->upsert(twin); });
      const auto holder = directory_.findByEmployeeNumber(tx, twin.employeeNumber);
      ASSERT_TRUE(holder);
      EXPECT_EQ(refusal, "409 employee number 'E" + std::to_string(n) + "' belongs to employee " +
                             std::to_string(holder->id));
    }
    const auto written = writer->flush();
    EXPECT_EQ(written.size(), 150u);
    EXPECT_EQ(written.front().first, "uuid-1");
    EXPECT_EQ(written.back().first, "uuid-150");
    EXPECT_EQ(written.back().second, directory_.findByDirectoryId(tx, "uuid-150")->id);
  });
  EXPECT_EQ(audit_.entries, 150);
  EXPECT_EQ(byDirectoryId("uuid-1150"), std::nullopt);
}

TEST_P(OrgDirectoryTest, ForgettingDropsTheQueueAndTheHiresNotYetReturned) {
  org_.db().inTransaction([&](Transaction& tx) {
    auto writer = directory_.directoryWriter(tx, "2024-01-01", "ldap-sync");
    tx.execute("SAVEPOINT before_writer");
    writer->upsert(newcomer(1, sales_));
    writer->upsert(newcomer(1, sales_));  // asks the database: writes the queue first
    writer->upsert(newcomer(2, sales_));
    tx.execute("ROLLBACK TO SAVEPOINT before_writer");
    writer->forget();
    EXPECT_TRUE(writer->flush().empty());
    writer->upsert(newcomer(3, sales_));
    const auto written = writer->flush();
    ASSERT_EQ(written.size(), 1u);
    EXPECT_EQ(written[0].first, "uuid-3");
  });
  EXPECT_EQ(byDirectoryId("uuid-1"), std::nullopt);
  EXPECT_EQ(byDirectoryId("uuid-2"), std::nullopt);
  EXPECT_EQ(byDirectoryId("uuid-3")->employeeNumber, "E3");
}

TEST_P(OrgDirectoryTest, AReturningPersonIsReactivatedNotDuplicated) {
  sync(lan(), "2024-01-01");
  auto id = byDirectoryId("6f1c-uuid")->id;
  org_.db().inTransaction([&](Transaction& tx) {
    directory_.terminate(tx, id, "2024-06-01", "left the directory", "ldap-sync");
  });
  EXPECT_EQ(byDirectoryId("6f1c-uuid")->status, "terminated");
  EXPECT_EQ(sync(lan(), "2024-09-01"), DirectoryOutcome::Reactivated);
  auto back = byDirectoryId("6f1c-uuid");
  EXPECT_EQ(back->id, id);
  EXPECT_EQ(back->status, "active");
  EXPECT_EQ(back->terminationDate, std::nullopt);
  EXPECT_EQ(back->orgUnitId, company_);
  auto gap = org_.db().inTransaction(
      [&](Transaction& tx) { return directory_.findEmployee(tx, id, "2024-07-01"); });
  EXPECT_EQ(gap->status, "terminated");
  auto count = org_.db().inTransaction([&](Transaction& tx) {
    return tx.queryOne("SELECT COUNT(*) FROM territory_employees")->getInt(0);
  });
  EXPECT_EQ(count, 1);
}

TEST_P(OrgDirectoryTest, ADirectoryLoginLinksItsUserToOneEmployeeOnly) {
  sync(lan(), "2024-01-01");
  auto id = byDirectoryId("6f1c-uuid")->id;
  auto linked = org_.db().inTransaction(
      [&](Transaction& tx) { return directory_.linkUser(tx, id, 42, "ldap"); });
  EXPECT_EQ(linked.userId, 42);
  EXPECT_EQ(audit_.last, "ldap territory.employee.update");
  EXPECT_EQ(OrgScope(org_.db()).employeeOf(User{42, "lan", "Lan", Role::Employee, "ldap"}), id);
  auto other = lan();
  other.directoryId = "77aa-uuid";
  other.employeeNumber = "E8";
  sync(other, "2024-01-01");
  auto second = byDirectoryId("77aa-uuid")->id;
  try {
    org_.db().inTransaction([&](Transaction& tx) { directory_.linkUser(tx, second, 42, "ldap"); });
    FAIL() << "a user was linked to a second employee";
  } catch (const HttpError& error) {
    EXPECT_EQ(error.status(), 409);
    EXPECT_EQ(error.detail(), "user 42 belongs to employee " + std::to_string(id));
  }
  EXPECT_EQ(byDirectoryId("77aa-uuid")->userId, std::nullopt);
}

TEST_P(OrgDirectoryTest, AnEntryMadeAgainWithANewIdIsTheSamePerson) {
  sync(lan(), "2024-01-01");
  auto id = byDirectoryId("6f1c-uuid")->id;
  auto again = lan();
  again.directoryId = "9a2b-uuid";
  again.formerDirectoryId = "6f1c-uuid";
  EXPECT_EQ(sync(again, "2024-02-01"), DirectoryOutcome::Updated);
  EXPECT_EQ(byDirectoryId("9a2b-uuid")->id, id);
  EXPECT_EQ(byDirectoryId("6f1c-uuid"), std::nullopt);
}

TEST_P(OrgDirectoryTest, ListsTheDirectoryEmployeesAndFindsOrgUnitsByCode) {
  sync(lan(), "2024-01-01");
  auto bao = lan();
  bao.directoryId = "77aa-uuid";
  bao.employeeNumber = "E8";
  bao.orgUnitId = sales_;
  sync(bao, "2024-03-01");
  org_.db().inTransaction([&](Transaction& tx) {
    directory_.hire(tx, {"E9", "Local", "Only", "", "", "", "", std::nullopt},
                    {std::nullopt, sales_, std::nullopt, "full_time", "2024-01-01", "hire"},
                    std::nullopt, "hr");
  });
  auto listed = org_.db().inTransaction(
      [&](Transaction& tx) { return directory_.directoryEmployees(tx, "2024-02-01"); });
  ASSERT_EQ(listed.size(), 1u);  // bao is not hired yet on 2024-02-01; E9 has no directory id
  EXPECT_EQ(listed[0].directoryId, "6f1c-uuid");
  EXPECT_EQ(listed[0].orgUnitId, company_);
  EXPECT_EQ(listed[0].status, "active");
  auto later = org_.db().inTransaction(
      [&](Transaction& tx) { return directory_.directoryEmployees(tx, "2024-03-01"); });
  ASSERT_EQ(later.size(), 2u);
  EXPECT_EQ(later[1].directoryId, "77aa-uuid");
  EXPECT_EQ(later[1].orgUnitId, sales_);
  org_.db().inTransaction([&](Transaction& tx) {
    EXPECT_EQ(directory_.findOrgUnitByCode(tx, "SALES"), sales_);
    EXPECT_EQ(directory_.findOrgUnitByCode(tx, "NOPE"), std::nullopt);
  });
}

TEST_P(OrgDirectoryTest, FindsDirectoryEmployeesByTheirKeysAndListsTheirDns) {
  sync(lan(), "2024-01-01");
  auto bao = lan();
  bao.directoryId = "77aa-uuid";
  bao.directoryDn = "uid=bao,ou=people,dc=acme";
  bao.employeeNumber = "E8";
  sync(bao, "2024-03-01");
  const std::int64_t local = org_.db().inTransaction([&](Transaction& tx) {
    return directory_
        .hire(tx, {"E9", "Local", "Only", "", "", "", "", std::nullopt},
              {std::nullopt, sales_, std::nullopt, "full_time", "2024-01-01", "hire"}, std::nullopt,
              "hr")
        .id;
  });
  const std::int64_t lanId = byDirectoryId("6f1c-uuid")->id;
  const std::int64_t baoId = byDirectoryId("77aa-uuid")->id;
  auto ids = [](const std::vector<EmployeeRecord>& employees) {
    std::vector<std::int64_t> result;
    for (const auto& e : employees) result.push_back(e.id);
    return result;
  };
  // More keys than one query binds (500), most of them nobody's; E9 has no directory id.
  DirectoryEmployeeKeys keys;
  for (int i = 0; i < 600; ++i) keys.directoryIds.push_back("unknown-" + std::to_string(i));
  keys.directoryIds.push_back("77aa-uuid");
  keys.employeeNumbers = {"E9", "E8", "E0"};
  keys.employeeIds = {local, lanId, 424242};
  org_.db().inTransaction([&](Transaction& tx) {
    auto march = directory_.directoryEmployeesWith(tx, "2024-03-01", keys);
    EXPECT_EQ(ids(march), (std::vector<std::int64_t>{lanId, baoId}));  // each once, in id order
    ASSERT_EQ(march.size(), 2u);
    EXPECT_EQ(march[1].employeeNumber, "E8");
    EXPECT_EQ(march[1].status, "active");
    EXPECT_EQ(march[1].orgUnitId, company_);
    // Bao is not hired yet on 2024-02-01.
    EXPECT_EQ(ids(directory_.directoryEmployeesWith(tx, "2024-02-01", keys)),
              (std::vector<std::int64_t>{lanId}));
    EXPECT_TRUE(directory_.directoryEmployeesWith(tx, "2024-03-01", {}).empty());
    DirectoryEmployeeKeys byNumber;
    byNumber.employeeNumbers = {"E8"};
    EXPECT_EQ(ids(directory_.directoryEmployeesWith(tx, "2024-03-01", byNumber)),
              (std::vector<std::int64_t>{baoId}));

    auto dns = directory_.directoryDns(tx, "2024-03-01");
    ASSERT_EQ(dns.size(), 2u);
    EXPECT_EQ(dns[0].employeeId, lanId);
    EXPECT_EQ(dns[0].dn, "uid=lan,ou=people,dc=acme");
    EXPECT_EQ(dns[1].employeeId, baoId);
    EXPECT_EQ(dns[1].dn, "uid=bao,ou=people,dc=acme");
    EXPECT_EQ(directory_.directoryDns(tx, "2024-02-01").size(), 1u);
  });
}

TEST_P(OrgDirectoryTest, AFailedHireInTheCallersTransactionLeavesNothing) {
  try {
    org_.db().inTransaction([&](Transaction& tx) {
      directory_.hire(tx, {"E9", "Budi", "Santoso", "", "", "", "", std::nullopt},
                      {std::nullopt, company_, std::nullopt, "", "2024-01-01", "hire"},
                      TerritorySeat{999, "rep", 100}, "recruiting");
    });
    FAIL() << "a hire into a territory that does not exist was accepted";
  } catch (const HttpError& error) {
    EXPECT_EQ(error.status(), 422);
    EXPECT_EQ(error.detail(), "territory 999 is not in the active model");
  }
  auto found = org_.db().inTransaction(
      [&](Transaction& tx) { return directory_.findByEmployeeNumber(tx, "E9"); });
  EXPECT_EQ(found, std::nullopt);
}

TEST_P(OrgDirectoryTest, TheScopeHookSeesTheReportingLinesOnADate) {
  auto boss = org_.db().inTransaction([&](Transaction& tx) {
    return directory_
        .hire(tx, {"B1", "Boss", "One", "", "", "", "", 42},
              {std::nullopt, company_, std::nullopt, "", "2020-01-01", "hire"}, std::nullopt, "hr")
        .id;
  });
  auto rep = org_.db().inTransaction([&](Transaction& tx) {
    return directory_
        .hire(tx, {"R1", "Rep", "One", "", "", "", "", std::nullopt},
              {std::nullopt, sales_, boss, "", "2021-01-01", "hire"}, std::nullopt, "hr")
        .id;
  });
  OrgScope scope(org_.db());
  User manager;
  manager.id = 42;
  EXPECT_EQ(scope.employeeOf(manager), boss);
  EXPECT_TRUE(scope.manages(manager, rep, "2021-01-01"));
  EXPECT_FALSE(scope.manages(manager, rep, "2020-12-31"));
  EXPECT_FALSE(scope.manages(manager, boss, "2021-01-01"));
  User stranger;
  stranger.id = 7;
  EXPECT_FALSE(scope.manages(stranger, rep, "2021-01-01"));
}

TEST_P(OrgDirectoryTest, RecruitingReadsUnitsPositionsTerritoriesAndTheRoomInAHeadcountPlan) {
  auto read = [&](auto work) { return org_.db().inTransaction(work, TxMode::Read); };
  auto position = org_.db().inTransaction([&](Transaction& tx) {
    Position draft;
    draft.orgUnitId = sales_;
    draft.title = "Account executive";
    draft.openedOn = "2020-01-01";
    return StaffingPlan(tx).open(draft).id;
  });
  org_.db().inTransaction([&](Transaction& tx) {
    HeadcountPlan plan;
    plan.orgUnitId = sales_;
    plan.periodStart = "2024-01-01";
    plan.periodEnd = "2024-12-31";
    plan.plannedPositions = 3;
    StaffingPlan(tx).createPlan(plan);
    directory_.hire(tx, {"R1", "Rep", "One", "", "", "", "", std::nullopt},
                    {position, std::nullopt, std::nullopt, "", "2024-03-01", "hire"}, std::nullopt,
                    "recruiting");
  });
  auto territory = org_.db().inTransaction([&](Transaction& tx) {
    TerritoryModels models(tx, "tester");
    auto model = models.create("2024", "2024-01-01");
    return models.createTerritory({model.id, "NORTH", "North", "geo", std::nullopt}).id;
  });

  auto unit =
      read([&](Transaction& tx) { return directory_.findOrgUnit(tx, sales_, "2024-06-01"); });
  ASSERT_TRUE(unit.has_value());
  EXPECT_EQ(unit->code, "SALES");
  EXPECT_EQ(unit->parentId, std::optional<std::int64_t>(company_));
  EXPECT_EQ(read([&](Transaction& tx) { return directory_.findOrgUnit(tx, sales_, "2019-12-31"); }),
            std::nullopt);

  auto vacant =
      read([&](Transaction& tx) { return directory_.findPosition(tx, position, "2024-02-01"); });
  ASSERT_TRUE(vacant.has_value());
  EXPECT_EQ(vacant->state, "vacant");
  EXPECT_EQ(vacant->orgUnitId, sales_);
  auto filled =
      read([&](Transaction& tx) { return directory_.findPosition(tx, position, "2024-03-01"); });
  EXPECT_EQ(filled->state, "filled");
  EXPECT_TRUE(filled->holderId.has_value());

  auto north = read([&](Transaction& tx) { return directory_.findTerritory(tx, territory); });
  ASSERT_TRUE(north.has_value());
  EXPECT_EQ(north->code, "NORTH");
  EXPECT_EQ(north->modelState, "active");
  EXPECT_EQ(read([&](Transaction& tx) { return directory_.findTerritory(tx, 999); }), std::nullopt);

  auto before =
      read([&](Transaction& tx) { return directory_.headcountRoom(tx, sales_, "2024-02-01"); });
  ASSERT_TRUE(before.has_value());
  EXPECT_EQ(before->plannedPositions, 3);
  EXPECT_EQ(before->headcount, 0);
  EXPECT_EQ(before->room, 3);
  auto after =
      read([&](Transaction& tx) { return directory_.headcountRoom(tx, sales_, "2024-12-31"); });
  EXPECT_EQ(after->headcount, 1);
  EXPECT_EQ(after->room, 2);
  EXPECT_EQ(
      read([&](Transaction& tx) { return directory_.headcountRoom(tx, sales_, "2025-01-01"); }),
      std::nullopt);
  EXPECT_EQ(
      read([&](Transaction& tx) { return directory_.headcountRoom(tx, company_, "2024-06-01"); }),
      std::nullopt);
}

TERRITORY_ON_EVERY_ENGINE(OrgDirectoryTest);

}  // namespace
}  // namespace cadre::territory::test
