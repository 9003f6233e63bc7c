#include "directory_account.hpp"

#include <ldap.h>

#include <vector>

#include <Poco/Logger.h>

#include "cadre/json_fields.hpp"
#include "entry_status.hpp"
#include "group_roles.hpp"

namespace cadre::ldap {

namespace {

/// What the host accepts as a display name.
constexpr std::size_t kMaxDisplayName = 200;

bool isBlank(const std::string& password) {
  return password.find_first_not_of(" \t\r\n\v\f") == std::string::npos;
}

AccountCheck refused(std::string reason) {
  AccountCheck check;
  check.reason = std::move(reason);
  return check;
}

/// At most `limit` bytes, cut at a character boundary.
std::string clip(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

/// displayName, else given and family name, else the username; always text the host accepts.
std::string displayNameOf(const DirectoryEntry& entry, const AttributeMap& map,
                          const std::string& username) {
  std::string name;
  if (const std::string* display = entry.first(map.displayName)) name = *display;
  if (name.empty()) {
    const std::string* given = entry.first(map.givenName);
    const std::string* family = entry.first(map.familyName);
    name = given ? *given : "";
    if (family) name += (name.empty() ? "" : " ") + *family;
  }
  name = clip(name, kMaxDisplayName);
  return name.empty() || !isValidUtf8(name) ? username : name;
}

std::vector<DirectoryEntry> findEntries(LdapConnection& service, const LdapSettings& settings,
                                        const std::string& username) {
  std::vector<std::string> attributes{settings.map.login, settings.map.id, settings.map.displayName,
                                      settings.map.givenName, settings.map.familyName};
  if (settings.userAccountControlDisables) attributes.push_back("userAccountControl");
  if (!settings.statusAttribute.empty()) attributes.push_back(settings.statusAttribute);
  std::vector<DirectoryEntry> entries;
  service.search(settings.baseDN, settings.scope, accountFilter(settings, username), attributes,
                 [&](DirectoryEntry&& entry) {
                   // Two are enough to refuse; a filter matching everyone must not read everyone.
                   if (entries.size() < 2) entries.push_back(std::move(entry));
                 });
  return entries;
}

}  // namespace

std::string accountFilter(const LdapSettings& settings, const std::string& username) {
  return "(&" + settings.filter + "(" + settings.map.login + "=" + escapeFilterValue(username) +
         "))";
}

DirectoryAccounts::DirectoryAccounts(LdapSettings settings) : settings_(std::move(settings)) {}

AccountCheck DirectoryAccounts::check(const std::string& username,
                                      const std::string& password) const {
  // Before any connection: an empty password binds anonymously on many servers.
  if (isBlank(password)) return refused("empty password");
  auto service = LdapConnection::open(settings_);
  auto entries = findEntries(*service, settings_, username);
  const std::string who = settings_.map.login + "=" + username;
  if (entries.empty()) return refused("no directory entry has " + who);
  if (entries.size() > 1) return refused("several directory entries have " + who);
  const DirectoryEntry& entry = entries.front();
  if (auto why = disabledReason(entry, settings_))
    return refused("directory account " + entry.dn + " is disabled: " + *why);
  std::string directoryId = stableIdOf(entry, settings_);
  if (directoryId.empty())
    return refused("directory entry " + entry.dn + " has no " + settings_.map.id);
  if (!LdapConnection::openUnbound(settings_)->bindAs(entry.dn, password))
    return refused("wrong password");
  AccountCheck check;
  check.accepted = true;
  check.dn = entry.dn;
  check.directoryId = std::move(directoryId);
  check.displayName = displayNameOf(entry, settings_.map, username);
  const std::string* login = entry.first(settings_.map.login);
  check.role = roleOf(*service, entry.dn, login ? *login : username);
  return check;
}

Role DirectoryAccounts::roleOf(LdapConnection& service, const std::string& dn,
                               const std::string& login) const {
  bool nested = settings_.profile == DirectoryProfile::ActiveDirectory;
  std::string filter = membershipFilter(nested, dn, login);
  std::vector<Role> roles;
  for (const auto& group : settings_.groupRoles) {
    // The admin account is always local: readLdapSettings refuses ldap.groupRole.admin, and a
    // settings object made some other way still never grants admin.
    if (group.role == Role::Admin) continue;
    try {
      if (service.count(group.groupDn, LDAP_SCOPE_BASE, filter) > 0) roles.push_back(group.role);
    } catch (const LdapError& error) {
      // A group that is not there has no members; anything else fails the login.
      if (error.code() != LDAP_NO_SUCH_OBJECT) throw;
      Poco::Logger::get("cadre.ldap")
          .warning("ldap.groupRole." + std::string(roleName(group.role)) + " names " +
                   group.groupDn + ", which is not in the directory");
    }
  }
  return roleOfGroups(roles);
}

}  // namespace cadre::ldap
