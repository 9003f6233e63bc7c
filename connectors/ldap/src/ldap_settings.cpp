#include "ldap_settings.hpp"
#include "ldap_values.hpp"

#include <ldap.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <set>

namespace cadre::ldap {
namespace {

std::string trim(const std::string& text) {
  auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

/// Splits on `separator` where it is not escaped with a backslash; keeps the escapes (a DN keeps
/// `\;` as it is), trims the parts and drops empty ones.
std::vector<std::string> splitUnescaped(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      current += text[i];
      current += text[++i];
    } else if (text[i] == separator) {
      parts.push_back(trim(current));
      current.clear();
    } else {
      current += text[i];
    }
  }
  parts.push_back(trim(current));
  parts.erase(std::remove(parts.begin(), parts.end(), std::string()), parts.end());
  return parts;
}

/// The URIs of ldap.uri: separated by spaces or commas.
std::vector<std::string> splitUris(const std::string& text) {
  std::vector<std::string> uris;
  std::string current;
  for (char c : text + " ") {
    if (c == ' ' || c == ',' || c == '\t') {
      if (!current.empty()) uris.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  return uris;
}

std::string required(const ConfigView& config, const std::string& key) {
  std::string value = trim(config.getString(key, ""));
  if (value.empty()) throw LdapSettingsError(key, "must be set");
  return value;
}

std::int64_t intInRange(const ConfigView& config, const std::string& key, std::int64_t fallback,
                        std::int64_t min, std::int64_t max) {
  std::int64_t value = 0;
  try {
    value = config.getInt(key, fallback);
  } catch (const std::invalid_argument&) {
    throw LdapSettingsError(key, "must be a whole number, not '" + config.getString(key, "") + "'");
  }
  if (value < min || value > max) {
    throw LdapSettingsError(key, "must be between " + std::to_string(min) + " and " +
                                     std::to_string(max) + ", not " + std::to_string(value));
  }
  return value;
}

TlsMode readTls(const ConfigView& config) {
  const std::string key = "ldap.tls";
  std::string value = asciiLower(trim(config.getString(key, "")));
  if (value == "starttls") return TlsMode::StartTls;
  if (value == "ldaps") return TlsMode::Ldaps;
  if (value == "none") return TlsMode::None;
  if (value.empty())
    throw LdapSettingsError(key, "must be set explicitly to starttls, ldaps or none");
  throw LdapSettingsError(key, "must be starttls, ldaps or none, not '" + value + "'");
}

void checkUriSchemes(const std::vector<std::string>& uris, TlsMode tls) {
  const std::string wanted = tls == TlsMode::Ldaps ? "ldaps://" : "ldap://";
  for (const auto& uri : uris) {
    if (asciiLower(uri).rfind(wanted, 0) != 0) {
      throw LdapSettingsError("ldap.uri", "'" + uri + "' must start with " + wanted +
                                              " when ldap.tls is " +
                                              (tls == TlsMode::Ldaps  ? "ldaps"
                                               : tls == TlsMode::None ? "none"
                                                                      : "starttls"));
    }
  }
}

int readScope(const ConfigView& config) {
  std::string value = asciiLower(trim(config.getString("ldap.scope", "sub")));
  if (value == "sub" || value == "subtree") return LDAP_SCOPE_SUBTREE;
  if (value == "one" || value == "onelevel") return LDAP_SCOPE_ONELEVEL;
  if (value == "base") return LDAP_SCOPE_BASE;
  throw LdapSettingsError("ldap.scope", "must be sub, one or base, not '" + value + "'");
}

DirectoryProfile readProfile(const ConfigView& config) {
  std::string value = asciiLower(trim(config.getString("ldap.profile", "openldap")));
  if (value == "openldap") return DirectoryProfile::OpenLdap;
  if (value == "activedirectory") return DirectoryProfile::ActiveDirectory;
  throw LdapSettingsError("ldap.profile",
                          "must be openldap or activedirectory, not '" + value + "'");
}

/// The profile's defaults for what the configuration does not say.
void applyProfile(LdapSettings& s) {
  AttributeMap& m = s.map;
  m.employeeNumber = "employeeNumber";
  m.givenName = "givenName";
  m.familyName = "sn";
  m.displayName = "displayName";
  m.mail = "mail";
  m.phone = "telephoneNumber";
  m.title = "title";
  m.manager = "manager";
  if (s.profile == DirectoryProfile::ActiveDirectory) {
    s.filter = "(&(objectCategory=person)(objectClass=user))";
    m.department = "department";
    m.id = "objectGUID";
    m.login = "sAMAccountName";
    s.changeAttribute = "uSNChanged";
    s.userAccountControlDisables = true;
  } else {
    s.filter = "(objectClass=inetOrgPerson)";
    m.department = "departmentNumber";
    m.id = "entryUUID";
    m.login = "uid";
    s.changeAttribute = "modifyTimestamp";
  }
}

void readAttributeMap(const ConfigView& config, AttributeMap& m) {
  const std::pair<const char*, std::string*> fields[] = {
      {"employeeNumber", &m.employeeNumber},
      {"givenName", &m.givenName},
      {"familyName", &m.familyName},
      {"displayName", &m.displayName},
      {"mail", &m.mail},
      {"phone", &m.phone},
      {"title", &m.title},
      {"department", &m.department},
      {"manager", &m.manager},
      {"id", &m.id},
      {"login", &m.login},
  };
  for (const auto& [field, target] : fields) {
    const std::string key = std::string("ldap.map.") + field;
    if (!config.has(key)) continue;
    std::string value = trim(config.getString(key, ""));
    bool nameOk = !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == ';';
    });
    if (!nameOk) throw LdapSettingsError(key, "must be an attribute name, not '" + value + "'");
    *target = value;
  }
}

double readShare(const ConfigView& config) {
  const std::string key = "ldap.maxDisableShare";
  std::string text = trim(config.getString(key, "0.10"));
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  bool percent = end && *end == '%';
  if (text.empty() || !end || (*end != '\0' && !(percent && end[1] == '\0')))
    throw LdapSettingsError(key, "must be a share such as 0.10 or 10%, not '" + text + "'");
  if (percent) value /= 100.0;
  if (value < 0.0 || value > 1.0)
    throw LdapSettingsError(key, "must be between 0 and 1 (or 0% and 100%), not '" + text + "'");
  return value;
}

void readStatus(const ConfigView& config, LdapSettings& s) {
  s.statusAttribute = trim(config.getString("ldap.statusAttribute", ""));
  for (const auto& value : splitUnescaped(config.getString("ldap.disabledValues", ""), ','))
    s.disabledValues.push_back(value);
  if (!s.statusAttribute.empty() && s.disabledValues.empty())
    throw LdapSettingsError("ldap.disabledValues",
                            "must list the values of ldap.statusAttribute that mean disabled");
  if (s.statusAttribute.empty() && !s.disabledValues.empty())
    throw LdapSettingsError("ldap.statusAttribute", "must be set when ldap.disabledValues is");
}

void readDepartments(const ConfigView& config, LdapSettings& s) {
  std::string from = asciiLower(trim(config.getString("ldap.departmentFrom", "attribute")));
  if (from == "attribute") {
    s.departmentFrom = DepartmentSource::Attribute;
  } else if (from == "ou") {
    s.departmentFrom = DepartmentSource::OrganizationalUnit;
  } else {
    throw LdapSettingsError("ldap.departmentFrom", "must be attribute or ou, not '" + from + "'");
  }
  for (const auto& pair : splitUnescaped(config.getString("ldap.departmentMap", ""), ';')) {
    auto equals = pair.rfind('=');
    std::string value = equals == std::string::npos ? "" : trim(pair.substr(0, equals));
    std::string code = equals == std::string::npos ? "" : trim(pair.substr(equals + 1));
    if (value.empty() || code.empty()) {
      throw LdapSettingsError("ldap.departmentMap",
                              "'" + pair + "' must be <department>=<org unit code>");
    }
    std::string unescaped;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (value[i] == '\\' && i + 1 < value.size()) ++i;
      unescaped += value[i];
    }
    s.departmentMap[unescaped] = code;
  }
}

