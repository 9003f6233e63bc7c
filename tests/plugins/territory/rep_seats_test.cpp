#include "rep_seats.hpp"

#include <gtest/gtest.h>

#include "sales_fixture.hpp"

namespace cadre::territory::test {
namespace {

using RepSeatsTest = SalesTest;

TEST_P(RepSeatsTest, SplitsAboveOneHundredPercentAreRefusedNamingTheTerritory) {
  auto company = orgUnit("ACME", std::nullopt);
  auto m = model("2020").id;
  auto t1 = territory(m, "T1");
  auto r1 = hire("E1", company, std::nullopt);
  auto r2 = hire("E2", company, std::nullopt);
  auto r3 = hire("E3", company, std::nullopt);
  auto r4 = hire("E4", company, std::nullopt);
  seat(t1, r1, "owner", 60);
  auto second = seat(t1, r2, "rep", 40);

  auto over = refusal([&](Transaction& tx) {
    RepSeats(tx, "t").place({0, t1, r3, "rep", 10, "2020-01-01", ""});
  });
  EXPECT_EQ(over.status(), 422);
  EXPECT_EQ(std::string(over.detail()),
            "the owner and rep splits of territory T1 would add up to 110 percent on 2020-01-01; "
            "at most 100 are allowed");
  ASSERT_EQ(over.fields().size(), 1u);
  EXPECT_EQ(over.fields()[0].field, "splitPercent");
  EXPECT_EQ(over.fields()[0].message, "territory T1 over 100 percent");

  // Overlays are counted apart.
  auto overlay = seat(t1, r3, "overlay", 100);
  EXPECT_EQ(overlay.validTo, kOpenEnd);
  // Once rep 2 leaves, their share is free again; before that it is not.
  inTx([&](Transaction& tx) { return RepSeats(tx, "t").end(second.id, "2021-01-01"); });
  seat(t1, r4, "rep", 40, "2021-01-01");
  auto early = refusal([&](Transaction& tx) {
    RepSeats(tx, "t").place({0, t1, r2, "rep", 10, "2021-06-01", ""});
  });
  EXPECT_EQ(std::string(early.detail()),
            "the owner and rep splits of territory T1 would add up to 110 percent on 2021-06-01; "
            "at most 100 are allowed");
  auto planned = refusal([&](Transaction& tx) {
    RepSeats(tx, "t").place({0, t1, r2, "rep", 10, "2020-06-01", ""});
  });
  EXPECT_EQ(
      std::string(planned.detail()),
      "employee " + std::to_string(r2) + " already holds a seat in territory T1 from 2020-01-01");
  auto twice = refusal([&](Transaction& tx) { RepSeats(tx, "t").end(second.id, "2021-02-01"); });
  EXPECT_EQ(std::string(twice.detail()),
            "rep seat " + std::to_string(second.id) + " already ended on 2021-01-01");
}

TEST_P(RepSeatsTest, ARepCoversSeveralTerritories) {
  auto company = orgUnit("ACME", std::nullopt);
  auto m = model("2020").id;
  auto t1 = territory(m, "T1");
  auto t2 = territory(m, "T2");
  auto rep = hire("E1", company, std::nullopt);
  seat(t1, rep, "owner", 60);
  seat(t2, rep, "rep", 100, "2020-03-01");
  auto a1 = account("Alpha", "north", "1");
  auto a2 = account("Beta", "south", "2");
  inTx([&](Transaction& tx) {
    AccountPlacement placement(tx, "t");
    placement.assignManually(a1, t1, "2020-01-01");
    placement.assignManually(a2, t2, "2020-01-01");
    return 0;
  });
  auto covered =
      inTx([&](Transaction& tx) { return RepSeatStore(tx).territoriesOfRep(rep, "2020-06-01"); });
  ASSERT_EQ(covered.size(), 2u);
  EXPECT_EQ(covered[0].code, "T1");
  EXPECT_EQ(covered[0].role, "owner");
  EXPECT_EQ(covered[0].splitPercent, 60.0);
  EXPECT_EQ(covered[1].code, "T2");
  EXPECT_EQ(covered[1].role, "rep");
  EXPECT_EQ(
      inTx([&](Transaction& tx) { return AccountStore(tx).accountsOfRep(rep, "2020-02-01"); }),
      std::vector<std::int64_t>{a1});
  EXPECT_EQ(
      inTx([&](Transaction& tx) { return AccountStore(tx).accountsOfRep(rep, "2020-06-01"); }),
      (std::vector<std::int64_t>{a1, a2}));
}

TEST_P(RepSeatsTest, HireSeatsTheRepAndTerminationEndsTheSeats) {
  auto company = orgUnit("ACME", std::nullopt);
  auto m = model("2020").id;
  auto t1 = territory(m, "T1");
  auto rep = hire("E1", company, std::nullopt, TerritorySeat{t1, "owner", 100});
  inTx([&](Transaction& tx) {
    return Workforce(tx, org_.trail(), "t").terminate(rep, "2021-01-01", "resigned");
  });
  auto seats = inTx([&](Transaction& tx) { return RepSeatStore(tx).openIn(m); });
  EXPECT_TRUE(seats.empty());
  auto before =
      inTx([&](Transaction& tx) { return RepSeatStore(tx).ofTerritory(t1, "2020-12-31"); });
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].employeeId, rep);
  EXPECT_EQ(before[0].validFrom, "2020-01-01");
  EXPECT_EQ(before[0].validTo, "2021-01-01");
  auto planning = model("draft").id;
  auto draftTerritory = territory(planning, "D1");
  auto refused = refusal([&](Transaction& tx) {
    Workforce(tx, org_.trail(), "t")
        .hire({"E2", "G", "F", "e2@example.com", "", "", "", std::nullopt},
              {std::nullopt, company, std::nullopt, "", "2020-01-01", "hire"},
              TerritorySeat{draftTerritory, "rep", 100});
  });
  EXPECT_EQ(refused.status(), 422);
  EXPECT_EQ(std::string(refused.detail()),
            "territory " + std::to_string(draftTerritory) + " is not in the active model");
}

TERRITORY_ON_EVERY_ENGINE(RepSeatsTest);

}  // namespace
}  // namespace cadre::territory::test
