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

class RecruitingPlugin : public Plugin {
 public:
  std::vector<Migration> migrations() const override { return recruitingMigrations(); }

  void registerWith(PluginContext& context) override {
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
