// Directory passwords against a real slapd: who is found, who may bind, which role their groups
// give, and what never reaches the directory (empty passwords, filter syntax in usernames).
#include "directory_account.hpp"

#include <ldap.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "ldap_config.hpp"
#include "login_tree.hpp"
#include "support/slapd_server.hpp"

namespace cadre::ldap::test {
namespace {

using cadre::test::SlapdServer;

/// How many simple binds as `dn` slapd has logged (one "method=128" line each, whatever the
/// outcome).
int bindsAs(const SlapdServer& server, const std::string& dn) {
  std::string log = server.log();
  std::string needle = "BIND dn=\"" + dn + "\" method=128";
  int count = 0;
  for (auto at = log.find(needle); at != std::string::npos; at = log.find(needle, at + 1)) ++count;
  return count;
}

/// Binds as `dn` with an empty password straight through libldap: the LDAP result code.
int unauthenticatedBind(const SlapdServer& server, const std::string& dn) {
  LDAP* ld = nullptr;
  EXPECT_EQ(ldap_initialize(&ld, server.uri().c_str()), LDAP_SUCCESS);
  int version = LDAP_VERSION3;
  ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &version);
  berval empty{0, nullptr};
  int code = ldap_sasl_bind_s(ld, dn.c_str(), LDAP_SASL_SIMPLE, &empty, nullptr, nullptr, nullptr);
  ldap_unbind_ext_s(ld, nullptr, nullptr);
  return code;
}

class DirectoryAccountsTest : public ::testing::Test {
 protected:
  DirectoryAccountsTest()
      : tree_(loginTree()),
        // A server that takes a DN without a password as a successful (anonymous) bind.
        server_(tree_.ldif,
                SlapdServer::Options{"dc=example,dc=com", 0, SlapdServer::Tls::None, true}),
        settings_(settingsOf(directoryKeys(server_, tree_.keys))),
        accounts_(settings_) {}

  std::string entryUuid(const std::string& dn) {
    auto entry = LdapConnection::open(settings_)->read(dn, {"entryUUID"});
    return entry && entry->first("entryUUID") ? *entry->first("entryUUID") : "";
  }

