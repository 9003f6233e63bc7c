#include "scorecards.hpp"

#include <algorithm>
#include <set>

#include "cadre/dates.hpp"
#include "cadre/http.hpp"
#include "score_summary.hpp"
#include "scorecard_json.hpp"
#include "scorecard_store.hpp"

namespace cadre::recruiting {

void Scorecards::checkRatings(const ApplicationFacts& application,
                              const ScorecardContent& content) {
  auto criteria = ScorecardStore(tx_).criteriaOf(application.requisitionId);
  std::set<std::int64_t> seen;
  std::vector<FieldError> problems;
  for (std::size_t i = 0; i < content.ratings.size(); ++i) {
    const auto& rating = content.ratings[i];
    const std::string field = "ratings[" + std::to_string(i) + "]";
    bool known = std::any_of(criteria.begin(), criteria.end(),
                             [&](const auto& c) { return c.id == rating.criterionId; });
    if (!known) {
      problems.push_back({field + ".criterionId", "not a criterion of requisition " +
                                                      std::to_string(application.requisitionId)});
    } else if (!seen.insert(rating.criterionId).second) {
      problems.push_back({field + ".criterionId", "rated twice"});
    }
    if (rating.rating < 1 || rating.rating > 5) {
      problems.push_back({field + ".rating", "must be 1 to 5"});
    }
  }
  if (!problems.empty()) {
    throw HttpError::badRequest("the ratings do not fit the requisition's standards", problems);
  }
}

void Scorecards::checkComplete(const ApplicationFacts& application,
                               const ScorecardContent& content) {
  std::vector<FieldError> problems;
  for (const auto& criterion : ScorecardStore(tx_).criteriaOf(application.requisitionId)) {
    bool rated = std::any_of(content.ratings.begin(), content.ratings.end(),
                             [&](const auto& r) { return r.criterionId == criterion.id; });
    if (!rated) problems.push_back({"ratings", "criterion '" + criterion.name + "' is not rated"});
  }
  if (!content.recommendation) problems.push_back({"recommendation", "required to submit"});
  if (!problems.empty()) {
    throw HttpError::unprocessable(
        "a scorecard is submitted with every criterion rated and a recommendation", problems);
  }
}

Scorecard Scorecards::write(const Interview& interview, const ApplicationFacts& application,
                            std::int64_t employeeId, const ScorecardContent& content, bool submit) {
  const auto& panel = interview.interviewerIds;
  if (std::find(panel.begin(), panel.end(), employeeId) == panel.end()) {
    throw HttpError::forbidden("only the interviewers of interview " +
                               std::to_string(interview.id) + " write its scorecards");
  }
  if (interview.state == "cancelled") {
    throw HttpError::unprocessable("interview " + std::to_string(interview.id) + " was cancelled",
                                   {{"interviewId", "cancelled"}});
  }
  if (interview.startsAt > nowTimestamp()) {
    throw HttpError::unprocessable("interview " + std::to_string(interview.id) +
                                       " has not begun yet (it starts at " + interview.startsAt +
                                       ")",
                                   {{"interviewId", "not begun"}});
  }
  ScorecardStore store(tx_);
  if (auto existing = store.findFor(interview.id, employeeId)) {
    throw HttpError::conflict("employee " + std::to_string(employeeId) + " already has scorecard " +
                              std::to_string(existing->id) + " for interview " +
                              std::to_string(interview.id));
  }
  checkRatings(application, content);
  if (submit) checkComplete(application, content);
  Scorecard scorecard;
  static_cast<ScorecardContent&>(scorecard) = content;
  scorecard.interviewId = interview.id;
  scorecard.interviewerEmployeeId = employeeId;
  if (submit) scorecard.submittedAt = nowTimestamp();
  auto stored = *store.find(store.insert(scorecard));
  log_.record("scorecard", submit ? "submitted" : "created", stored.id, nullptr,
              scorecardJson(stored));
  return stored;
}

Scorecard Scorecards::revise(const Scorecard& before, const ApplicationFacts& application,
                             const ScorecardContent& content, bool submit) {
  if (before.submittedAt) {
    throw HttpError::unprocessable("scorecard " + std::to_string(before.id) + " was submitted on " +
                                   *before.submittedAt + " and can no longer change");
  }
  checkRatings(application, content);
  if (submit) checkComplete(application, content);
  Scorecard after = before;
  static_cast<ScorecardContent&>(after) = content;
  if (submit) after.submittedAt = nowTimestamp();
  ScorecardStore store(tx_);
  store.update(after);
  auto stored = *store.find(before.id);
  log_.record("scorecard", submit ? "submitted" : "changed", stored.id, scorecardJson(before),
              scorecardJson(stored));
  return stored;
}

ScoreSummary Scorecards::summary(const ApplicationFacts& application,
                                 const std::optional<std::int64_t>& viewerEmployeeId) {
  ScorecardStore store(tx_);
  if (viewerEmployeeId) {
    if (auto owed = store.owedScorecard(*viewerEmployeeId, application.id)) {
      throw HttpError::forbidden("submit your scorecard for interview " + std::to_string(*owed) +
                                 " before seeing the scores of application " +
                                 std::to_string(application.id));
    }
  }
  return summarizeScores(application.id, store.criteriaOf(application.requisitionId),
                         store.submittedFor(application.id));
}

}  // namespace cadre::recruiting
