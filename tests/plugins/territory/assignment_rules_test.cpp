#include "assignment_rules.hpp"

#include <gtest/gtest.h>

#include "sales_fixture.hpp"

namespace cadre::territory::test {
namespace {

TEST(RuleMatchTest, EveryGivenCriterionMustMatchAndPostalCodesMatchByPrefix) {
  Account account;
  account.region = "north";
  account.postalCode = "10115";
  account.industry = "retail";
  account.size = "large";
  AssignmentRule any;
  EXPECT_TRUE(ruleMatches(any, account));
  AssignmentRule prefix;
  prefix.postalPrefix = "101";
  EXPECT_TRUE(ruleMatches(prefix, account));
  prefix.postalPrefix = "102";
  EXPECT_FALSE(ruleMatches(prefix, account));
  AssignmentRule both;
  both.region = "north";
  both.size = "small";
  EXPECT_FALSE(ruleMatches(both, account));
  both.size = "large";
  EXPECT_TRUE(ruleMatches(both, account));
  AssignmentRule first = both;
  first.id = 1;
  first.region = "south";
  AssignmentRule second = both;
  second.id = 2;
  EXPECT_EQ(firstMatch({first, second}, account)->id, 2);
}

using AssignmentRulesTest = SalesTest;

TEST_P(AssignmentRulesTest, PreviewListsExactlyWhatWouldMoveAndWritesNothing) {
  auto m = model("2020").id;
  auto north = territory(m, "NORTH");
  auto south = territory(m, "SOUTH");
  auto byRegion = rule(north, 1, "north");
  auto byPostal = rule(south, 2, std::nullopt, "8");
  auto a1 = account("Alpha", "north", "10115");
  auto a2 = account("Beta", "south", "80331");
  auto a3 = account("Gamma", "north", "80999");  // both rules match: NORTH comes first
  account("Delta", "east", "50667");             // no rule matches
  auto versionBefore =
      inTx([&](Transaction& tx) { return TerritoryModels(tx, "").requireModel(m); }).version;

  auto moves = inTx([&](Transaction& tx) {
    return AccountPlacement(tx, "tester").preview(m, "2021-01-01", false);
  });

  ASSERT_EQ(moves.size(), 3u);
  EXPECT_EQ(moves[0].accountId, a1);
  EXPECT_EQ(moves[0].fromTerritoryId, std::nullopt);
  EXPECT_EQ(moves[0].toTerritoryId, north);
  EXPECT_EQ(moves[0].ruleId, byRegion);
  EXPECT_EQ(moves[1].accountId, a2);
  EXPECT_EQ(moves[1].toTerritoryId, south);
  EXPECT_EQ(moves[1].ruleId, byPostal);
  EXPECT_EQ(moves[2].accountId, a3);
  EXPECT_EQ(moves[2].toTerritoryId, north);
  EXPECT_EQ(moves[2].ruleId, byRegion);
  EXPECT_TRUE(inTx([&](Transaction& tx) { return AccountStore(tx).openIn(m); }).empty());
  EXPECT_EQ(inTx([&](Transaction& tx) { return TerritoryModels(tx, "").requireModel(m); }).version,
            versionBefore);

  auto applied = apply(m, "2021-01-01");

  ASSERT_EQ(applied.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(applied[i].accountId, moves[i].accountId);
    EXPECT_EQ(applied[i].toTerritoryId, moves[i].toTerritoryId);
  }
  EXPECT_EQ(territoryOn(a1, "2020-12-31"), "");
  EXPECT_EQ(territoryOn(a1, "2021-01-01"), "NORTH");
  EXPECT_EQ(territoryOn(a2, "2021-01-01"), "SOUTH");
  EXPECT_EQ(territoryOn(a3, "2021-01-01"), "NORTH");
  auto placed = inTx([&](Transaction& tx) { return AccountStore(tx).openIn(m); });
  ASSERT_EQ(placed.size(), 3u);
  EXPECT_EQ(placed[0].cause, "rule");
  EXPECT_EQ(placed[0].ruleId, byRegion);
  EXPECT_TRUE(apply(m, "2021-02-01").empty());  // nothing left to move
}

TEST_P(AssignmentRulesTest, ManualAssignmentsStayUnlessOverridden) {
  auto m = model("2020").id;
  auto north = territory(m, "NORTH");
  auto south = territory(m, "SOUTH");
  rule(north, 1, "north");
  auto bySouth = rule(south, 2, "south");
  auto a1 = account("Alpha", "north", "10115");
  apply(m, "2021-01-01");
  auto manual = inTx([&](Transaction& tx) {
    return AccountPlacement(tx, "tester").assignManually(a1, south, "2021-02-01");
  });
  EXPECT_EQ(manual.cause, "manual");
  EXPECT_EQ(manual.ruleId, std::nullopt);
  auto a2 = account("Beta", "south", "80331");

  auto kept = inTx([&](Transaction& tx) {
    return AccountPlacement(tx, "tester").preview(m, "2021-03-01", false);
  });
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].accountId, a2);
  EXPECT_EQ(kept[0].ruleId, bySouth);
  auto overridden = inTx([&](Transaction& tx) {
    return AccountPlacement(tx, "tester").preview(m, "2021-03-01", true);
  });
  ASSERT_EQ(overridden.size(), 2u);
  EXPECT_EQ(overridden[0].accountId, a1);
  EXPECT_EQ(overridden[0].fromTerritoryId, south);
  EXPECT_EQ(overridden[0].fromCause, "manual");
  EXPECT_EQ(overridden[0].toTerritoryId, north);

  apply(m, "2021-03-01");
  EXPECT_EQ(territoryOn(a1, "2021-01-31"), "NORTH");
  EXPECT_EQ(territoryOn(a1, "2021-03-01"), "SOUTH");
  EXPECT_EQ(territoryOn(a2, "2021-03-01"), "SOUTH");
  auto overriding = apply(m, "2021-04-01", true);
  ASSERT_EQ(overriding.size(), 1u);
  EXPECT_EQ(overriding[0].accountId, a1);
  EXPECT_EQ(territoryOn(a1, "2021-03-31"), "SOUTH");
  EXPECT_EQ(territoryOn(a1, "2021-04-01"), "NORTH");
  auto history = inTx([&](Transaction& tx) { return AccountStore(tx).historyOf(a1); });
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[1].cause, "manual");
  EXPECT_EQ(history[1].validFrom, "2021-02-01");
  EXPECT_EQ(history[1].validTo, "2021-04-01");
  EXPECT_EQ(history[2].cause, "rule");
  EXPECT_EQ(history[2].validTo, kOpenEnd);
  auto early = refusal([&](Transaction& tx) {
    AccountPlacement(tx, "tester").assignManually(a1, north, "2021-01-15");
  });
  EXPECT_EQ(early.status(), 422);
  EXPECT_EQ(std::string(early.detail()),
            "account " + std::to_string(a1) +
                " has an assignment from 2021-04-01; a change must be dated on or after it");
}

TERRITORY_ON_EVERY_ENGINE(AssignmentRulesTest);

}  // namespace
}  // namespace cadre::territory::test
