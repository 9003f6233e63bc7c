#include "territory_models.hpp"

#include <gtest/gtest.h>

#include "rep_seat_store.hpp"
#include "sales_fixture.hpp"

namespace cadre::territory::test {
namespace {

using TerritoryModelsTest = SalesTest;

TEST_P(TerritoryModelsTest, TheFirstModelIsActiveAndLaterOnesArePlanning) {
  auto first = model("2020");
  auto second = model("2021 draft");
  EXPECT_EQ(first.state, "active");
  EXPECT_EQ(first.activatedOn, std::optional<std::string>("2020-01-01"));
  EXPECT_EQ(second.state, "planning");
  EXPECT_EQ(second.activatedOn, std::nullopt);
  auto taken =
      refusal([&](Transaction& tx) { TerritoryModels(tx, "t").create("2020", "2020-01-01"); });
  EXPECT_EQ(taken.status(), 409);
  EXPECT_EQ(std::string(taken.detail()), "a territory model named '2020' exists");
}

TEST_P(TerritoryModelsTest, CopyChangeCompareActivate) {
  auto company = orgUnit("ACME", std::nullopt);
  auto m1 = model("2020").id;
  auto east = territory(m1, "EAST");
  auto west = territory(m1, "WEST");
  territory(m1, "CENTRAL", east);
  rule(east, 1, "east");
  rule(west, 2, "west");
  auto a = account("Alpha", "east", "10115");
  auto b = account("Beta", "west", "80331");
  apply(m1, "2020-01-01");
  auto r1 = hire("E1", company, std::nullopt);
  auto r2 = hire("E2", company, std::nullopt);
  seat(east, r1, "owner", 100);
  seat(west, r2, "owner", 100);

  auto m2 = inTx([&](Transaction& tx) { return TerritoryModels(tx, "tester").copy(m1, "2021"); });
  EXPECT_EQ(m2.state, "planning");
  EXPECT_EQ(m2.basedOnId, m1);
  inTx([&](Transaction& tx) {
    EXPECT_EQ(TerritoryModelStore(tx).territories(m2.id).size(), 3u);
    EXPECT_EQ(AssignmentRuleStore(tx).ofModel(m2.id).size(), 2u);
    EXPECT_EQ(AccountStore(tx).openIn(m2.id).size(), 2u);
    EXPECT_EQ(RepSeatStore(tx).openIn(m2.id).size(), 2u);
    return 0;
  });

  // The sandbox: rename WEST, move CENTRAL under it, add NORTH, give it Beta and rep 2.
  inTx([&](Transaction& tx) {
    TerritoryModels models(tx, "tester");
    TerritoryModelStore store(tx);
    auto west2 = store.territoryByCode(m2.id, "WEST")->id;
    models.changeTerritory(west2, {std::string("West coast"), std::nullopt, std::nullopt});
    models.changeTerritory(store.territoryByCode(m2.id, "CENTRAL")->id,
                           {std::nullopt, std::optional<std::int64_t>(west2), std::nullopt});
    return 0;
  });
  auto north = territory(m2.id, "NORTH");
  inTx([&](Transaction& tx) {
    return AccountPlacement(tx, "tester").assignManually(b, north, "2021-06-01");
  });
  inTx([&](Transaction& tx) {
    RepSeats seats(tx, "tester");
    for (const auto& s : RepSeatStore(tx).openIn(m2.id)) {
      if (s.employeeId == r2) seats.end(s.id, "2021-06-01");
    }
    return 0;
  });
  seat(north, r2, "owner", 100, "2021-06-01");
  // The planning model changed nothing in force.
  EXPECT_EQ(territoryOn(b, "2021-06-15"), "WEST");

  auto diff = inTx(
      [&](Transaction& tx) { return TerritoryModels(tx, "").compare(m2.id, m1, "2021-06-15"); });
  ASSERT_EQ(diff.territories.size(), 3u);
  EXPECT_EQ(diff.territories[0].code, "CENTRAL");
  EXPECT_EQ(diff.territories[0].changes, std::vector<std::string>{"moved"});
  EXPECT_EQ(diff.territories[0].beforeParentCode, std::optional<std::string>("EAST"));
  EXPECT_EQ(diff.territories[0].afterParentCode, std::optional<std::string>("WEST"));
  EXPECT_EQ(diff.territories[1].code, "NORTH");
  EXPECT_EQ(diff.territories[1].changes, std::vector<std::string>{"added"});
  EXPECT_EQ(diff.territories[2].code, "WEST");
  EXPECT_EQ(diff.territories[2].changes, std::vector<std::string>{"renamed"});
  ASSERT_EQ(diff.accounts.size(), 1u);
  EXPECT_EQ(diff.accounts[0].accountId, b);
  EXPECT_EQ(diff.accounts[0].accountName, "Beta");
  EXPECT_EQ(diff.accounts[0].fromCode, std::optional<std::string>("WEST"));
  EXPECT_EQ(diff.accounts[0].toCode, std::optional<std::string>("NORTH"));
  ASSERT_EQ(diff.reps.size(), 1u);
  EXPECT_EQ(diff.reps[0].employeeId, r2);
  EXPECT_EQ(diff.reps[0].fromCodes, std::vector<std::string>{"WEST"});
  EXPECT_EQ(diff.reps[0].toCodes, std::vector<std::string>{"NORTH"});

  auto active = inTx(
      [&](Transaction& tx) { return TerritoryModels(tx, "tester").activate(m2.id, "2021-07-01"); });
  EXPECT_EQ(active.state, "active");
  EXPECT_EQ(active.activatedOn, std::optional<std::string>("2021-07-01"));
  auto archived = inTx([&](Transaction& tx) { return TerritoryModels(tx, "").requireModel(m1); });
  EXPECT_EQ(archived.state, "archived");
  EXPECT_EQ(archived.archivedOn, std::optional<std::string>("2021-07-01"));
  EXPECT_EQ(territoryOn(b, "2021-06-30"), "WEST");
  EXPECT_EQ(territoryOn(b, "2021-07-01"), "NORTH");
  EXPECT_EQ(territoryOn(a, "2021-06-30"), "EAST");
  EXPECT_EQ(territoryOn(a, "2021-07-01"), "EAST");
  inTx([&](Transaction& tx) {
    AccountStore accounts(tx);
    auto before = accounts.assignmentOn(b, "2021-06-30");
    auto after = accounts.assignmentOn(b, "2021-07-01");
    EXPECT_EQ(before->validTo, "2021-07-01");
    EXPECT_EQ(after->validFrom, "2021-07-01");
    EXPECT_EQ(after->validTo, kOpenEnd);
    RepSeatStore seats(tx);
    auto old = seats.territoriesOfRep(r2, "2021-06-30");
    auto now = seats.territoriesOfRep(r2, "2021-07-01");
    EXPECT_EQ(old.size(), 1u);
    EXPECT_EQ(old.at(0).code, "WEST");
    EXPECT_EQ(now.size(), 1u);
    EXPECT_EQ(now.at(0).code, "NORTH");
    // The planning model's ended draft seat is gone; its open ones begin on the date.
    auto plan = seats.inModel(m2.id, "2021-07-01");
    EXPECT_EQ(plan.size(), 2u);
    for (const auto& s : plan) EXPECT_EQ(s.validFrom, "2021-07-01");
    return 0;
  });
}

TEST_P(TerritoryModelsTest, AnArchivedModelIsReadOnly) {
  auto company = orgUnit("ACME", std::nullopt);
  auto m1 = model("2020").id;
  auto east = territory(m1, "EAST");
  auto rep = hire("E1", company, std::nullopt);
  auto alpha = account("Alpha", "east", "10115");
  auto m2 = inTx([&](Transaction& tx) { return TerritoryModels(tx, "t").copy(m1, "2021"); });
  inTx([&](Transaction& tx) { return TerritoryModels(tx, "t").activate(m2.id, "2021-01-01"); });

  const std::string archived =
      "territory model " + std::to_string(m1) + " (2020) is archived and read-only";
  std::vector<HttpError> refusals{
      refusal([&](Transaction& tx) {
        TerritoryModels(tx, "t").createTerritory({m1, "WEST", "West", "geo", std::nullopt});
      }),
      refusal([&](Transaction& tx) {
        TerritoryModels(tx, "t").changeTerritory(east,
                                                 {std::string("E"), std::nullopt, std::nullopt});
      }),
      refusal([&](Transaction& tx) { TerritoryModels(tx, "t").rename(m1, "old"); }),
      refusal([&](Transaction& tx) {
        RuleDraft d;
        d.territoryId = east;
        AccountPlacement(tx, "t").createRule(d);
      }),
      refusal([&](Transaction& tx) { AccountPlacement(tx, "t").apply(m1, "2021-02-01", false); }),
      refusal([&](Transaction& tx) {
        AccountPlacement(tx, "t").assignManually(alpha, east, "2021-02-01");
      }),
      refusal([&](Transaction& tx) {
        RepSeats(tx, "t").place({0, east, rep, "rep", 50, "2021-02-01", ""});
      }),
  };
  for (const auto& error : refusals) {
    EXPECT_EQ(error.status(), 422);
    EXPECT_EQ(std::string(error.detail()), archived);
  }
  auto again =
      refusal([&](Transaction& tx) { TerritoryModels(tx, "t").activate(m1, "2022-01-01"); });
  EXPECT_EQ(again.status(), 422);
}

TEST_P(TerritoryModelsTest, MovesThatMakeCyclesAndDeletesOutsidePlanningAreRefused) {
  auto m1 = model("2020").id;
  auto top = territory(m1, "TOP");
  auto mid = territory(m1, "MID", top);
  auto low = territory(m1, "LOW", mid);
  auto cycle = refusal([&](Transaction& tx) {
    TerritoryModels(tx, "t").changeTerritory(
        top, {std::nullopt, std::optional<std::int64_t>(low), std::nullopt});
  });
  EXPECT_EQ(cycle.status(), 422);
  EXPECT_EQ(std::string(cycle.detail()), "territory " + std::to_string(low) +
                                             " is below it; a territory cannot move under itself");
  auto self = refusal([&](Transaction& tx) {
    TerritoryModels(tx, "t").changeTerritory(
        top, {std::nullopt, std::optional<std::int64_t>(top), std::nullopt});
  });
  EXPECT_EQ(self.status(), 422);
  auto m2 = model("draft").id;
  auto otherModel = refusal([&](Transaction& tx) {
    TerritoryModels(tx, "t").createTerritory({m2, "X", "X", "geo", top});
  });
  EXPECT_EQ(otherModel.status(), 422);
  auto duplicate = refusal([&](Transaction& tx) {
    TerritoryModels(tx, "t").createTerritory({m1, "TOP", "Again", "geo", std::nullopt});
  });
  EXPECT_EQ(duplicate.status(), 409);
  auto activeDelete =
      refusal([&](Transaction& tx) { TerritoryModels(tx, "t").deleteTerritory(low); });
  EXPECT_EQ(activeDelete.status(), 422);
  auto parent = territory(m2, "P");
  territory(m2, "C", parent);
  auto notEmpty =
      refusal([&](Transaction& tx) { TerritoryModels(tx, "t").deleteTerritory(parent); });
  EXPECT_EQ(std::string(notEmpty.detail()),
            "territory P still has sub-territories, rules, accounts or reps");
  auto leaf = territory(m2, "LEAF");
  inTx([&](Transaction& tx) {
    TerritoryModels(tx, "t").deleteTerritory(leaf);
    return 0;
  });
  EXPECT_EQ(inTx([&](Transaction& tx) { return TerritoryModelStore(tx).territory(leaf); }),
            std::nullopt);
}

TERRITORY_ON_EVERY_ENGINE(TerritoryModelsTest);

}  // namespace
}  // namespace cadre::territory::test
