// Reading entries as people, and the filters of full and incremental runs (no server needed).
#include "directory_reader.hpp"

#include <gtest/gtest.h>

#include "config/host_config.hpp"

namespace cadre::ldap {
namespace {

LdapSettings settings(const std::map<std::string, std::string>& extra = {}) {
  std::map<std::string, std::string> keys{{"ldap.uri", "ldap://127.0.0.1:1"},
                                          {"ldap.tls", "none"},
                                          {"ldap.baseDN", "dc=example,dc=com"}};
  for (const auto& [key, value] : extra) keys[key] = value;
  return readLdapSettings(HostConfig(std::nullopt, keys, "/"));
}

DirectoryEntry entry(std::map<std::string, std::vector<std::string>> attributes) {
  return {"cn=Lê Văn Tám\\, Jr,ou=Sales,ou=People,dc=example,dc=com", std::move(attributes)};
}

std::string errorOf(const DirectoryEntry& e, const LdapSettings& s) {
  auto result = readRecord(e, s);
  return std::holds_alternative<std::string>(result) ? std::get<std::string>(result) : "read";
}

TEST(DirectoryReader, ReadsAPersonWithTheProfilesAttributes) {
  auto result = readRecord(entry({{"entryuuid", {"5D3A-11EE"}},
                                  {"employeenumber", {"E42"}},
                                  {"givenname", {"Tám"}},
                                  {"sn", {"Lê Văn"}},
                                  {"mail", {"tam@example.com"}},
                                  {"departmentnumber", {"Sales"}},
                                  {"manager", {"UID=boss, OU=People,DC=example,DC=com"}},
                                  {"modifytimestamp", {"20240501101500Z"}}}),
                           settings());
  ASSERT_TRUE(std::holds_alternative<DirectoryRecord>(result)) << std::get<std::string>(result);
  const auto& r = std::get<DirectoryRecord>(result);
  EXPECT_EQ(r.directoryId, "5d3a-11ee");
  EXPECT_EQ(r.familyName, "Lê Văn");
  EXPECT_EQ(r.department, "Sales");
  EXPECT_EQ(r.managerDnKey, "uid=boss,ou=people,dc=example,dc=com");
  EXPECT_EQ(r.dnKey, dnKey("CN=lê văn tám\\2c jr, ou=sales,ou=people,dc=example,dc=com"));
  EXPECT_FALSE(r.disabled);
  EXPECT_EQ(r.changeMark, "20240501101500Z");
  auto byOu = readRecord(entry({{"entryuuid", {"x"}}, {"employeenumber", {"1"}}, {"sn", {"A"}}}),
                         settings({{"ldap.departmentFrom", "ou"}}));
  EXPECT_EQ(std::get<DirectoryRecord>(byOu).department, "Sales");
}

TEST(DirectoryReader, RefusesEntriesWithoutWhatASyncNeeds) {
  auto s = settings();
  EXPECT_EQ(errorOf(entry({{"employeenumber", {"1"}}, {"sn", {"A"}}}), s),
            "missing required attribute 'entryUUID'");
  EXPECT_EQ(errorOf(entry({{"entryuuid", {"x"}}, {"sn", {"A"}}}), s),
            "missing required attribute 'employeeNumber'");
  EXPECT_EQ(errorOf(entry({{"entryuuid", {"x"}}, {"employeenumber", {"1"}}, {"sn", {""}}}), s),
            "missing required attribute 'sn'");
  EXPECT_EQ(errorOf(entry({{"entryuuid", {"x"}},
                           {"employeenumber", {"1"}},
                           {"sn", {"A"}},
                           {"givenname", {std::string("\xc3\x28", 2)}}}),
                    s),
            "attribute 'givenName' is not valid UTF-8");
}

TEST(DirectoryReader, ActiveDirectoryIdsAndDisabledAccounts) {
  auto ad = settings({{"ldap.profile", "activedirectory"}});
  const std::string guid("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f", 16);
  auto base = std::map<std::string, std::vector<std::string>>{{"objectguid", {guid}},
                                                              {"employeenumber", {"7"}},
                                                              {"sn", {"Tan"}},
                                                              {"useraccountcontrol", {"512"}},
                                                              {"usnchanged", {"90311"}}};
  auto enabled = std::get<DirectoryRecord>(readRecord(entry(base), ad));
  EXPECT_EQ(enabled.directoryId, "03020100-0504-0706-0809-0a0b0c0d0e0f");
  EXPECT_FALSE(enabled.disabled);
  EXPECT_EQ(enabled.changeMark, "90311");
  base["useraccountcontrol"] = {"514"};
  EXPECT_TRUE(std::get<DirectoryRecord>(readRecord(entry(base), ad)).disabled);
  base["objectguid"] = {"short"};
  EXPECT_EQ(errorOf(entry(base), ad), "attribute 'objectGUID' is 5 bytes, not the 16 of a GUID");

  auto status = settings(
      {{"ldap.statusAttribute", "employeeType"}, {"ldap.disabledValues", "Left,Disabled"}});
  auto left = readRecord(entry({{"entryuuid", {"x"}},
                                {"employeenumber", {"1"}},
                                {"sn", {"A"}},
                                {"employeetype", {"contractor", "disabled"}}}),
                         status);
  EXPECT_TRUE(std::get<DirectoryRecord>(left).disabled);
}

TEST(DirectoryReader, IncrementalFiltersStartAtTheWatermarkLessTheOverlap) {
  auto s = settings();
  EXPECT_EQ(
      syncFilter(s, SyncMode::Full, std::string("20240501101500Z"), std::chrono::seconds(300)),
      "(objectClass=inetOrgPerson)");
  EXPECT_EQ(syncFilter(s, SyncMode::Incremental, std::nullopt, std::chrono::seconds(300)),
            "(objectClass=inetOrgPerson)");
  EXPECT_EQ(syncFilter(s, SyncMode::Incremental, std::string("20240501000200Z"),
                       std::chrono::seconds(300)),
            "(&(objectClass=inetOrgPerson)(modifyTimestamp>=20240430235700Z))");
  auto ad = settings({{"ldap.profile", "activedirectory"}});
  EXPECT_EQ(syncFilter(ad, SyncMode::Incremental, std::string("90311"), std::chrono::seconds(300)),
            "(&(&(objectCategory=person)(objectClass=user))(uSNChanged>=90311))");
  EXPECT_EQ(laterMark("999", "1000"), "1000");
  EXPECT_EQ(laterMark("20240501101500Z", "20231231235959Z"), "20240501101500Z");
  EXPECT_EQ(laterMark("", "7"), "7");
  EXPECT_EQ(laterMark("7", ""), "7");
}

}  // namespace
}  // namespace cadre::ldap
