#pragma once

#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "cadre/context.hpp"
#include "cadre/user.hpp"

namespace cadre::ldap {

/// A setting that cannot be used; `key()` names it (e.g. "ldap.tls") and what() says why.
class LdapSettingsError : public std::invalid_argument {
 public:
  LdapSettingsError(std::string key, const std::string& message)
      : std::invalid_argument(key + ": " + message), key_(std::move(key)) {}
  const std::string& key() const { return key_; }

 private:
  std::string key_;
};

/// How the connection is protected. There is no default: `ldap.tls` must say it.
enum class TlsMode { None, StartTls, Ldaps };

/// Which kind of directory: it picks the defaults of the filter, the attribute map, the stable id
/// and how a disabled account shows.
enum class DirectoryProfile { OpenLdap, ActiveDirectory };

/// Where an entry's department comes from for the department → org unit map.
enum class DepartmentSource { Attribute, OrganizationalUnit };

/// Directory attribute names for the fields of an employee (`ldap.map.<field>`).
struct AttributeMap {
  std::string employeeNumber;
  std::string givenName;
  std::string familyName;
  std::string displayName;
  std::string mail;
  std::string phone;
  std::string title;
  std::string department;
  std::string manager;
  /// The stable id: entryUUID (OpenLDAP) or objectGUID (Active Directory, binary).
  std::string id;
  /// What people log in with: uid (OpenLDAP) or sAMAccountName (Active Directory).
  std::string login;
};

/// Members of a directory group get a Cadre role (`ldap.groupRole.<role>`).
struct GroupRole {
  std::string groupDn;
  Role role = Role::Employee;
};

/// Everything the connector reads from the host's configuration, checked once.
struct LdapSettings {
  /// Tried in order; the first that answers is used. ldap:// or ldaps:// (matching `tls`).
  std::vector<std::string> uris;
  /// The service account; empty for an anonymous bind.
  std::string bindDN;
  std::string bindPassword;
  std::string baseDN;
  /// LDAP_SCOPE_BASE, LDAP_SCOPE_ONELEVEL or LDAP_SCOPE_SUBTREE.
  int scope = 2;
  /// Which entries are employees, e.g. (objectClass=inetOrgPerson).
  std::string filter;
  /// Entries per page of a paged search (RFC 2696).
  int pageSize = 500;
  /// For connecting and for each wait on the server.
  std::chrono::seconds timeout{30};
  TlsMode tls = TlsMode::None;
  /// The CA certificates that verify the server; empty: the system's.
  std::string caFile;
  DirectoryProfile profile = DirectoryProfile::OpenLdap;
  AttributeMap map;

  /// What incremental syncs compare: modifyTimestamp (OpenLDAP) or uSNChanged (Active Directory).
  std::string changeAttribute;
  /// Active Directory: userAccountControl's ACCOUNTDISABLE bit (2) marks a disabled account.
  bool userAccountControlDisables = false;
  /// An attribute whose value marks an account as disabled (`ldap.statusAttribute`), compared
  /// case-insensitively with `disabledValues` (`ldap.disabledValues`, comma separated).
  std::string statusAttribute;
  std::vector<std::string> disabledValues;

  /// A full sync that would disable more than this share of the active employees stops.
  double maxDisableShare = 0.10;
  /// Incremental syncs read from the watermark minus this.
  std::chrono::seconds overlap{300};
  /// The scheduled incremental sync runs this often; the full sync daily at `fullSyncHour`.
  int syncIntervalMinutes = 15;
  int fullSyncHour = 2;

  DepartmentSource departmentFrom = DepartmentSource::Attribute;
  /// Department value (or OU name) → org unit code, compared as written.
  std::map<std::string, std::string> departmentMap;
  /// Group memberships that give a role, in the order written per role (admin, hr, manager,
  /// employee).
  std::vector<GroupRole> groupRoles;

  /// The attributes a sync reads: every mapped one plus the change and status attributes.
  std::vector<std::string> syncAttributes() const;
};

/// Reads and checks the `ldap.*` keys. Throws LdapSettingsError naming the first bad key: a
/// missing ldap.uri, ldap.baseDN or ldap.tls, an unknown value, a number out of range, a bind DN
/// without a password, a URI whose scheme does not match ldap.tls, a CA file that is not there.
LdapSettings readLdapSettings(const ConfigView& config);

/// Whether the host is configured for a directory at all (ldap.uri is set and not empty).
bool ldapConfigured(const ConfigView& config);

/// The `ldap.*` keys with their meaning, for documentation and `cadre config check`.
struct LdapKey {
  std::string key;
  std::string description;
};
const std::vector<LdapKey>& ldapConfigKeys();

}  // namespace cadre::ldap
