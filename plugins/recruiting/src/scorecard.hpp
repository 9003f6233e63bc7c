#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cadre::recruiting {

/// One criterion of the requisition's standards rated 1 (poor) to 5 (excellent).
struct Rating {
  std::int64_t criterionId = 0;
  std::int64_t rating = 0;
  std::optional<std::string> comment;
};

/// What an interviewer writes on their scorecard.
struct ScorecardContent {
  std::vector<Rating> ratings;
  /// strong_no, no, yes or strong_yes.
  std::optional<std::string> recommendation;
  std::optional<std::string> notes;
};

/// One interviewer's scorecard for one interview; a draft until submitted, fixed after.
struct Scorecard : ScorecardContent {
  std::int64_t id = 0;
  std::int64_t interviewId = 0;
  std::int64_t applicationId = 0;
  std::int64_t interviewerEmployeeId = 0;
  std::optional<std::string> submittedAt;
  std::int64_t version = 0;
};

/// A criterion of a requisition's standards with its weight.
struct WeightedCriterion {
  std::int64_t id = 0;
  std::string name;
  double weight = 1.0;
};

/// How the submitted scorecards rate one criterion.
struct CriterionScore {
  WeightedCriterion criterion;
  std::int64_t ratings = 0;
  std::optional<double> mean;
  std::optional<std::int64_t> lowest;
  std::optional<std::int64_t> highest;
};

/// One submitted scorecard's weighted score: the weighted mean of its ratings.
struct ScorecardScore {
  std::int64_t scorecardId = 0;
  std::int64_t interviewId = 0;
  std::int64_t interviewerEmployeeId = 0;
  double weightedScore = 0;
  std::string recommendation;
};

/// An application's scores over its submitted scorecards: the weighted aggregate (the mean of
/// the scorecards' weighted scores) and how far the interviewers lie apart (the spread between
/// the highest and lowest weighted score, and their standard deviation).
struct ScoreSummary {
  std::int64_t applicationId = 0;
  std::int64_t submitted = 0;
  std::optional<double> weightedAggregate;
  std::optional<double> spread;
  std::optional<double> standardDeviation;
  std::vector<CriterionScore> criteria;
  std::vector<ScorecardScore> scorecards;
  /// Count of each recommendation made.
  std::map<std::string, std::int64_t> recommendations;
};

/// Filters of a scorecard list; unset ones do not filter.
struct ScorecardFilter {
  std::optional<std::int64_t> applicationId;
  std::optional<std::int64_t> interviewId;
  std::optional<std::int64_t> interviewerId;
  /// Who is looking: their own scorecards always, others' submitted ones where they run the
  /// hiring (or are HR) or interview for the application, once they owe no scorecard on it.
  std::optional<std::int64_t> viewerEmployeeId;
  bool viewerIsHr = false;
  std::int64_t afterId = 0;
  std::int64_t limit = 50;
};

}  // namespace cadre::recruiting
