// The territory plugin: the org every other plugin builds on. Declares the routes, the
// OrgDirectory service, the host's scope hook and the pages.
#include "cadre/context.hpp"
#include "cadre/plugin.hpp"
#include "cadre/territory/org_directory.hpp"
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
    addImportRoutes(context);
    context.services().provide<OrgDirectory>(
        kOrgDirectoryService, std::make_shared<OrgDirectoryProvider>(context.audit()));
    context.setScopeHook(std::make_shared<OrgScope>(context.database()));
  }
};

}  // namespace cadre::territory

CADRE_PLUGIN(cadre::territory::TerritoryPlugin)
