// The LDAP connector's plugin class: its tables, and what it declares with the host (the sync
// command, the scheduled syncs, the run history routes and page, the directory login).
#include "cadre/context.hpp"
#include "cadre/plugin.hpp"
#include "directory_login.hpp"
#include "ldap_settings.hpp"

namespace cadre::ldap {

class LdapPlugin : public Plugin {
 public:
  void registerWith(PluginContext& context) override {
    if (!ldapConfigured(context.config())) {
      context.logger().information("ldap.uri is not set: no directory login");
      return;
    }
    addDirectoryLogin(context, readLdapSettings(context.config()));
  }
};

}  // namespace cadre::ldap

CADRE_PLUGIN(cadre::ldap::LdapPlugin)
