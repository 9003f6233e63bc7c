#include "score_summary.hpp"

#include <gtest/gtest.h>

namespace cadre::recruiting::test {
namespace {

Scorecard card(std::int64_t id, std::int64_t interviewer, std::int64_t discovery,
               std::int64_t closing, const std::string& recommendation) {
  Scorecard s;
  s.id = id;
  s.interviewId = 100;
  s.interviewerEmployeeId = interviewer;
  s.ratings = {{1, discovery, std::nullopt}, {2, closing, std::nullopt}};
  s.recommendation = recommendation;
  return s;
}

TEST(ScoreSummaryTest, TheAggregateWeighsEachCriterionAndTheSpreadShowsDisagreement) {
  std::vector<WeightedCriterion> criteria = {{1, "Discovery", 3}, {2, "Closing", 1}};
  // (3*5 + 1*1) / 4 = 4; (3*2 + 1*2) / 4 = 2.
  auto summary = summarizeScores(9, criteria, {card(1, 11, 5, 1, "yes"), card(2, 12, 2, 2, "no")});
  EXPECT_EQ(summary.applicationId, 9);
  EXPECT_EQ(summary.submitted, 2);
  ASSERT_EQ(summary.scorecards.size(), 2u);
  EXPECT_DOUBLE_EQ(summary.scorecards[0].weightedScore, 4.0);
  EXPECT_DOUBLE_EQ(summary.scorecards[1].weightedScore, 2.0);
  EXPECT_DOUBLE_EQ(*summary.weightedAggregate, 3.0);
  EXPECT_DOUBLE_EQ(*summary.spread, 2.0);
  EXPECT_DOUBLE_EQ(*summary.standardDeviation, 1.0);
  ASSERT_EQ(summary.criteria.size(), 2u);
  EXPECT_DOUBLE_EQ(*summary.criteria[0].mean, 3.5);
  EXPECT_EQ(summary.criteria[0].lowest, std::optional<std::int64_t>(2));
  EXPECT_EQ(summary.criteria[0].highest, std::optional<std::int64_t>(5));
  EXPECT_EQ(summary.criteria[1].ratings, 2);
  EXPECT_EQ(summary.recommendations.at("yes"), 1);
  EXPECT_EQ(summary.recommendations.at("no"), 1);
}

TEST(ScoreSummaryTest, NoScorecardsNoAggregate) {
  auto summary = summarizeScores(9, {{1, "Discovery", 1}}, {});
  EXPECT_EQ(summary.submitted, 0);
  EXPECT_EQ(summary.weightedAggregate, std::nullopt);
  EXPECT_EQ(summary.spread, std::nullopt);
  EXPECT_EQ(summary.criteria.at(0).mean, std::nullopt);
  EXPECT_EQ(weightedScore({{1, "Discovery", 1}}, {{5, 3, std::nullopt}}), std::nullopt);
}

}  // namespace
}  // namespace cadre::recruiting::test
