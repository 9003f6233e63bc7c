#pragma once

#include <string>
#include <vector>

namespace cadre::recruiting {

/// Where a demo application ends up in its requisition's pipeline.
enum class DemoOutcome {
  /// Still in the first stage.
  Applied,
  Screening,
  /// In the interview stage with an interview a few days ahead.
  InterviewScheduled,
  /// In the interview stage, interviewed last week, every scorecard submitted.
  InterviewScored,
  /// Interviewed, then an offer extended and waiting for the candidate's answer.
  OfferExtended,
  /// Interviewed, then an offer above the salary band waiting for approval.
  OfferAwaitingApproval,
  /// Interviewed, offer accepted, hired; onboarding under way.
  Hired,
  /// Rejected from screening with a reason.
  Rejected,
  /// Withdrew with a reason.
  Withdrawn,
};

/// One demo candidate and how far their application goes. Names are in the candidate's script.
struct DemoCandidate {
  std::string givenName;
  std::string familyName;
  std::string email;
  std::string phone;
  /// job_board, referral (referred by a rep of the requisition's team), agency, campus, direct
  /// or event.
  std::string source;
  std::string sourceDetail;
  /// The agency's fee or the board's share in the requisition's currency; 0 for none.
  double sourceCost = 0;
  DemoOutcome outcome = DemoOutcome::Applied;
  /// Why they were rejected or withdrew.
  std::string reason;
};

/// The state a demo requisition is left in.
enum class DemoRequisitionState { Open, PendingApproval, Filled };

/// One demo requisition in a team of the territory plugin's demo org, with its candidates.
struct DemoOpening {
  /// The code of the team (e.g. T-HAN-KA); its head is the hiring manager.
  std::string teamCode;
  std::string title;
  std::string newPositionTitle;
  int openings = 1;
  double salaryMin = 0;
  double salaryMax = 0;
  std::string currency;
  /// The wanted start, in days from the demo's anchor date.
  int startInDays = 30;
  std::string description;
  DemoRequisitionState state = DemoRequisitionState::Open;
  /// How many days after the anchor a hire of this requisition starts (negative: started).
  int hireStartInDays = -14;
  std::vector<DemoCandidate> candidates;
};

/// The requisitions the demo seeds, in order: three open, one filled, one pending approval.
/// The first one and the pending one are in the team the demo login "manager" heads.
const std::vector<DemoOpening>& demoOpenings();

}  // namespace cadre::recruiting
