#include "scorecard_json.hpp"

#include <Poco/JSON/Array.h>

#include "cadre/json_text.hpp"

namespace cadre::recruiting {

Poco::JSON::Object::Ptr scorecardJson(const Scorecard& scorecard) {
  auto out = orderedObject();
  out->set("id", scorecard.id);
  out->set("interviewId", scorecard.interviewId);
  out->set("applicationId", scorecard.applicationId);
  out->set("interviewerEmployeeId", scorecard.interviewerEmployeeId);
  Poco::JSON::Array::Ptr ratings = new Poco::JSON::Array;
  for (const auto& rating : scorecard.ratings) {
    auto item = orderedObject();
    item->set("criterionId", rating.criterionId);
    item->set("rating", rating.rating);
    setOptional(*item, "comment", rating.comment);
    ratings->add(item);
  }
  out->set("ratings", ratings);
  setOptional(*out, "recommendation", scorecard.recommendation);
  setOptional(*out, "notes", scorecard.notes);
  out->set("state", scorecard.submittedAt ? "submitted" : "draft");
  setOptional(*out, "submittedAt", scorecard.submittedAt);
  out->set("version", scorecard.version);
  return out;
}

Poco::JSON::Object::Ptr scoreSummaryJson(const ScoreSummary& summary) {
  auto out = orderedObject();
  out->set("applicationId", summary.applicationId);
  out->set("submittedScorecards", summary.submitted);
  setOptional(*out, "weightedAggregate", summary.weightedAggregate);
  setOptional(*out, "spread", summary.spread);
  setOptional(*out, "standardDeviation", summary.standardDeviation);
  Poco::JSON::Array::Ptr criteria = new Poco::JSON::Array;
  for (const auto& score : summary.criteria) {
    auto item = orderedObject();
    item->set("criterionId", score.criterion.id);
    item->set("name", score.criterion.name);
    item->set("weight", score.criterion.weight);
    item->set("ratings", score.ratings);
    setOptional(*item, "mean", score.mean);
    setOptional(*item, "lowest", score.lowest);
    setOptional(*item, "highest", score.highest);
    criteria->add(item);
  }
  out->set("criteria", criteria);
  Poco::JSON::Array::Ptr scorecards = new Poco::JSON::Array;
  for (const auto& score : summary.scorecards) {
    auto item = orderedObject();
    item->set("scorecardId", score.scorecardId);
    item->set("interviewId", score.interviewId);
    item->set("interviewerEmployeeId", score.interviewerEmployeeId);
    item->set("weightedScore", score.weightedScore);
    item->set("recommendation", score.recommendation);
    scorecards->add(item);
  }
  out->set("scorecards", scorecards);
  auto recommendations = orderedObject();
  for (const char* kind : {"strong_no", "no", "yes", "strong_yes"}) {
    auto found = summary.recommendations.find(kind);
    recommendations->set(kind, found == summary.recommendations.end() ? 0 : found->second);
  }
  out->set("recommendations", recommendations);
  return out;
}

}  // namespace cadre::recruiting