void readGroupRoles(const ConfigView& config, LdapSettings& s) {
  // Refused rather than ignored: whoever wrote it expects directory admins, and would otherwise
  // find out only when they cannot log in as one.
  if (config.has("ldap.groupRole.admin")) {
    throw LdapSettingsError("ldap.groupRole.admin",
                            "the admin account is always local; a directory group cannot "
                            "grant admin (map the group to hr, manager or employee, or remove "
                            "the key)");
  }
  for (Role role : {Role::Hr, Role::Manager, Role::Employee}) {
    const std::string key = std::string("ldap.groupRole.") + roleName(role);
    for (const auto& dn : splitUnescaped(config.getString(key, ""), ';')) {
      if (dn.find('=') == std::string::npos)
        throw LdapSettingsError(key, "'" + dn + "' is not a group DN");
      s.groupRoles.push_back({dn, role});
    }
  }
}

void readConnection(const ConfigView& config, LdapSettings& s) {
  s.uris = splitUris(required(config, "ldap.uri"));
  s.tls = readTls(config);
  checkUriSchemes(s.uris, s.tls);
  s.bindDN = trim(config.getString("ldap.bindDN", ""));
  std::optional<std::string> password;
  try {
    password = config.secret("ldap.bindPassword");
  } catch (const std::exception& e) {
    throw LdapSettingsError("ldap.bindPasswordFile", e.what());
  }
  if (!s.bindDN.empty() && (!password || password->empty())) {
    throw LdapSettingsError("ldap.bindPassword",
                            "must be set (or ldap.bindPasswordFile) when ldap.bindDN is: an "
                            "empty password would be an unauthenticated bind");
  }
  if (s.bindDN.empty() && password && !password->empty())
    throw LdapSettingsError("ldap.bindDN", "must be set when ldap.bindPassword is");
  s.bindPassword = password.value_or("");
  s.caFile = trim(config.getString("ldap.caFile", ""));
  if (!s.caFile.empty() && !std::ifstream(s.caFile))
    throw LdapSettingsError("ldap.caFile", "cannot read '" + s.caFile + "'");
  s.timeout = std::chrono::seconds(intInRange(config, "ldap.timeout", 30, 1, 3600));
}

}  // namespace

