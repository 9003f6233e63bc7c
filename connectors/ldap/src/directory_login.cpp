#include "directory_login.hpp"

#include "cadre/territory/org_directory.hpp"

namespace cadre::ldap {

DirectoryLogin::DirectoryLogin(LdapSettings settings, Database& database, UserAccounts& users,
                               ServiceRegistry& services, Poco::Logger& logger)
    : accounts_(std::move(settings)),
      database_(database),
      users_(users),
      services_(services),
      logger_(logger) {}

LoginOutcome DirectoryLogin::authenticate(const std::string& username,
                                          const std::string& password) {
  AccountCheck account;
  try {
    account = accounts_.check(username, password);
  } catch (const std::exception& error) {
    logger_.warning("directory login of '" + username + "' failed: " + error.what());
    throw;
  }
  LoginOutcome outcome;
  if (!account.accepted) {
    outcome.kind = LoginOutcome::Kind::Rejected;
    outcome.reason = account.reason;
    return outcome;
  }
  linkEmployee(username, account);
  outcome.kind = LoginOutcome::Kind::Accepted;
  outcome.displayName = account.displayName;
  outcome.role = account.role;
  return outcome;
}

void DirectoryLogin::linkEmployee(const std::string& username, const AccountCheck& account) {
  auto org = services_.find<territory::OrgDirectory>(territory::kOrgDirectoryService);
  if (!org) return;
  try {
    database_.inTransaction([&](Transaction& tx) {
      auto employee = org->findByDirectoryId(tx, account.directoryId);
      if (!employee) return;
      auto user = users_.findByUsername(tx, username);
      if (user && employee->userId == user->id) return;
      if (employee->userId) {
        logger_.warning("employee " + std::to_string(employee->id) + " (" + account.dn +
                        ") is linked to user " + std::to_string(*employee->userId) +
                        ", not to the directory login '" + username + "'");
        return;
      }
      // The host makes the same account right after (and audits it); it must exist now to be
      // linked in this transaction.
      User created = users_.upsertExternal(tx, username, account.displayName, account.role, name());
      org->linkUser(tx, employee->id, created.id, "ldap");
    });
  } catch (const std::exception& error) {
    // The login stands; only the link to the employee is missing, and the next login retries.
    logger_.warning("could not link the directory login '" + username +
                    "' to its employee: " + error.what());
  }
}

void addDirectoryLogin(PluginContext& context, const LdapSettings& settings) {
  context.addLoginProvider(std::make_shared<DirectoryLogin>(
      settings, context.database(), context.users(), context.services(), context.logger()));
}

}  // namespace cadre::ldap
