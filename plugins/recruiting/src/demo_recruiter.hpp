#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cadre/audit_trail.hpp"
#include "cadre/territory/org_directory.hpp"
#include "demo_openings.hpp"
#include "interview.hpp"
#include "requisition.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

/// A team of the territory plugin's demo org as the recruiting demo uses it.
struct DemoTeam {
  std::int64_t unitId = 0;
  std::string name;
  /// The team's head: the hiring manager of its requisitions.
  std::int64_t headId = 0;
  /// The head's direct reports today, in id order (the first is the team's first rep).
  std::vector<std::int64_t> reps;
};

/// What the recruiting demo seeded.
struct RecruitingDemoCounts {
  std::int64_t requisitions = 0;
  std::int64_t candidates = 0;
  std::int64_t applications = 0;
  std::int64_t interviews = 0;
  std::int64_t scorecards = 0;
  std::int64_t offers = 0;
  std::int64_t hires = 0;
};

/// Plays the demo's hiring story through the same domain classes the API uses (Requisitions,
/// Candidates, Pipeline, InterviewSchedule, Scorecards, Offers, Hiring, OnboardingPlans), so
/// approvals, stage moves, audit entries, events and notifications are the real ones. HR's
/// steps are taken as actor "demo"; each approval step by its own approver. Dates are offsets
/// from `anchor` (today). Throws what the rules throw; the caller's transaction rolls back.
class DemoRecruiter {
 public:
  DemoRecruiter(Transaction& tx, territory::OrgDirectory& org, AuditTrail trail,
                std::string anchor);

  /// Two training programs and the company-wide onboarding template (at org unit `companyId`).
  void prepareOnboarding(std::int64_t companyId);
  /// Creates the requisition in the team, submits it and has every approver approve it, unless
  /// the opening is to stay pending approval.
  Requisition requisition(const DemoOpening& opening, const DemoTeam& team);
  /// Enters the candidate, applies them to the requisition and takes the application as far as
  /// the candidate's outcome. `serial` varies dates and ratings between candidates.
  void candidate(const DemoOpening& opening, const Requisition& requisition, const DemoTeam& team,
                 const DemoCandidate& candidate, int serial);

  const RecruitingDemoCounts& counts() const { return counts_; }

 private:
  void moveTo(std::int64_t applicationId, const std::string& stage, const std::string& reason = "");
  /// An hour-long interview on `date` from `hourUtc` with the hiring manager and the first rep.
  Interview schedule(std::int64_t applicationId, const DemoTeam& team, const std::string& date,
                     int hourUtc);
  void interviewed(std::int64_t applicationId, const Requisition& requisition, const DemoTeam& team,
                   int serial, bool convinced);
  void offer(const DemoOpening& opening, std::int64_t applicationId, DemoOutcome outcome);
  void onboard(std::int64_t applicationId, const DemoTeam& team);
  std::string day(int offset) const;

  Transaction& tx_;
  territory::OrgDirectory& org_;
  AuditTrail trail_;
  std::string anchor_;
  Caller hr_;
  RecruitingDemoCounts counts_;
};

}  // namespace cadre::recruiting
