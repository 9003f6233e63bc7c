#pragma once

#include <string>

#include "cadre/user.hpp"
#include "ldap_client.hpp"
#include "ldap_settings.hpp"

namespace cadre::ldap {

/// What the directory says about a username and password.
struct AccountCheck {
  bool accepted = false;
  /// Why it was refused, for the audit log; "" when accepted.
  std::string reason;
  /// The person's entry (when one was found).
  std::string dn;
  std::string directoryId;
  std::string displayName;
  /// The most privileged role of the person's groups (ldap.groupRole.*); admin never.
  Role role = Role::Employee;
};

/// The filter that finds the entry of the person who logs in as `username`: ldap.filter ANDed
/// with `<login attribute>=<username>`, the username escaped (RFC 4515) so that it can only ever
/// be a value.
std::string accountFilter(const LdapSettings& settings, const std::string& username);

/// Checks directory passwords: finds the person's entry as the service account (exactly one
/// match under ldap.baseDN, not disabled), then binds as that entry with the password on a
/// connection of its own, then reads the role from the mapped groups. An empty or blank password
/// is refused before the directory is contacted at all. Each check opens its own connections,
/// so the object is thread-safe.
class DirectoryAccounts {
 public:
  explicit DirectoryAccounts(LdapSettings settings);

  /// Refusals (unknown user, several entries, disabled account, wrong password) come back as a
  /// check with `accepted` false; a directory that cannot be reached or fails throws LdapError.
  AccountCheck check(const std::string& username, const std::string& password) const;

 private:
  Role roleOf(LdapConnection& service, const std::string& dn, const std::string& login) const;

  LdapSettings settings_;
};

}  // namespace cadre::ldap