LdapSettings readLdapSettings(const ConfigView& config) {
  LdapSettings s;
  readConnection(config, s);
  s.baseDN = required(config, "ldap.baseDN");
  s.scope = readScope(config);
  s.profile = readProfile(config);
  applyProfile(s);
  s.filter = trim(config.getString("ldap.filter", s.filter));
  if (s.filter.empty() || s.filter.front() != '(' || s.filter.back() != ')')
    throw LdapSettingsError("ldap.filter",
                            "must be a filter in parentheses, not '" + s.filter + "'");
  s.pageSize = static_cast<int>(intInRange(config, "ldap.pageSize", 500, 1, 100000));
  readAttributeMap(config, s.map);
  readStatus(config, s);
  s.maxDisableShare = readShare(config);
  s.overlap = std::chrono::seconds(intInRange(config, "ldap.overlapSeconds", 300, 0, 86400));
  s.syncIntervalMinutes =
      static_cast<int>(intInRange(config, "ldap.syncIntervalMinutes", 15, 1, 1440));
  s.fullSyncHour = static_cast<int>(intInRange(config, "ldap.fullSyncHour", 2, 0, 23));
  readDepartments(config, s);
  readGroupRoles(config, s);
  return s;
}

bool ldapConfigured(const ConfigView& config) {
  return !trim(config.getString("ldap.uri", "")).empty();
}

std::vector<std::string> LdapSettings::syncAttributes() const {
  std::vector<std::string> names = {
      map.employeeNumber, map.givenName, map.familyName, map.displayName,
      map.mail,           map.phone,     map.title,      map.department,
      map.manager,        map.id,        map.login,      changeAttribute};
  if (userAccountControlDisables) names.push_back("userAccountControl");
  if (!statusAttribute.empty()) names.push_back(statusAttribute);
  std::vector<std::string> unique;
  std::set<std::string> seen;
  for (const auto& name : names) {
    if (!name.empty() && seen.insert(asciiLower(name)).second) unique.push_back(name);
  }
  return unique;
}

const std::vector<LdapKey>& ldapConfigKeys() {
  static const std::vector<LdapKey> keys = {
      {"ldap.uri", "directory servers, tried in order (ldap://host:389 or ldaps://host:636)"},
      {"ldap.tls", "starttls, ldaps or none; must be stated"},
      {"ldap.caFile", "CA certificates that verify the server (default: the system's)"},
      {"ldap.bindDN", "the service account's DN (empty: anonymous)"},
      {"ldap.bindPassword", "its password (or ldap.bindPasswordFile)"},
      {"ldap.baseDN", "where employees are searched"},
      {"ldap.scope", "sub, one or base (default sub)"},
      {"ldap.profile", "openldap or activedirectory (default openldap): default filter and map"},
      {"ldap.filter", "which entries are employees (default from the profile)"},
      {"ldap.pageSize", "entries per page of a paged search (default 500)"},
      {"ldap.timeout", "seconds to wait for a server (default 30)"},
      {"ldap.map.<field>",
       "attribute of employeeNumber, givenName, familyName, displayName, mail, phone, title, "
       "department, manager, id (stable id), login"},
      {"ldap.statusAttribute", "attribute whose value marks a disabled account"},
      {"ldap.disabledValues", "its values that mean disabled, comma separated"},
      {"ldap.maxDisableShare", "a full sync disabling more of the active employees stops (0.10)"},
      {"ldap.overlapSeconds", "incremental syncs read from the watermark minus this (300)"},
      {"ldap.syncIntervalMinutes", "incremental sync interval (15)"},
      {"ldap.fullSyncHour", "hour of the daily full sync, 0-23 (2)"},
      {"ldap.departmentFrom", "attribute or ou: what the department map matches (attribute)"},
      {"ldap.departmentMap", "<department>=<org unit code>; … (\\; escapes a semicolon)"},
      {"ldap.groupRole.<role>",
       "group DNs whose members get hr, manager or employee, separated by ; "
       "(admin is always local: ldap.groupRole.admin is refused)"},
  };
  return keys;
}

}  // namespace cadre::ldap
