#include "workforce.hpp"

#include <gtest/gtest.h>

#include "org_database.hpp"
#include "org_tree.hpp"

namespace cadre::territory::test {
namespace {

class WorkforceTest : public ::testing::TestWithParam<std::string> {
 protected:
  WorkforceTest() : org_(GetParam()) {}

  /// Runs `work` with a Workforce in one transaction and commits it.
  template <typename Work>
  auto withWorkforce(Work work) {
    return org_.db().inTransaction([&](Transaction& tx) {
      Workforce workforce(tx, org_.trail(), "tester");
      return work(workforce, tx);
    });
  }

  std::int64_t unit(const std::string& code, std::optional<std::int64_t> parent,
                    const std::string& date = "2020-01-01") {
    return org_.db().inTransaction([&](Transaction& tx) {
      return OrgTree(tx)
          .create({code, code + " unit", parent ? "team" : "company", parent, std::nullopt, date})
          .id;
    });
  }

  std::int64_t hire(const std::string& number, std::int64_t orgUnit,
                    std::optional<std::int64_t> manager, const std::string& date = "2020-01-01") {
    return withWorkforce([&](Workforce& w, Transaction&) {
      return w
          .hire({number, "Given " + number, "Family", number + "@example.com", "", "", "",
                 std::nullopt},
                {std::nullopt, orgUnit, manager, "", date, "hire"}, std::nullopt)
          .id;
    });
  }

  std::optional<EmployeeRecord> at(std::int64_t id, const std::string& date) {
    return org_.db().inTransaction(
        [&](Transaction& tx) { return EmployeeStore(tx).find(id, date); });
  }

  OrgDatabase org_;
};

TEST_P(WorkforceTest, ATransferKeepsThePastReadableAsOfEveryDate) {
  auto company = unit("ACME", std::nullopt);
  auto north = unit("NORTH", company);
  auto south = unit("SOUTH", company);
  auto boss = hire("E1", company, std::nullopt);
  auto rep = hire("E2", north, boss);

  withWorkforce([&](Workforce& w, Transaction&) {
    return w.transfer(rep, {std::nullopt, south, std::nullopt, "", "2021-06-01", "transfer"});
  });

  EXPECT_EQ(at(rep, "2021-05-31")->orgUnitId, north);
  EXPECT_EQ(at(rep, "2021-06-01")->orgUnitId, south);
  EXPECT_EQ(at(rep, "2021-05-31")->managerId, boss);
  EXPECT_EQ(at(rep, "2021-06-01")->managerId, std::nullopt);  // SOUTH has no head
  EXPECT_EQ(at(rep, "2019-12-31"), std::nullopt);             // not yet hired
  auto history =
      org_.db().inTransaction([&](Transaction& tx) { return EmployeeStore(tx).assignments(rep); });
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].validFrom, "2020-01-01");
  EXPECT_EQ(history[0].validTo, "2021-06-01");
  EXPECT_EQ(history[0].reason, "hire");
  EXPECT_EQ(history[1].validFrom, "2021-06-01");
  EXPECT_EQ(history[1].validTo, "9999-12-31");
  EXPECT_EQ(history[1].reason, "transfer");
  EXPECT_EQ(org_.events.back().rfind("territory.employee.transferred ", 0), 0u);
  EXPECT_EQ(org_.audit.back(), "territory.employee.transfer employee " + std::to_string(rep));
}

TEST_P(WorkforceTest, AManagerWhoReportsToTheEmployeeIsRefusedAsACycle) {
  auto company = unit("ACME", std::nullopt);
  auto top = hire("E1", company, std::nullopt);
  auto middle = hire("E2", company, top);
  auto bottom = hire("E3", company, middle);
  try {
    withWorkforce([&](Workforce& w, Transaction&) {
      return w.transfer(top, {std::nullopt, company, bottom, "", "2022-01-01", "reorganization"});
    });
    FAIL() << "the cycle was accepted";
  } catch (const HttpError& error) {
    EXPECT_EQ(error.status(), 422);
    EXPECT_EQ(error.detail(), "making employee " + std::to_string(bottom) +
                                  " the manager of employee " + std::to_string(top) +
                                  " would make a cycle: employee " + std::to_string(bottom) +
                                  " reports to them on 2022-01-01");
  }
  EXPECT_EQ(at(top, "2022-01-01")->managerId, std::nullopt);
}

TEST_P(WorkforceTest, TerminationEndsTheAssignmentAndKeepsTheHistory) {
  auto company = unit("ACME", std::nullopt);
  auto rep = hire("E1", company, std::nullopt);
  withWorkforce(
      [&](Workforce& w, Transaction&) { return w.terminate(rep, "2023-03-01", "resigned"); });
  EXPECT_EQ(at(rep, "2023-02-28")->status, "active");
  EXPECT_EQ(at(rep, "2023-02-28")->orgUnitId, company);
  EXPECT_EQ(at(rep, "2023-03-01")->status, "terminated");
  EXPECT_EQ(at(rep, "2023-03-01")->orgUnitId, std::nullopt);
  EXPECT_EQ(at(rep, "2023-03-01")->terminationDate, "2023-03-01");
}

TEST_P(WorkforceTest, AChangeBeforeAPlannedOneIsRefused) {
  auto company = unit("ACME", std::nullopt);
  auto other = unit("OTHER", company);
  auto rep = hire("E1", company, std::nullopt);
  withWorkforce([&](Workforce& w, Transaction&) {
    return w.transfer(rep, {std::nullopt, other, std::nullopt, "", "2030-01-01", "transfer"});
  });
  EXPECT_EQ(at(rep, "2029-12-31")->orgUnitId, company);
  EXPECT_EQ(at(rep, "2030-01-01")->orgUnitId, other);
  try {
    withWorkforce([&](Workforce& w, Transaction&) {
      return w.transfer(rep, {std::nullopt, other, std::nullopt, "", "2025-01-01", "transfer"});
    });
    FAIL() << "rewrote a planned change";
  } catch (const HttpError& error) {
    EXPECT_EQ(error.status(), 422);
    EXPECT_EQ(error.detail(), "employee " + std::to_string(rep) +
                                  " has a change planned on 2030-01-01; a change must be dated on "
                                  "or after it");
  }
}

TERRITORY_ON_EVERY_ENGINE(WorkforceTest);

}  // namespace
}  // namespace cadre::territory::test
