// What an entry says about its account: the stable id Cadre keeps, and whether the directory
// has disabled it (Active Directory's userAccountControl bit, or a configured status attribute).
#include "entry_status.hpp"

#include <gtest/gtest.h>

namespace cadre::ldap {
namespace {

DirectoryEntry entry(const std::string& attribute, const std::string& value) {
  DirectoryEntry e;
  e.dn = "cn=x,dc=example,dc=com";
  e.attributes[attribute] = {value};
  return e;
}

LdapSettings activeDirectory() {
  LdapSettings settings;
  settings.profile = DirectoryProfile::ActiveDirectory;
  settings.map.id = "objectGUID";
  settings.userAccountControlDisables = true;
  return settings;
}

TEST(EntryStatusTest, TheDisableBitOfUserAccountControlDisablesWhateverElseIsSet) {
  LdapSettings ad = activeDirectory();
  EXPECT_EQ(disabledReason(entry("useraccountcontrol", "66050"), ad),
            "userAccountControl 66050 has the disable bit");
  EXPECT_EQ(disabledReason(entry("useraccountcontrol", "66048"), ad), std::nullopt);
  EXPECT_EQ(disabledReason(entry("useraccountcontrol", "512"), ad), std::nullopt);
  // What cannot be read does not let anyone in.
  EXPECT_EQ(disabledReason(entry("useraccountcontrol", "normal"), ad),
            "userAccountControl normal has the disable bit");
  // OpenLDAP has no such attribute to honour.
  EXPECT_EQ(disabledReason(entry("useraccountcontrol", "514"), LdapSettings{}), std::nullopt);
}

TEST(EntryStatusTest, AStatusAttributeDisablesOnAnyListedValueInAnyCase) {
  LdapSettings settings;
  settings.statusAttribute = "employeeType";
  settings.disabledValues = {"inactive", "left"};
  EXPECT_EQ(disabledReason(entry("employeetype", "LEFT"), settings), "employeeType is 'LEFT'");
  EXPECT_EQ(disabledReason(entry("employeetype", "contractor"), settings), std::nullopt);
  EXPECT_EQ(disabledReason(entry("mail", "left@example.com"), settings), std::nullopt);
}

TEST(EntryStatusTest, TheStableIdIsEntryUuidLowerCasedOrObjectGuidAsText) {
  LdapSettings openLdap;
  openLdap.map.id = "entryUUID";
  EXPECT_EQ(stableIdOf(entry("entryuuid", "6F1C0A2E-1d6b-103f-8d5e-5b8a4b2c9e11"), openLdap),
            "6f1c0a2e-1d6b-103f-8d5e-5b8a4b2c9e11");
  std::string guid{"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f", 16};
  EXPECT_EQ(stableIdOf(entry("objectguid", guid), activeDirectory()),
            "03020100-0504-0706-0809-0a0b0c0d0e0f");
  EXPECT_EQ(stableIdOf(entry("objectguid", guid.substr(0, 15)), activeDirectory()), "");
  EXPECT_EQ(stableIdOf(entry("mail", "x"), openLdap), "");
}

}  // namespace
}  // namespace cadre::ldap
