#include "ldap_settings.hpp"

#include <ldap.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "config/host_config.hpp"

namespace cadre::ldap {
namespace {

using Keys = std::map<std::string, std::string>;

/// The host's own configuration with these keys as --set overrides.
LdapSettings read(const Keys& keys) {
  return readLdapSettings(HostConfig(std::nullopt, keys, "/"));
}

Keys minimal() {
  return {{"ldap.uri", "ldap://a.example:389"},
          {"ldap.tls", "starttls"},
          {"ldap.baseDN", "dc=example,dc=com"},
          {"ldap.bindDN", "cn=sync,dc=example,dc=com"},
          {"ldap.bindPassword", "s3cret"}};
}

Keys with(Keys keys, const std::string& key, const std::string& value) {
  keys[key] = value;
  return keys;
}

Keys without(Keys keys, const std::string& key) {
  keys.erase(key);
  return keys;
}

/// The key and message of the LdapSettingsError that reading `keys` throws.
std::pair<std::string, std::string> errorOf(const Keys& keys) {
  try {
    read(keys);
  } catch (const LdapSettingsError& e) {
    return {e.key(), e.what()};
  }
  return {"", "no error"};
}

TEST(LdapSettings, OpenLdapProfileIsTheDefault) {
  LdapSettings s = read(minimal());
  EXPECT_EQ(s.uris, std::vector<std::string>{"ldap://a.example:389"});
  EXPECT_EQ(s.tls, TlsMode::StartTls);
  EXPECT_EQ(s.profile, DirectoryProfile::OpenLdap);
  EXPECT_EQ(s.filter, "(objectClass=inetOrgPerson)");
  EXPECT_EQ(s.scope, LDAP_SCOPE_SUBTREE);
  EXPECT_EQ(s.map.id, "entryUUID");
  EXPECT_EQ(s.map.login, "uid");
  EXPECT_EQ(s.map.familyName, "sn");
  EXPECT_EQ(s.map.department, "departmentNumber");
  EXPECT_EQ(s.changeAttribute, "modifyTimestamp");
  EXPECT_FALSE(s.userAccountControlDisables);
  EXPECT_EQ(s.pageSize, 500);
  EXPECT_EQ(s.timeout.count(), 30);
  EXPECT_DOUBLE_EQ(s.maxDisableShare, 0.10);
  EXPECT_EQ(s.overlap.count(), 300);
  EXPECT_EQ(s.syncIntervalMinutes, 15);
  EXPECT_EQ(s.fullSyncHour, 2);
  EXPECT_EQ(s.bindPassword, "s3cret");
}

TEST(LdapSettings, ActiveDirectoryProfileDefaults) {
  LdapSettings s = read(with(minimal(), "ldap.profile", "activedirectory"));
  EXPECT_EQ(s.profile, DirectoryProfile::ActiveDirectory);
  EXPECT_EQ(s.filter, "(&(objectCategory=person)(objectClass=user))");
  EXPECT_EQ(s.map.id, "objectGUID");
  EXPECT_EQ(s.map.login, "sAMAccountName");
  EXPECT_EQ(s.map.department, "department");
  EXPECT_EQ(s.changeAttribute, "uSNChanged");
  EXPECT_TRUE(s.userAccountControlDisables);
  EXPECT_EQ(
      s.syncAttributes(),
      (std::vector<std::string>{"employeeNumber", "givenName", "sn", "displayName", "mail",
                                "telephoneNumber", "title", "department", "manager", "objectGUID",
                                "sAMAccountName", "uSNChanged", "userAccountControl"}));
}

TEST(LdapSettings, ExplicitKeysOverrideTheProfile) {
  Keys keys = minimal();
  keys["ldap.uri"] = "ldap://one.example, ldap://two.example  ldap://three.example";
  keys["ldap.filter"] = "(&(objectClass=person)(employeeNumber=*))";
  keys["ldap.scope"] = "one";
  keys["ldap.pageSize"] = "250";
  keys["ldap.timeout"] = "7";
  keys["ldap.map.id"] = "nsUniqueId";
  keys["ldap.map.login"] = "mail";
  keys["ldap.maxDisableShare"] = "15%";
  LdapSettings s = read(keys);
  EXPECT_EQ(s.uris, (std::vector<std::string>{"ldap://one.example", "ldap://two.example",
                                              "ldap://three.example"}));
  EXPECT_EQ(s.filter, "(&(objectClass=person)(employeeNumber=*))");
  EXPECT_EQ(s.scope, LDAP_SCOPE_ONELEVEL);
  EXPECT_EQ(s.pageSize, 250);
  EXPECT_EQ(s.timeout.count(), 7);
  EXPECT_EQ(s.map.id, "nsUniqueId");
  EXPECT_EQ(s.map.login, "mail");
  EXPECT_DOUBLE_EQ(s.maxDisableShare, 0.15);
}

TEST(LdapSettings, TlsMustBeStatedAndMatchTheUris) {
  EXPECT_EQ(errorOf(without(minimal(), "ldap.tls")),
            std::make_pair(std::string("ldap.tls"),
                           std::string("ldap.tls: must be set explicitly to starttls, ldaps or "
                                       "none")));
  EXPECT_EQ(errorOf(with(minimal(), "ldap.tls", "yes")).first, "ldap.tls");
  EXPECT_EQ(errorOf(with(minimal(), "ldap.tls", "ldaps")),
            std::make_pair(std::string("ldap.uri"),
                           std::string("ldap.uri: 'ldap://a.example:389' must start with "
                                       "ldaps:// when ldap.tls is ldaps")));
  EXPECT_EQ(read(with(with(minimal(), "ldap.tls", "ldaps"), "ldap.uri", "ldaps://a.example")).tls,
            TlsMode::Ldaps);
  EXPECT_EQ(read(with(minimal(), "ldap.tls", "none")).tls, TlsMode::None);
}

TEST(LdapSettings, RequiredKeysAreNamed) {
  EXPECT_EQ(errorOf(without(minimal(), "ldap.uri")),
            std::make_pair(std::string("ldap.uri"), std::string("ldap.uri: must be set")));
  EXPECT_EQ(errorOf(without(minimal(), "ldap.baseDN")).first, "ldap.baseDN");
  EXPECT_EQ(errorOf(without(minimal(), "ldap.bindPassword")),
            std::make_pair(std::string("ldap.bindPassword"),
                           std::string("ldap.bindPassword: must be set (or "
                                       "ldap.bindPasswordFile) when ldap.bindDN is: an empty "
                                       "password would be an unauthenticated bind")));
  EXPECT_EQ(errorOf(with(minimal(), "ldap.bindPassword", "")).first, "ldap.bindPassword");
}

TEST(LdapSettings, BadValuesAreNamed) {
  EXPECT_EQ(errorOf(with(minimal(), "ldap.scope", "deep")),
            std::make_pair(std::string("ldap.scope"),
                           std::string("ldap.scope: must be sub, one or base, not 'deep'")));
  EXPECT_EQ(errorOf(with(minimal(), "ldap.pageSize", "0")),
            std::make_pair(std::string("ldap.pageSize"),
                           std::string("ldap.pageSize: must be between 1 and 100000, not 0")));
  EXPECT_EQ(errorOf(with(minimal(), "ldap.timeout", "soon")),
            std::make_pair(std::string("ldap.timeout"),
                           std::string("ldap.timeout: must be a whole number, not 'soon'")));
  EXPECT_EQ(errorOf(with(minimal(), "ldap.profile", "novell")).first, "ldap.profile");
  EXPECT_EQ(errorOf(with(minimal(), "ldap.filter", "objectClass=person")).first, "ldap.filter");
  EXPECT_EQ(errorOf(with(minimal(), "ldap.map.mail", "mail)(x")),
            std::make_pair(std::string("ldap.map.mail"),
                           std::string("ldap.map.mail: must be an attribute name, not 'mail)(x'")));
  EXPECT_EQ(errorOf(with(minimal(), "ldap.maxDisableShare", "2")).first, "ldap.maxDisableShare");
  EXPECT_EQ(errorOf(with(minimal(), "ldap.maxDisableShare", "a lot")).first,
            "ldap.maxDisableShare");
  EXPECT_EQ(errorOf(with(minimal(), "ldap.fullSyncHour", "24")).first, "ldap.fullSyncHour");
  EXPECT_EQ(errorOf(with(minimal(), "ldap.caFile", "/nonexistent/ca.pem")),
            std::make_pair(std::string("ldap.caFile"),
                           std::string("ldap.caFile: cannot read '/nonexistent/ca.pem'")));
  EXPECT_EQ(errorOf(with(minimal(), "ldap.statusAttribute", "employeeType")).first,
            "ldap.disabledValues");
}

TEST(LdapSettings, BindPasswordComesFromAFile) {
  char path[] = "/tmp/cadre-ldap-password-XXXXXX";
  int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  ::close(fd);
  std::ofstream(path) << "  from-file \n";
  LdapSettings s =
      read(with(without(minimal(), "ldap.bindPassword"), "ldap.bindPasswordFile", path));
  EXPECT_EQ(s.bindPassword, "from-file");
  std::remove(path);
  EXPECT_EQ(errorOf(with(without(minimal(), "ldap.bindPassword"), "ldap.bindPasswordFile",
                         "/nonexistent/password"))
                .first,
            "ldap.bindPasswordFile");
}

TEST(LdapSettings, StatusDepartmentsAndGroupRoles) {
  Keys keys = minimal();
  keys["ldap.statusAttribute"] = "employeeType";
  keys["ldap.disabledValues"] = "inactive, left";
  keys["ldap.departmentFrom"] = "ou";
  keys["ldap.departmentMap"] = "Sales North=SN; Sales\\; South=SS ;Kế toán=ACC";
  keys["ldap.groupRole.hr"] = "cn=HR,ou=groups,dc=example,dc=com";
  keys["ldap.groupRole.manager"] =
      "cn=Leads\\; North,ou=groups,dc=example,dc=com; cn=Leads,ou=groups,dc=example,dc=com";
  LdapSettings s = read(keys);
  EXPECT_EQ(s.statusAttribute, "employeeType");
  EXPECT_EQ(s.disabledValues, (std::vector<std::string>{"inactive", "left"}));
  EXPECT_EQ(s.departmentFrom, DepartmentSource::OrganizationalUnit);
  EXPECT_EQ(s.departmentMap,
            (std::map<std::string, std::string>{
                {"Sales North", "SN"}, {"Sales; South", "SS"}, {"Kế toán", "ACC"}}));
  ASSERT_EQ(s.groupRoles.size(), 3u);
  EXPECT_EQ(s.groupRoles[0].groupDn, "cn=HR,ou=groups,dc=example,dc=com");
  EXPECT_EQ(s.groupRoles[0].role, Role::Hr);
  EXPECT_EQ(s.groupRoles[1].groupDn, "cn=Leads\\; North,ou=groups,dc=example,dc=com");
  EXPECT_EQ(s.groupRoles[1].role, Role::Manager);
  EXPECT_EQ(s.groupRoles[2].role, Role::Manager);
  EXPECT_EQ(errorOf(with(minimal(), "ldap.departmentMap", "Sales North")).first,
            "ldap.departmentMap");
}

TEST(LdapSettings, AGroupMappedToAdminIsRefusedByName) {
  const std::string message =
      "ldap.groupRole.admin: the admin account is always local; a directory group cannot grant "
      "admin (map the group to hr, manager or employee, or remove the key)";
  for (const char* value : {"cn=it,ou=groups,dc=example,dc=com", "admins", ""}) {
    EXPECT_EQ(errorOf(with(minimal(), "ldap.groupRole.admin", value)),
              std::make_pair(std::string("ldap.groupRole.admin"), message))
        << value;
  }
  // The other roles still map.
  LdapSettings s = read(with(minimal(), "ldap.groupRole.hr", "cn=it,ou=groups,dc=example,dc=com"));
  ASSERT_EQ(s.groupRoles.size(), 1u);
  EXPECT_EQ(s.groupRoles[0].role, Role::Hr);
}

TEST(LdapSettings, ConfiguredMeansAUri) {
  EXPECT_TRUE(ldapConfigured(HostConfig(std::nullopt, minimal(), "/")));
  EXPECT_FALSE(ldapConfigured(HostConfig(std::nullopt, {}, "/")));
  EXPECT_FALSE(ldapConfigured(HostConfig(std::nullopt, {{"ldap.uri", "  "}}, "/")));
}

}  // namespace
}  // namespace cadre::ldap
