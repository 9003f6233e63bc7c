#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cadre::recruiting {

/// Which requisitions a report covers and over which dates.
struct AnalyticsScope {
  /// One requisition; none for every requisition in scope.
  std::optional<std::int64_t> requisitionId;
  /// Only the requisitions this employee is hiring manager of; none for HR (all of them).
  std::optional<std::int64_t> hiringManagerId;
  /// The first and last day (YYYY-MM-DD, both included); none leaves that side open.
  std::optional<std::string> from;
  std::optional<std::string> to;
};

/// One stage of a funnel: of one requisition, or overall (stages of every requisition in scope
/// that share a code).
struct FunnelStage {
  std::string code;
  std::string name;
  /// active, hired, rejected or withdrawn.
  std::string kind;
  std::int64_t order = 0;
  /// Applications that ever entered the stage (a move into it).
  std::int64_t reached = 0;
  /// Applications in the stage now.
  std::int64_t current = 0;
  /// Applications moved from this stage to a rejected or a withdrawn stage.
  std::int64_t rejectedHere = 0;
  std::int64_t withdrawnHere = 0;
  /// Stages on the way to a hire (active and hired): reached here / reached at the previous
  /// such stage, and reached here / reached at the first. None for the first, for rejected and
  /// withdrawn stages, and where the divisor is 0.
  std::optional<double> conversion;
  std::optional<double> ofFirst;
};

struct Funnel {
  std::optional<std::int64_t> requisitionId;
  /// Applications in scope (applied within the dates).
  std::int64_t applications = 0;
  /// In stage order; stages of the way to a hire first, then rejected and withdrawn.
  std::vector<FunnelStage> stages;
};

/// Median, mean and 90th percentile of a number of days.
struct DayStats {
  std::int64_t count = 0;
  /// None without values. The median of an even count is the mean of the middle two; the 90th
  /// percentile is the nearest rank (the smallest value with at least 90% of the values at or
  /// below it).
  std::optional<double> mean;
  std::optional<double> median;
  std::optional<double> p90;
};

/// An application's way from applying to its first move into a hired stage.
struct HireTime {
  std::int64_t applicationId = 0;
  std::int64_t requisitionId = 0;
  std::string requisitionTitle;
  std::int64_t candidateId = 0;
  std::string appliedAt;
  std::string hiredAt;
  /// Calendar days from the applying date to the hiring date.
  long days = 0;
};

/// A requisition's way from opening to filling its last opening.
struct FillTime {
  std::int64_t requisitionId = 0;
  std::string title;
  std::int64_t orgUnitId = 0;
  std::int64_t openings = 0;
  std::string openedAt;
  std::string filledAt;
  long days = 0;
};

/// What candidates of one source cost, in one currency.
struct SourceCost {
  /// Empty when the cost was recorded without a currency.
  std::string currency;
  double total = 0;
  /// total / hires of the source; none without hires.
  std::optional<double> perHire;
};

/// How one candidate source did over the applications in scope.
struct SourceFigures {
  /// job_board, referral, agency, campus, direct or event.
  std::string source;
  std::int64_t applications = 0;
  /// Of those applications, the ones that ever reached a hired stage.
  std::int64_t hires = 0;
  /// hires / applications; none without applications.
  std::optional<double> hireRate;
  /// The source cost of the candidates behind those applications (each candidate once).
  std::vector<SourceCost> costs;
};

/// The interviews of one interviewer (cancelled ones not counted) and their scorecards.
struct InterviewerLoad {
  std::int64_t employeeId = 0;
  std::string name;
  std::int64_t interviews = 0;
  /// Interviews that have not started yet.
  std::int64_t upcoming = 0;
  std::int64_t scorecardsSubmitted = 0;
  /// Interviews that have ended without a submitted scorecard of theirs.
  std::int64_t scorecardsPending = 0;
  /// When the oldest of those ended.
  std::optional<std::string> oldestPendingEndedAt;
};

/// Offers made (extended or later), counted by outcome.
struct OfferFigures {
  /// None for the total over every requisition.
  std::optional<std::int64_t> requisitionId;
  std::string requisitionTitle;
  std::int64_t made = 0;
  std::int64_t accepted = 0;
  std::int64_t declined = 0;
  std::int64_t expired = 0;
  std::int64_t withdrawn = 0;
  /// Extended and waiting for the candidate.
  std::int64_t open = 0;
  /// accepted / (accepted + declined + expired); none before any of those.
  std::optional<double> acceptanceRate;
};

/// The candidate sources, in the order reports list them.
const std::vector<std::string>& sourcesInReportOrder();

/// Fills in conversion and ofFirst of a funnel's stages (already in order).
void computeConversions(std::vector<FunnelStage>& stages);

/// The statistics of a number of days (in any order).
DayStats dayStats(std::vector<long> days);

/// Counts an offer of `state` in `figures`; fills in the acceptance rate.
void countOffer(OfferFigures& figures, const std::string& state, std::int64_t count);

/// Fills in the hire rate and the cost per hire of a source.
void computeSourceRates(SourceFigures& figures);

/// A ratio rounded to 4 decimals (as the reports give it); none when `of` is 0.
std::optional<double> ratio(std::int64_t part, std::int64_t of);

}  // namespace cadre::recruiting
