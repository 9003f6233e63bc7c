// The arithmetic of the recruiting reports, without a database: statistics of days,
// conversions along a funnel, rates.
#include <gtest/gtest.h>

#include "analytics_figures.hpp"

namespace cadre::recruiting {
namespace {

TEST(AnalyticsFiguresTest, DayStatisticsTakeTheMiddleTwoForAnEvenCountAndTheNearestRankForP90) {
  auto none = dayStats({});
  EXPECT_EQ(none.count, 0);
  EXPECT_FALSE(none.mean || none.median || none.p90);

  auto one = dayStats({12});
  EXPECT_EQ(one.count, 1);
  EXPECT_EQ(*one.mean, 12);
  EXPECT_EQ(*one.median, 12);
  EXPECT_EQ(*one.p90, 12);

  auto odd = dayStats({84, 59, 61});
  EXPECT_EQ(*odd.mean, 68);
  EXPECT_EQ(*odd.median, 61);
  EXPECT_EQ(*odd.p90, 84);  // rank ceil(2.7) = 3

  auto even = dayStats({10, 1, 4, 7});
  EXPECT_EQ(*even.mean, 5.5);
  EXPECT_EQ(*even.median, 5.5);
  EXPECT_EQ(*even.p90, 10);  // rank ceil(3.6) = 4

  // Ten values: the 9th is the 90th percentile; the mean is rounded to two decimals.
  auto ten = dayStats({1, 2, 3, 4, 5, 6, 7, 8, 9, 100});
  EXPECT_EQ(*ten.p90, 9);
  EXPECT_EQ(*ten.median, 5.5);
  EXPECT_EQ(*ten.mean, 14.5);
  EXPECT_EQ(*dayStats({1, 1, 2}).mean, 1.33);
}

TEST(AnalyticsFiguresTest, ConversionsFollowTheStagesOnTheWayToAHireAndSkipRejectedAndWithdrawn) {
  std::vector<FunnelStage> stages(6);
  const char* kinds[] = {"active", "active", "active", "hired", "rejected", "withdrawn"};
  std::int64_t reached[] = {12, 8, 0, 0, 5, 2};
  for (int i = 0; i < 6; ++i) {
    stages[i].kind = kinds[i];
    stages[i].reached = reached[i];
  }
  computeConversions(stages);
  EXPECT_FALSE(stages[0].conversion || stages[0].ofFirst);
  EXPECT_EQ(*stages[1].conversion, 0.6667);
  EXPECT_EQ(*stages[1].ofFirst, 0.6667);
  EXPECT_EQ(*stages[2].conversion, 0);
  EXPECT_EQ(*stages[2].ofFirst, 0);
  // Nothing reached the stage before: no conversion rather than a division by zero.
  EXPECT_FALSE(stages[3].conversion);
  EXPECT_EQ(*stages[3].ofFirst, 0);
  EXPECT_FALSE(stages[4].conversion || stages[4].ofFirst);
  EXPECT_FALSE(stages[5].conversion || stages[5].ofFirst);
}

TEST(AnalyticsFiguresTest, OfferAcceptanceCountsDecidedOffersOnlyAndCostPerHireNeedsAHire) {
  OfferFigures offers;
  countOffer(offers, "extended", 1);
  countOffer(offers, "withdrawn", 2);
  EXPECT_EQ(offers.made, 3);
  EXPECT_FALSE(offers.acceptanceRate);
  countOffer(offers, "accepted", 3);
  countOffer(offers, "declined", 1);
  countOffer(offers, "expired", 1);
  EXPECT_EQ(offers.made, 8);
  EXPECT_EQ(offers.open, 1);
  EXPECT_EQ(*offers.acceptanceRate, 0.6);

  SourceFigures source{"agency", 3, 0, std::nullopt, {{"EUR", 10500, std::nullopt}}};
  computeSourceRates(source);
  EXPECT_EQ(*source.hireRate, 0);
  EXPECT_FALSE(source.costs[0].perHire);
  source.hires = 3;
  source.costs[0].total = 1000;
  computeSourceRates(source);
  EXPECT_EQ(*source.hireRate, 1);
  EXPECT_EQ(*source.costs[0].perHire, 333.33);
  EXPECT_FALSE(ratio(1, 0));
}

}  // namespace
}  // namespace cadre::recruiting
