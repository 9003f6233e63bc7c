#pragma once

#include <string>

#include "cadre/audit_trail.hpp"
#include "cadre/context.hpp"
#include "cadre/territory/org_directory.hpp"
#include "demo_recruiter.hpp"

namespace cadre::recruiting {

/// What the recruiting demo did: what it seeded, or why it seeded nothing.
struct RecruitingDemoSummary {
  RecruitingDemoCounts counts;
  /// Empty when it seeded; otherwise why nothing was seeded.
  std::string skipped;

  /// One line for the console: "demo: 5 requisitions, …" or "demo: recruiting … nothing seeded".
  std::string describe() const;
};

/// Seeds recruiting on the territory plugin's demo org (seedDemoOrg): five requisitions in its
/// teams (three open, one filled, one pending approval in the team the demo login "manager"
/// heads, waiting for that manager), 24 candidates with names in their own scripts at every
/// stage of the pipeline (applied, screening, interview with one scheduled or with submitted
/// scorecards, offer extended or awaiting approval, hired with onboarding under way, rejected
/// and withdrawn with reasons), a company-wide onboarding template with two training programs.
/// Everything goes through the domain classes the API uses (DemoRecruiter); dates are offsets
/// from `anchor` (today: the rules compare with the clock). Seeds nothing, and says why, when
/// recruiting has a requisition already (a second run) or the demo org is not there. Throws
/// what the rules throw; the caller's transaction rolls back.
RecruitingDemoSummary seedRecruitingDemo(Transaction& tx, territory::OrgDirectory& org,
                                         const AuditTrail& trail, const std::string& anchor);

/// `cadre demo`'s step for the plugin: seeds as above under actor "demo" with today's date and
/// logs the summary.
void seedRecruitingDemo(PluginContext& context, Transaction& tx);

}  // namespace cadre::recruiting
