#pragma once

#include <optional>
#include <vector>

#include "scorecard.hpp"

namespace cadre::recruiting {

/// The weighted mean of a scorecard's ratings (criteria it did not rate do not count);
/// std::nullopt when it rates none of them.
std::optional<double> weightedScore(const std::vector<WeightedCriterion>& criteria,
                                    const std::vector<Rating>& ratings);

/// The summary of an application's submitted scorecards against its requisition's criteria.
ScoreSummary summarizeScores(std::int64_t applicationId,
                             const std::vector<WeightedCriterion>& criteria,
                             const std::vector<Scorecard>& submitted);

}  // namespace cadre::recruiting
