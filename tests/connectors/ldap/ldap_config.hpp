#pragma once

#include <map>
#include <optional>
#include <string>

#include "config/host_config.hpp"
#include "ldap_settings.hpp"
#include "support/slapd_server.hpp"

namespace cadre::ldap::test {

/// The ldap.* keys that point the connector at `server` as its service account, without TLS
/// (the OpenLDAP profile), with `extra` added or overriding.
inline std::map<std::string, std::string> directoryKeys(
    const cadre::test::SlapdServer& server, const std::map<std::string, std::string>& extra = {}) {
  std::map<std::string, std::string> keys{
      {"ldap.uri", server.uri()},          {"ldap.tls", "none"},
      {"ldap.bindDN", server.serviceDN()}, {"ldap.bindPassword", server.servicePassword()},
      {"ldap.baseDN", server.baseDN()},    {"ldap.timeout", "5"}};
  for (const auto& [key, value] : extra) keys[key] = value;
  return keys;
}

/// The settings the connector reads from the host's own configuration given these keys.
inline LdapSettings settingsOf(const std::map<std::string, std::string>& keys) {
  return readLdapSettings(HostConfig(std::nullopt, keys, "/"));
}

}  // namespace cadre::ldap::test
