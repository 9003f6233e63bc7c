#pragma once

#include <cstdint>
#include <string>

#include "application_access.hpp"
#include "change_log.hpp"
#include "interview.hpp"
#include "scorecard.hpp"

namespace cadre::recruiting {

/// The rules of scorecards: only an interviewer of an interview that has begun (and is not
/// cancelled) writes one, once per interview; ratings follow the requisition's criteria (each
/// at most once, 1 to 5); a scorecard is submitted when every criterion is rated and a
/// recommendation made, and is fixed from then on. Others' scores stay hidden from whoever
/// still owes a scorecard on the application. Every change goes to the change log
/// (recruiting.scorecard.created, .changed, .submitted). Throws HttpError (400 naming the
/// field, 403, 409 one already written, 422 a rule); rollback is the caller's.
class Scorecards {
 public:
  Scorecards(Transaction& tx, ChangeLog& log) : tx_(tx), log_(log) {}

  /// A new scorecard of `employeeId` for the interview; submitted at once when `submit`.
  Scorecard write(const Interview& interview, const ApplicationFacts& application,
                  std::int64_t employeeId, const ScorecardContent& content, bool submit);
  /// Replaces a draft's content; submits it when `submit`.
  Scorecard revise(const Scorecard& before, const ApplicationFacts& application,
                   const ScorecardContent& content, bool submit);

  /// The application's scores, for someone who owes no scorecard on it (403 naming the
  /// interview otherwise).
  ScoreSummary summary(const ApplicationFacts& application,
                       const std::optional<std::int64_t>& viewerEmployeeId);

 private:
  void checkRatings(const ApplicationFacts& application, const ScorecardContent& content);
  void checkComplete(const ApplicationFacts& application, const ScorecardContent& content);
  Transaction& tx_;
  ChangeLog& log_;
};

}  // namespace cadre::recruiting
