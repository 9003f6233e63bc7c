// BulkHiring (the employee import's and the directory sync's hiring path) against
// Workforce::hire: the same people hired one by one, queued and written together, or by
// Workforce leave the same rows, events and audit entries, and broken rules are refused alike.
#include "bulk_hiring.hpp"

#include <functional>

#include <gtest/gtest.h>

#include "employee_json.hpp"
#include "employee_store.hpp"
#include "org_database.hpp"
#include "org_tree.hpp"
#include "workforce.hpp"

namespace cadre::territory::test {
namespace {

using HireFunction =
    std::function<EmployeeRecord(Transaction&, const NewEmployee&, const Placement&)>;

struct Org {
  std::int64_t acme = 0;
  std::int64_t north = 0;
  std::int64_t boss = 0;
};

/// ACME (headed by E0 from 2020-01-01) with NORTH below it, opened 2019-01-01.
Org makeOrg(OrgDatabase& org) {
  return org.db().inTransaction([&](Transaction& tx) {
    Org made;
    OrgTree tree(tx);
    made.acme =
        tree.create({"ACME", "Acme", "company", std::nullopt, std::nullopt, "2019-01-01"}).id;
    made.north = tree.create({"NORTH", "North", "team", made.acme, std::nullopt, "2019-01-01"}).id;
    made.boss =
        Workforce(tx, org.trail(), "tester")
            .hire({"E0", "Boss", "Lead", "", "", "", "", std::nullopt},
                  {std::nullopt, made.acme, std::nullopt, "", "2020-01-01", "hire"}, std::nullopt)
            .id;
    OrgUnitChange change;
    change.headEmployeeId = std::optional<std::int64_t>(made.boss);
    change.effectiveDate = "2020-01-01";
    change.reason = "head";
    tree.change(made.acme, change);
    return made;
  });
}

HireFunction byWorkforce(OrgDatabase& org) {
  return [&org](Transaction& tx, const NewEmployee& person, const Placement& placement) {
    return Workforce(tx, org.trail(), "tester").hire(person, placement, std::nullopt);
  };
}

HireFunction byBulkHiring(OrgDatabase& org, std::unique_ptr<BulkHiring>& hiring) {
  return [&org, &hiring](Transaction& tx, const NewEmployee& person, const Placement& placement) {
    if (!hiring) hiring = std::make_unique<BulkHiring>(tx, org.trail(), "tester");
    return hiring->hire(person, placement);
  };
}

// Queues the person and writes the queue at once: its refusals and rows, one person at a time.
HireFunction byQueuedHire(OrgDatabase& org, std::unique_ptr<BulkHiring>& hiring) {
  return [&org, &hiring](Transaction& tx, const NewEmployee& person, const Placement& placement) {
    if (!hiring) hiring = std::make_unique<BulkHiring>(tx, org.trail(), "tester", org.batchTrail());
    hiring->queueNewcomer(person, placement);
    return hiring->hireQueued().at(0);
  };
}

/// Every row the hires wrote, without the time they were recorded at.
std::vector<std::string> rowsOf(OrgDatabase& org) {
  std::vector<std::string> out;
  org.db().inTransaction([&](Transaction& tx) {
    for (const auto& sql :
         {"SELECT id, employee_number, given_name, family_name, email, phone, hire_date, "
          "directory_id, directory_dn, user_id, version FROM territory_employees ORDER BY id",
          "SELECT employee_id, status, effective_on, reason, recorded_by FROM "
          "territory_status_changes ORDER BY id",
          "SELECT employee_id, position_id, org_unit_id, manager_id, employment_type, reason, "
          "valid_from, valid_to, recorded_by FROM territory_assignments ORDER BY id"}) {
      for (const auto& row : tx.query(sql)) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
          line += (row.isNull(c) ? "NULL" : row.getString(c)) + "|";
        }
        out.push_back(line);
      }
    }
  });
  return out;
}

/// What one way of hiring left behind.
struct Outcome {
  std::vector<std::string> rows;
  std::vector<std::string> events;
  std::vector<std::string> audit;
  /// "status detail field" of each refusal, or "hired".
  std::vector<std::string> refusals;
};

using People = std::vector<std::pair<NewEmployee, Placement>>;

/// How a test hires.
enum class Way { Workforce, Bulk, Queued };

