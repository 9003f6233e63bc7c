// The LDAP connector's plugin class: its tables, and what it declares with the host (the sync
// command, the scheduled sync, the run history routes and page, the config check, the directory
// login).
#include "cadre/context.hpp"
#include "cadre/plugin.hpp"
#include "cadre/territory/org_directory.hpp"
#include "directory_login.hpp"
#include "directory_sync.hpp"
#include "ldap_client.hpp"
#include "ldap_schema.hpp"
#include "ldap_settings.hpp"
#include "run_routes.hpp"
#include "sync_command.hpp"
#include "sync_schedule.hpp"

namespace cadre::ldap {

class LdapPlugin : public Plugin {
 public:
  std::vector<Migration> migrations() const override { return ldapMigrations(); }

  void registerWith(PluginContext& context) override {
    const ConfigView& config = context.config();
    auto sync = std::make_shared<DirectorySync>(
        context.database(),
        context.services().require<territory::OrgDirectory>(territory::kOrgDirectoryService));
    // The settings are read for each run, so that a bad key is reported by name where it is
    // used (and the rest of the plugin still loads).
    SyncRunner runner = [&config, sync](const SyncRequest& request) {
      return sync->run(readLdapSettings(config), config.getString("ldap.defaultOrgUnit", ""),
                       request);
    };
    context.addCommand(syncCommand(runner));
    addRunRoutes(context);
    context.addPage({"ldap-runs", "Directory sync", "ldap_runs.js", {Role::Admin}});
    if (!ldapConfigured(config)) return;
    context.addCheck("ldap", [&config] {
      // checkDirectory says "ldap: ok (…)"; the host prints the name itself.
      std::string result = checkDirectory(readLdapSettings(config));
      return result.rfind("ldap: ", 0) == 0 ? result.substr(6) : result;
    });
    try {
      auto settings = readLdapSettings(config);
      context.addJob(syncJob(context.database(), runner,
                             std::chrono::minutes(settings.syncIntervalMinutes),
                             settings.fullSyncHour));
      addDirectoryLogin(context, settings);
    } catch (const LdapSettingsError& e) {
      context.logger().error("no scheduled directory sync and no directory login: %s",
                             std::string(e.what()));
    }
  }
};

}  // namespace cadre::ldap

CADRE_PLUGIN(cadre::ldap::LdapPlugin)
