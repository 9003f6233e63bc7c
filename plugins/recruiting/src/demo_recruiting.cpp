// The recruiting demo: finds the territory demo's teams, then plays the story of demo_openings.
#include "demo_recruiting.hpp"

#include <algorithm>

#include "cadre/dates.hpp"
#include "requisition_store.hpp"

namespace cadre::recruiting {

namespace {

/// The company unit of the territory demo org, where the onboarding template sits.
constexpr const char* kCompanyCode = "HQ";

std::optional<DemoTeam> findTeam(Transaction& tx, territory::OrgDirectory& org,
                                 const std::string& code, const std::string& anchor) {
  auto id = org.findOrgUnitByCode(tx, code);
  if (!id) return std::nullopt;
  auto unit = org.findOrgUnit(tx, *id, anchor);
  if (!unit || !unit->headEmployeeId) return std::nullopt;
  DemoTeam team{*id, unit->name, *unit->headEmployeeId,
                org.reports(tx, *unit->headEmployeeId, anchor, false)};
  std::sort(team.reps.begin(), team.reps.end());
  if (team.reps.empty()) return std::nullopt;
  return team;
}

}  // namespace

std::string RecruitingDemoSummary::describe() const {
  if (!skipped.empty()) return "demo: recruiting " + skipped;
  return "demo: " + std::to_string(counts.requisitions) + " requisitions, " +
         std::to_string(counts.candidates) + " candidates, " + std::to_string(counts.interviews) +
         " interviews, " + std::to_string(counts.offers) + " offers, " +
         std::to_string(counts.hires) + " hires";
}

RecruitingDemoSummary seedRecruitingDemo(Transaction& tx, territory::OrgDirectory& org,
                                         const AuditTrail& trail, const std::string& anchor) {
  RecruitingDemoSummary summary;
  RequisitionFilter any;
  any.limit = 1;
  if (!RequisitionStore(tx).list(any).empty()) {
    summary.skipped = "has requisitions already: nothing seeded again";
    return summary;
  }
  auto company = org.findOrgUnitByCode(tx, kCompanyCode);
  std::vector<DemoTeam> teams;
  for (const auto& opening : demoOpenings()) {
    auto team = findTeam(tx, org, opening.teamCode, anchor);
    if (!company || !team) {
      summary.skipped = "found no demo org (org units " + std::string(kCompanyCode) + " and " +
                        opening.teamCode + " with a head and reps): nothing seeded";
      return summary;
    }
    teams.push_back(*team);
  }
  DemoRecruiter recruiter(tx, org, trail, anchor);
  recruiter.prepareOnboarding(*company);
  int serial = 0;
  for (std::size_t i = 0; i < demoOpenings().size(); ++i) {
    const auto& opening = demoOpenings()[i];
    auto requisition = recruiter.requisition(opening, teams[i]);
    // The hires last: the last one fills its requisition, which takes no moves after that.
    for (bool hires : {false, true}) {
      for (const auto& candidate : opening.candidates) {
        if ((candidate.outcome == DemoOutcome::Hired) != hires) continue;
        recruiter.candidate(opening, requisition, teams[i], candidate, serial++);
      }
    }
  }
  summary.counts = recruiter.counts();
  return summary;
}

void seedRecruitingDemo(PluginContext& context, Transaction& tx) {
  auto org = context.services().require<territory::OrgDirectory>(territory::kOrgDirectoryService);
  auto summary = seedRecruitingDemo(tx, *org, systemTrail(context.audit(), "demo"), today());
  context.logger().information(summary.describe());
}

}  // namespace cadre::recruiting