/// The org's ids are the same in every fresh database, so the people can name them.
const Org kOrg{1, 2, 1};

// One database at a time: on PostgreSQL a second one of the same test replaces the first.
class BulkHiringTest : public ::testing::TestWithParam<std::string> {
 protected:
  /// Hires `people` in one transaction, and each of `refused` in a transaction of its own.
  Outcome hireAll(Way way, const People& people, const People& refused) {
    OrgDatabase org(GetParam());
    auto made = makeOrg(org);
    EXPECT_EQ(made.acme, kOrg.acme);
    EXPECT_EQ(made.north, kOrg.north);
    EXPECT_EQ(made.boss, kOrg.boss);
    std::unique_ptr<BulkHiring> hiring;
    auto hire = way == Way::Bulk     ? byBulkHiring(org, hiring)
                : way == Way::Queued ? byQueuedHire(org, hiring)
                                     : byWorkforce(org);
    Outcome outcome;
    if (!people.empty()) {
      org.db().inTransaction([&](Transaction& tx) {
        for (const auto& [person, placement] : people) hire(tx, person, placement);
      });
    }
    for (const auto& [person, placement] : refused) {
      hiring.reset();
      try {
        org.db().inTransaction([&](Transaction& tx) { hire(tx, person, placement); });
        outcome.refusals.push_back("hired");
      } catch (const HttpError& error) {
        outcome.refusals.push_back(std::to_string(error.status()) + " " + error.detail() + " " +
                                   (error.fields().empty() ? "" : error.fields()[0].field));
      }
    }
    outcome.rows = rowsOf(org);
    outcome.events = org.events;
    outcome.audit = org.audit;
    return outcome;
  }

  /// Queues `people` and writes them with one hireQueued in one transaction; what it returns
  /// must be what the database reads back.
  Outcome hireTogether(const People& people, int& auditBatches) {
    OrgDatabase org(GetParam());
    makeOrg(org);
    org.db().inTransaction([&](Transaction& tx) {
      BulkHiring hiring(tx, org.trail(), "tester", org.batchTrail());
      for (const auto& [person, placement] : people) hiring.queueNewcomer(person, placement);
      const auto hired = hiring.hireQueued();
      EXPECT_TRUE(hiring.hireQueued().empty());
      ASSERT_EQ(hired.size(), people.size());
      for (std::size_t i = 0; i < hired.size(); ++i) {
        EXPECT_EQ(hired[i].employeeNumber, people[i].first.employeeNumber);
        auto stored = EmployeeStore(tx).find(hired[i].id, hired[i].hireDate);
        ASSERT_TRUE(stored);
        EXPECT_EQ(employeeJsonText(hired[i]), employeeJsonText(*stored));
      }
    });
    auditBatches = org.auditBatches;
    return {rowsOf(org), org.events, org.audit, {}};
  }
};

/// `count` newcomers: some with a directory id, under the default manager or E0, of every
/// employment type, hired on two dates.
People newcomers(std::size_t count) {
  const std::vector<std::string> types{"", "part_time", "contractor", "intern", "temporary"};
  People people;
  for (std::size_t i = 0; i < count; ++i) {
    const auto n = std::to_string(i + 1);
    NewEmployee person{"N" + n, "Given " + n, "Family", "", "", "", "", std::nullopt};
    if (i % 3 == 0) person.directoryId = "dir-" + n;
    if (i % 4 == 0) person.email = "n" + n + "@example.com";
    Placement placement{std::nullopt,
                        i % 2 ? kOrg.north : kOrg.acme,
                        i % 5 == 1 ? std::optional<std::int64_t>(kOrg.boss) : std::nullopt,
                        types[i % types.size()],
                        i % 7 ? "2020-02-01" : "2021-07-15",
                        "hire"};
    people.emplace_back(person, placement);
  }
  return people;
}

