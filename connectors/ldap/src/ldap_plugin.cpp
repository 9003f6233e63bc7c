// The LDAP connector's plugin class. So far it declares nothing: the sync, its command, jobs,
// run history and page, and the directory login are not merged yet (see the README).
#include "cadre/context.hpp"
#include "cadre/plugin.hpp"

namespace cadre::ldap {

class LdapPlugin : public Plugin {
 public:
  void registerWith(PluginContext& /*context*/) override {}
};

}  // namespace cadre::ldap

CADRE_PLUGIN(cadre::ldap::LdapPlugin)