  LoginTree tree_;
  SlapdServer server_;
  LdapSettings settings_;
  DirectoryAccounts accounts_;
};

TEST_F(DirectoryAccountsTest, TheRightPasswordGivesTheEntryItsStableIdAndTheRoleOfItsGroup) {
  AccountCheck lan = accounts_.check("lan", "pw-lan");
  EXPECT_TRUE(lan.accepted) << lan.reason;
  EXPECT_EQ(lan.reason, "");
  EXPECT_EQ(lan.dn, tree_.lan);
  EXPECT_EQ(lan.directoryId, entryUuid(tree_.lan));
  EXPECT_EQ(lan.directoryId.size(), 36u);
  EXPECT_EQ(lan.displayName, "Trần Thị Lan");
  EXPECT_EQ(lan.role, Role::Manager);
  // The directory compares the login attribute without regard to case.
  EXPECT_EQ(accounts_.check("LAN", "pw-lan").dn, tree_.lan);
}

TEST_F(DirectoryAccountsTest, NamesInEveryScriptAndDnsWithEscapesLogIn) {
  AccountCheck wei = accounts_.check("wei", "pw-wei");
  EXPECT_TRUE(wei.accepted) << wei.reason;
  EXPECT_EQ(wei.displayName, "王伟");
  EXPECT_EQ(wei.role, Role::Hr);
  AccountCheck sean = accounts_.check("sobrien", "pw-sobrien");
  EXPECT_TRUE(sean.accepted) << sean.reason;
  // slapd hands the DN back with hex escapes (\2C for \,): the same DN.
  EXPECT_EQ(canonicalDn(sean.dn),
            canonicalDn(R"(cn=O'Brien\, Sean \+ \"Q\",ou=people,dc=example,dc=com)"));
  EXPECT_EQ(sean.displayName, "Sean O'Brien");
  EXPECT_EQ(sean.role, Role::Manager);
  // The "it" group maps to no role (ldap.groupRole.admin is refused): employee.
  AccountCheck budi = accounts_.check("budi", "pw-budi");
  EXPECT_TRUE(budi.accepted) << budi.reason;
  EXPECT_EQ(budi.displayName, "Budi Santoso");
  EXPECT_EQ(budi.role, Role::Employee);
}

TEST_F(DirectoryAccountsTest, AWrongPasswordIsRefused) {
  for (const char* password : {"pw-wei", "PW-LAN", "pw-lan "}) {
    AccountCheck check = accounts_.check("lan", password);
    EXPECT_FALSE(check.accepted) << password;
    EXPECT_EQ(check.reason, "wrong password") << password;
  }
}

TEST_F(DirectoryAccountsTest, AnEmptyOrBlankPasswordIsRefusedWithoutContactingTheDirectory) {
  // This server would answer success to the bind an empty password makes.
  ASSERT_EQ(unauthenticatedBind(server_, tree_.lan), LDAP_SUCCESS);
  for (const char* password : {"", " ", " \t\r\n"}) {
    AccountCheck check = accounts_.check("lan", password);
    EXPECT_FALSE(check.accepted);
    EXPECT_EQ(check.reason, "empty password");
  }
  // slapd logs in order: once the bind of a real login shows, no other bind came before it.
  EXPECT_TRUE(accounts_.check("lan", "pw-lan").accepted);
  for (int i = 0; i < 100 && bindsAs(server_, tree_.lan) < 2; ++i) usleep(20000);
  EXPECT_EQ(bindsAs(server_, tree_.lan), 2) << server_.log();
  // Not even a connection: with the directory gone, the answer is the same.
  server_.stop();
  EXPECT_EQ(accounts_.check("lan", "").reason, "empty password");
  EXPECT_THROW(accounts_.check("lan", "pw-lan"), LdapError);
}

TEST_F(DirectoryAccountsTest, FilterSyntaxInAUsernameIsOnlyEverAValue) {
  EXPECT_EQ(accountFilter(settings_, "*)(uid=*"),
            R"((&(objectClass=inetOrgPerson)(uid=\2a\29\28uid=\2a)))");
  // Unescaped, the first two would match everyone (several entries) and lan (accepted).
  for (const char* name : {"*", "lan*", "*)(uid=*", "lan)(|(uid=*", "admin)(|(uid=*))", "\\2a"}) {
    AccountCheck check = accounts_.check(name, "pw-lan");
    EXPECT_FALSE(check.accepted) << name;
    EXPECT_EQ(check.reason, std::string("no directory entry has uid=") + name);
  }
}

TEST_F(DirectoryAccountsTest, ADisabledAccountIsRefusedEvenWithTheRightPassword) {
  AccountCheck check = accounts_.check("ines", "pw-ines");
  EXPECT_FALSE(check.accepted);
  EXPECT_EQ(check.reason,
            "directory account " + tree_.ines + " is disabled: employeeType is 'Inactive'");
}

TEST_F(DirectoryAccountsTest, AnUnknownLoginOrOneThatTwoEntriesShareIsRefused) {
  EXPECT_EQ(accounts_.check("nobody", "pw-nobody").reason, "no directory entry has uid=nobody");
  EXPECT_EQ(accounts_.check("twin", "pw-twin").reason, "several directory entries have uid=twin");
}

TEST(DirectoryAccountsOnActiveDirectory, SamAccountNamesLogInAndTheDisableBitLocksOut) {
  cadre::test::LdifBuilder ldif;
  auto users = ldif.organizationalUnit("Users");
  cadre::test::LdifBuilder::AdUser jdoe;
  jdoe.sAMAccountName = "jdoe";
  jdoe.givenName = "John";
  jdoe.familyName = "Doe";
  std::string jdoeDn = ldif.adUser(jdoe, users);
  cadre::test::LdifBuilder::AdUser mai;
  mai.sAMAccountName = "mmai";
  mai.givenName = "Mai";
  mai.familyName = "Nguyễn";
  mai.userAccountControl = 514;
  std::string maiDn = ldif.adUser(mai, users);
  SlapdServer server(ldif.text());
  DirectoryAccounts accounts(settingsOf(directoryKeys(
      server, {{"ldap.profile", "activedirectory"}, {"ldap.filter", "(objectClass=user)"}})));

  AccountCheck john = accounts.check("JDoe", "pw-jdoe");
  EXPECT_TRUE(john.accepted) << john.reason;
  EXPECT_EQ(john.dn, jdoeDn);
  EXPECT_EQ(john.directoryId, objectGuidToText(cadre::test::testGuid("jdoe")));
  EXPECT_EQ(john.displayName, "John Doe");
  EXPECT_EQ(john.role, Role::Employee);
  EXPECT_EQ(
      accounts.check("mmai", "pw-mmai").reason,
      "directory account " + maiDn + " is disabled: userAccountControl 514 has the disable bit");
}

}  // namespace
}  // namespace cadre::ldap::test