TEST_P(BulkHiringTest, TheSamePeopleHiredBothWaysLeaveTheSameRowsEventsAndAudit) {
  People people{{{"E1", "Thị Lan", "Trần", "lan@example.vn", "+84 1", "dir-1", "", std::nullopt},
                 {std::nullopt, kOrg.north, std::nullopt, "", "2020-02-01", "hire"}},
                {{"E2", "伟", "王", "", "", "", "", std::nullopt},
                 {std::nullopt, kOrg.north, kOrg.boss, "part_time", "2020-03-01", "hire"}},
                {{"E3", "Siti", "Rahayu", "", "", "", "", std::nullopt},
                 {std::nullopt, kOrg.acme, 3, "contractor", "2020-06-01", "hire"}}};
  auto workforce = hireAll(Way::Workforce, people, {});
  auto bulk = hireAll(Way::Bulk, people, {});
  auto queued = hireAll(Way::Queued, people, {});
  EXPECT_EQ(bulk.rows, workforce.rows);
  EXPECT_EQ(bulk.events, workforce.events);
  EXPECT_EQ(bulk.audit, workforce.audit);
  EXPECT_EQ(queued.rows, workforce.rows);
  EXPECT_EQ(queued.events, workforce.events);
  EXPECT_EQ(queued.audit, workforce.audit);
  ASSERT_EQ(bulk.events.size(), 4u);
  // E1 got the head of ACME, above NORTH, as manager; E3 reports to E2.
  EXPECT_NE(bulk.events[1].find("\"managerId\":1,"), std::string::npos) << bulk.events[1];
  EXPECT_NE(bulk.events[3].find("\"managerId\":3,"), std::string::npos) << bulk.events[3];
}

TEST_P(BulkHiringTest, BrokenRulesAreRefusedAlike) {
  People refused{{{"E0", "Taken", "Number", "", "", "", "", std::nullopt},
                  {std::nullopt, kOrg.north, std::nullopt, "", "2020-02-01", "hire"}},
                 {{"E1", "Early", "Bird", "", "", "", "", std::nullopt},
                  {std::nullopt, kOrg.north, std::nullopt, "", "2018-02-01", "hire"}},
                 {{"E2", "Before", "Boss", "", "", "", "", std::nullopt},
                  {std::nullopt, kOrg.north, kOrg.boss, "", "2019-12-31", "hire"}},
                 {{"E3", "Odd", "Type", "", "", "", "", std::nullopt},
                  {std::nullopt, kOrg.north, std::nullopt, "gig", "2020-02-01", "hire"}},
                 {{"E4", "No", "Unit", "", "", "", "", std::nullopt},
                  {std::nullopt, std::nullopt, std::nullopt, "", "2020-02-01", "hire"}},
                 {{"E5", "Unknown", "Manager", "", "", "", "", std::nullopt},
                  {std::nullopt, kOrg.north, 999, "", "2020-02-01", "hire"}}};
  auto workforce = hireAll(Way::Workforce, {}, refused);
  auto bulk = hireAll(Way::Bulk, {}, refused);
  // A newcomer's number is checked by the caller (DirectoryPeople): all but the taken one.
  auto queued = hireAll(Way::Queued, {}, People(refused.begin() + 1, refused.end()));
  EXPECT_EQ(bulk.refusals, workforce.refusals);
  EXPECT_EQ(queued.refusals,
            std::vector<std::string>(workforce.refusals.begin() + 1, workforce.refusals.end()));
  EXPECT_EQ(workforce.refusals,
            (std::vector<std::string>{"409 employee number 'E0' belongs to employee 1 ",
                                      "422 org unit 2 is not open on 2018-02-01 orgUnitId",
                                      "422 employee 1 is not employed on 2019-12-31 managerId",
                                      "422 employment type 'gig' is unknown employmentType",
                                      "422 an org unit or a position is required orgUnitId",
                                      "422 employee 999 is not employed on 2020-02-01 managerId"}));
  EXPECT_EQ(bulk.rows, workforce.rows);
  EXPECT_EQ(queued.rows, workforce.rows);
}

TEST_P(BulkHiringTest, PeopleQueuedAndWrittenTogetherAreTheRowsEventsAndAuditOfOneByOne) {
  const auto people = newcomers(BulkHiring::kRowsPerInsert + 21);
  auto workforce = hireAll(Way::Workforce, people, {});
  int auditBatches = 0;
  auto together = hireTogether(people, auditBatches);
  EXPECT_EQ(together.rows, workforce.rows);
  EXPECT_EQ(together.events, workforce.events);
  EXPECT_EQ(together.audit, workforce.audit);
  EXPECT_EQ(together.audit.size(), people.size() + 1);  // and E0's
  EXPECT_EQ(auditBatches, 2);
}

TERRITORY_ON_EVERY_ENGINE(BulkHiringTest);

}  // namespace
}  // namespace cadre::territory::test
