#include "territory_metrics.hpp"

#include <gtest/gtest.h>

#include "employee_store.hpp"
#include "sales_fixture.hpp"

namespace cadre::territory::test {
namespace {

TEST(SpreadTest, PopulationStandardDeviationAndRatio) {
  auto s = spreadOf({2, 4, 4, 4, 5, 5, 7, 9});
  EXPECT_EQ(s.min, 2);
  EXPECT_EQ(s.max, 9);
  EXPECT_EQ(s.mean, 5);
  EXPECT_EQ(s.stddev, 2);
  EXPECT_EQ(s.maxMinRatio, std::optional<double>(4.5));
  EXPECT_EQ(spreadOf({0, 3}).maxMinRatio, std::nullopt);
  EXPECT_EQ(spreadOf({}).mean, 0);
}

using TerritoryMetricsTest = SalesTest;

TEST_P(TerritoryMetricsTest, FiguresPerTerritoryAndPerRepAreExact) {
  auto company = orgUnit("ACME", std::nullopt);
  auto team = orgUnit("TEAM", company);
  auto boss = hire("M1", company, std::nullopt);
  auto r1 = hire("R1", team, boss);
  auto r2 = hire("R2", team, boss);
  auto r3 = hire("R3", team, boss);
  auto m = model("2020");
  auto region = territory(m.id, "REGION");
  auto t1 = territory(m.id, "T1", region);
  auto t2 = territory(m.id, "T2", region);
  auto t3 = territory(m.id, "T3");
  seat(t1, r1, "owner", 100);
  seat(t2, r2, "owner", 100);
  seat(t3, r2, "owner", 100);
  std::vector<std::pair<std::int64_t, std::int64_t>> book{
      {account("A1", "x", "1", "prospect", 100), t1},
      {account("A2", "x", "1", "active", 300), t1},
      {account("A3", "x", "1", "active", 200), t2},
      {account("A4", "x", "1", "prospect", 50), t3},
      {account("A5", "x", "1", "prospect", 150), t3}};
  inTx([&](Transaction& tx) {
    for (auto [accountId, territoryId] : book)
      AccountPlacement(tx, "t").assignManually(accountId, territoryId, "2020-01-01");
    return 0;
  });

  auto figures = inTx([&](Transaction& tx) { return territoryMetrics(tx, m, "2020-06-01"); });
  ASSERT_EQ(figures.size(), 4u);
  const auto& r = figures[0];
  EXPECT_EQ(r.territory.code, "REGION");
  EXPECT_EQ(r.own.accounts, 0);
  EXPECT_EQ(r.own.reps, 0);
  EXPECT_EQ(r.subtree.reps, 2);
  EXPECT_EQ(r.subtree.accounts, 3);
  EXPECT_EQ(r.subtree.prospects, 1);
  EXPECT_EQ(r.subtree.activeCustomers, 2);
  EXPECT_EQ(r.subtree.potential, 600);
  EXPECT_EQ(figures[1].territory.code, "T1");
  EXPECT_EQ(figures[1].own.reps, 1);
  EXPECT_EQ(figures[1].own.accounts, 2);
  EXPECT_EQ(figures[1].own.potential, 400);
  EXPECT_EQ(figures[3].territory.code, "T3");
  EXPECT_EQ(figures[3].own.prospects, 2);
  EXPECT_EQ(figures[3].own.activeCustomers, 0);
  EXPECT_EQ(figures[3].subtree.potential, 200);
  EXPECT_EQ(inTx([&](Transaction& tx) { return territoryMetrics(tx, m, "2019-12-31"); })[0]
                .subtree.accounts,
            0);

  auto members =
      inTx([&](Transaction& tx) { return EmployeeStore(tx).reports(boss, "2020-06-01", true); });
  auto report = inTx([&](Transaction& tx) { return balanceReport(tx, m, members, "2020-06-01"); });
  ASSERT_EQ(report.reps.size(), 2u);
  EXPECT_EQ(report.reps[0].employeeId, r1);
  EXPECT_EQ(report.reps[0].employeeNumber, "R1");
  EXPECT_EQ(report.reps[0].name, "GivenR1 Family");
  EXPECT_EQ(report.reps[0].coverage.accounts, 2);
  EXPECT_EQ(report.reps[0].coverage.prospects, 1);
  EXPECT_EQ(report.reps[0].coverage.activeCustomers, 1);
  EXPECT_EQ(report.reps[0].coverage.potential, 400);
  EXPECT_EQ(report.reps[1].employeeId, r2);
  EXPECT_EQ(report.reps[1].territoryCodes, (std::vector<std::string>{"T2", "T3"}));
  EXPECT_EQ(report.reps[1].coverage.accounts, 3);
  EXPECT_EQ(report.reps[1].coverage.prospects, 2);
  EXPECT_EQ(report.reps[1].coverage.activeCustomers, 1);
  EXPECT_EQ(report.reps[1].coverage.potential, 400);
  EXPECT_EQ(report.withoutSeat, std::vector<std::int64_t>{r3});
  const auto& accounts = report.spread.at("accounts");
  EXPECT_EQ(accounts.min, 2);
  EXPECT_EQ(accounts.max, 3);
  EXPECT_EQ(accounts.mean, 2.5);
  EXPECT_EQ(accounts.stddev, 0.5);
  EXPECT_EQ(accounts.maxMinRatio, std::optional<double>(1.5));
  const auto& potential = report.spread.at("potential");
  EXPECT_EQ(potential.stddev, 0);
  EXPECT_EQ(potential.maxMinRatio, std::optional<double>(1));
}

TERRITORY_ON_EVERY_ENGINE(TerritoryMetricsTest);

}  // namespace
}  // namespace cadre::territory::test
