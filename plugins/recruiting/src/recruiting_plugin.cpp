// The recruiting plugin: from requisition to a productive new hire. Declares the routes of each
// area (one registration function per area, in routes.hpp) and hires through the territory
// plugin's OrgDirectory.
#include "cadre/context.hpp"
#include "cadre/plugin.hpp"
#include "cadre/territory/org_directory.hpp"
#include "demo_recruiting.hpp"
#include "recruiting_schema.hpp"
#include "routes.hpp"

namespace cadre::recruiting {

namespace {

/// The pages in web/: requisitions, the pipeline board, candidates, offers, onboarding and the
/// analytics.
void addRecruitingPages(PluginContext& context) {
  const std::set<Role> everyone{Role::Admin, Role::Hr, Role::Manager, Role::Employee};
  const std::set<Role> hiringTeam{Role::Admin, Role::Hr, Role::Manager};
  context.addPage({"requisitions", "Requisitions", "requisitions.js", everyone});
  context.addPage({"pipeline", "Pipeline board", "pipeline.js", hiringTeam});
  context.addPage({"candidates", "Candidates", "candidates.js", everyone});
  context.addPage({"offers", "Offers", "offers.js", hiringTeam});
  context.addPage({"onboarding", "Onboarding", "onboarding.js", everyone});
  context.addPage(
      {"recruiting-analytics", "Recruiting analytics", "recruiting_analytics.js", hiringTeam});
}

}  // namespace

class RecruitingPlugin : public Plugin {
 public:
  std::vector<Migration> migrations() const override { return recruitingMigrations(); }

  void registerWith(PluginContext& context) override {
    addRecruitingPages(context);
    RouteContext routes{context, context.services().require<territory::OrgDirectory>(
                                     territory::kOrgDirectoryService)};
    registerRequisitionRoutes(routes);
    registerCandidateRoutes(routes);
    registerApplicationRoutes(routes);
    registerStageRoutes(routes);
    registerAnalyticsRoutes(routes);
    addCandidateRetentionJob(routes);
    registerInterviewRoutes(routes);
    registerScorecardRoutes(routes);
    registerOfferRoutes(routes);
    registerHireRoutes(routes);
    registerOnboarding(routes);
    registerNotifications(routes);
  }

  void seedDemo(PluginContext& context, Transaction& tx) override {
    seedRecruitingDemo(context, tx);
  }
};

}  // namespace cadre::recruiting

CADRE_PLUGIN(cadre::recruiting::RecruitingPlugin)
