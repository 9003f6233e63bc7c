#include "score_summary.hpp"

#include <algorithm>
#include <cmath>

namespace cadre::recruiting {

std::optional<double> weightedScore(const std::vector<WeightedCriterion>& criteria,
                                    const std::vector<Rating>& ratings) {
  double sum = 0;
  double weights = 0;
  for (const auto& rating : ratings) {
    auto criterion = std::find_if(criteria.begin(), criteria.end(),
                                  [&](const auto& c) { return c.id == rating.criterionId; });
    if (criterion == criteria.end()) continue;
    sum += criterion->weight * static_cast<double>(rating.rating);
    weights += criterion->weight;
  }
  if (weights <= 0) return std::nullopt;
  return sum / weights;
}

ScoreSummary summarizeScores(std::int64_t applicationId,
                             const std::vector<WeightedCriterion>& criteria,
                             const std::vector<Scorecard>& submitted) {
  ScoreSummary summary;
  summary.applicationId = applicationId;
  for (const auto& criterion : criteria) {
    CriterionScore score{criterion, 0, std::nullopt, std::nullopt, std::nullopt};
    double sum = 0;
    for (const auto& scorecard : submitted) {
      for (const auto& rating : scorecard.ratings) {
        if (rating.criterionId != criterion.id) continue;
        ++score.ratings;
        sum += static_cast<double>(rating.rating);
        score.lowest = std::min(score.lowest.value_or(rating.rating), rating.rating);
        score.highest = std::max(score.highest.value_or(rating.rating), rating.rating);
      }
    }
    if (score.ratings > 0) score.mean = sum / static_cast<double>(score.ratings);
    summary.criteria.push_back(score);
  }
  std::vector<double> scores;
  for (const auto& scorecard : submitted) {
    auto recommendation = scorecard.recommendation.value_or("");
    if (!recommendation.empty()) ++summary.recommendations[recommendation];
    auto score = weightedScore(criteria, scorecard.ratings);
    if (!score) continue;
    scores.push_back(*score);
    summary.scorecards.push_back({scorecard.id, scorecard.interviewId,
                                  scorecard.interviewerEmployeeId, *score, recommendation});
  }
  summary.submitted = static_cast<std::int64_t>(submitted.size());
  if (scores.empty()) return summary;
  double sum = 0;
  for (double score : scores) sum += score;
  double mean = sum / static_cast<double>(scores.size());
  double squares = 0;
  for (double score : scores) squares += (score - mean) * (score - mean);
  auto [lowest, highest] = std::minmax_element(scores.begin(), scores.end());
  summary.weightedAggregate = mean;
  summary.spread = *highest - *lowest;
  summary.standardDeviation = std::sqrt(squares / static_cast<double>(scores.size()));
  return summary;
}

}  // namespace cadre::recruiting
