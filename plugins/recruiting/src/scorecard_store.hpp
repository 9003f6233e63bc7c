#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "scorecard.hpp"

namespace cadre::recruiting {

/// The SQL of scorecards, their ratings and the criteria they rate.
class ScorecardStore {
 public:
  explicit ScorecardStore(Transaction& tx) : tx_(tx) {}

  std::optional<Scorecard> find(std::int64_t id);
  std::optional<Scorecard> findFor(std::int64_t interviewId, std::int64_t employeeId);
  /// In id order, at most filter.limit, only those the viewer may see.
  std::vector<Scorecard> list(const ScorecardFilter& filter);
  /// The submitted scorecards of an application, in id order.
  std::vector<Scorecard> submittedFor(std::int64_t applicationId);
  std::int64_t insert(const Scorecard& scorecard);
  /// Replaces the content (ratings included), sets submittedAt and bumps the version.
  void update(const Scorecard& scorecard);

  /// The requisition's criteria in their order.
  std::vector<WeightedCriterion> criteriaOf(std::int64_t requisitionId);
  /// The first interview of the application (not cancelled) on which `employeeId` sits
  /// without having submitted a scorecard; std::nullopt when they owe none.
  std::optional<std::int64_t> owedScorecard(std::int64_t employeeId, std::int64_t applicationId);

 private:
  std::vector<Scorecard> withRatings(std::vector<Scorecard> scorecards);
  void writeRatings(const Scorecard& scorecard);
  Transaction& tx_;
};

}  // namespace cadre::recruiting
