#pragma once

#include <memory>
#include <string>

#include <Poco/Logger.h>

#include "cadre/context.hpp"
#include "directory_account.hpp"
#include "ldap_settings.hpp"

namespace cadre::ldap {

/// The login provider "ldap": people log in with their directory password (see
/// DirectoryAccounts). The host asks it about unknown usernames and about users whose source is
/// "ldap", never about local accounts or the admin. An accepted login also makes sure the user
/// account exists and is linked to the employee with the same directory id, when the territory
/// plugin has one that is not linked yet, so that the security layer knows from the first
/// request on whom the user manages. A directory that cannot be reached throws (the host refuses
/// the login and audits why); local accounts are unaffected. Thread-safe.
class DirectoryLogin : public LoginProvider {
 public:
  /// Every reference must outlive the provider (the plugin context's do).
  DirectoryLogin(LdapSettings settings, Database& database, UserAccounts& users,
                 ServiceRegistry& services, Poco::Logger& logger);

  std::string name() const override { return "ldap"; }
  LoginOutcome authenticate(const std::string& username, const std::string& password) override;

 private:
  void linkEmployee(const std::string& username, const AccountCheck& account);

  DirectoryAccounts accounts_;
  Database& database_;
  UserAccounts& users_;
  ServiceRegistry& services_;
  Poco::Logger& logger_;
};

/// Registers the directory login with the host.
void addDirectoryLogin(PluginContext& context, const LdapSettings& settings);

}  // namespace cadre::ldap
