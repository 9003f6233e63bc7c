// The territory plugin: the org every other plugin builds on. Declares the routes, the
// OrgDirectory service, the host's scope hook and the pages.
#include <set>

#include "cadre/context.hpp"
#include "cadre/dates.hpp"
#include "cadre/plugin.hpp"
#include "cadre/territory/org_directory.hpp"
#include "demo_org.hpp"
#include "leaver_logins.hpp"
#include "org_directory_provider.hpp"
#include "routes.hpp"
#include "schema.hpp"

namespace cadre::territory {

class TerritoryPlugin : public Plugin {
 public:
  std::vector<Migration> migrations() const override { return territoryMigrations(); }

  void registerWith(PluginContext& context) override {
    addOrgUnitRoutes(context);
    addEmployeeRoutes(context);
    addPositionRoutes(context);
    addSalesRoutes(context);
    addImportRoutes(context);
    context.services().provide<OrgDirectory>(
        kOrgDirectoryService,
        std::make_shared<OrgDirectoryProvider>(context.audit(), &context.users()));
    context.setScopeHook(std::make_shared<OrgScope>(context.database()));
    disableLoginsOfLeavers(context);
    addTerritoryPages(context);
  }

  void seedDemo(PluginContext& context, Transaction& tx) override {
    auto summary = seedDemoOrg(tx, systemTrail(context.audit(), "demo"), today(), &context.users());
    context.logger().information("demo: " + std::to_string(summary.orgUnits) + " org units, " +
                                 std::to_string(summary.employees) + " people, " +
                                 std::to_string(summary.accounts) + " accounts");
  }

 private:
  static void addTerritoryPages(PluginContext& context) {
    const std::set<Role> everyone{Role::Admin, Role::Hr, Role::Manager, Role::Employee};
    context.addPage({"org-chart", "Org chart", "org_chart.js", everyone});
    context.addPage({"employee", "Employee profile", "employee_profile.js", everyone});
    context.addPage({"territories", "Territories", "territory_tree.js", everyone});
    context.addPage({"territory-plans",
                     "Territory plans",
                     "territory_plans.js",
                     {Role::Admin, Role::Hr, Role::Manager}});
  }
};

}  // namespace cadre::territory

CADRE_PLUGIN(cadre::territory::TerritoryPlugin)
