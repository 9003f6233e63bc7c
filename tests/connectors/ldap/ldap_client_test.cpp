#include "ldap_client.hpp"

#include <ldap.h>

#include <chrono>
#include <memory>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "support/ldif_builder.hpp"
#include "support/local_server.hpp"
#include "support/slapd_server.hpp"

namespace cadre::ldap {
namespace {

using cadre::test::LdifBuilder;
using cadre::test::SlapdServer;

constexpr int kSizeLimit = 10;
constexpr std::size_t kBulkPeople = 35;

LdapSettings settingsFor(const SlapdServer& server) {
  LdapSettings s;
  s.uris = {server.uri()};
  s.bindDN = server.serviceDN();
  s.bindPassword = server.servicePassword();
  s.baseDN = server.baseDN();
  s.filter = "(objectClass=inetOrgPerson)";
  s.pageSize = 100;
  s.timeout = std::chrono::seconds(5);
  return s;
}

LdifBuilder::Person person(const std::string& uid, const std::string& given,
                           const std::string& family, const std::string& commonName = "") {
  LdifBuilder::Person p;
  p.uid = uid;
  p.givenName = given;
  p.familyName = family;
  p.commonName = commonName;
  return p;
}

/// The entries a search finds, by DN.
std::map<std::string, DirectoryEntry> searchAll(LdapConnection& connection, const std::string& base,
                                                const std::string& filter,
                                                const std::vector<std::string>& attributes = {}) {
  std::map<std::string, DirectoryEntry> found;
  connection.search(base, LDAP_SCOPE_SUBTREE, filter, attributes,
                    [&found](DirectoryEntry&& entry) { found[entry.dn] = std::move(entry); });
  return found;
}

/// One slapd for the suite: a size limit smaller than the tree, people whose names need
/// escaping or are not ASCII, an AD-like user, a group, a referral; unauthenticated binds allowed
/// so that an empty password would log in if it were ever sent.
class LdapClientTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    LdifBuilder ldif;
    people = ldif.organizationalUnit("people");
    ldif.people(kBulkPeople, people);
    staff = ldif.organizationalUnit("staff");
    vietnamese = ldif.person(person("anh", "Ánh", "Nguyễn Văn"), staff);
    chinese = ldif.person(person("xiuying", "秀英", "王", "王秀英"), staff);
    indonesian = ldif.person(person("siti", "Siti", "Nurhaliza"), staff);
    comma = ldif.person(person("jsmith", "", "", "Smith, John"), staff);
    plusQuote = ldif.person(person("ab", "", "", "A+B \"Sales\""), staff);
    const std::string groups = ldif.organizationalUnit("groups");
    group = ldif.group("Sales Leads", groups, {vietnamese, chinese, indonesian, comma, plusQuote});
    const std::string ad = ldif.organizationalUnit("ad");
    guid = std::string("\x00\x8f\xff\x0a\x0d\x20\x3a\x3c\x00\x01\x02\x03\x04\x05\x06\x07", 16);
    LdifBuilder::AdUser user;
    user.sAMAccountName = "tran.b";
    user.givenName = "Bích";
    user.familyName = "Trần";
    user.objectGuid = guid;
    user.userAccountControl = 514;
    user.uSNChanged = 4711;
    adUser = ldif.adUser(user, ad);
    ldif.entry("ou=elsewhere," + ldif.baseDN(),
               {{"objectClass", "referral"},
                {"objectClass", "extensibleObject"},
                {"ou", "elsewhere"},
                {"ref", "ldap://192.0.2.1/ou=elsewhere,dc=example,dc=com"}});
    cadre::test::SlapdOptions options;
    options.sizeLimit = kSizeLimit;
    options.allowUnauthenticatedBind = true;
    server = std::make_unique<SlapdServer>(ldif.text(), options);
  }
  static void TearDownTestSuite() { server.reset(); }

  static inline std::unique_ptr<SlapdServer> server;
  static inline std::string people, staff, vietnamese, chinese, indonesian, comma, plusQuote, group,
      adUser, guid;
};

TEST_F(LdapClientTest, PagedSearchReadsMoreEntriesThanTheServersSizeLimit) {
  // The limit is real: a plain search by the service account stops at it.
  LDAP* raw = nullptr;
  ASSERT_EQ(ldap_initialize(&raw, server->uri().c_str()), LDAP_SUCCESS);
  int version = LDAP_VERSION3;
  ldap_set_option(raw, LDAP_OPT_PROTOCOL_VERSION, &version);
  std::string password = server->servicePassword();
  berval credentials{password.size(), password.data()};
  ASSERT_EQ(ldap_sasl_bind_s(raw, server->serviceDN().c_str(), LDAP_SASL_SIMPLE, &credentials,
                             nullptr, nullptr, nullptr),
            LDAP_SUCCESS);
  LDAPMessage* result = nullptr;
  int rc = ldap_search_ext_s(raw, people.c_str(), LDAP_SCOPE_SUBTREE, "(objectClass=inetOrgPerson)",
                             nullptr, 0, nullptr, nullptr, nullptr, LDAP_NO_LIMIT, &result);
  EXPECT_EQ(rc, LDAP_SIZELIMIT_EXCEEDED);
  EXPECT_EQ(ldap_count_entries(raw, result), kSizeLimit);
  ldap_msgfree(result);
  ldap_unbind_ext_s(raw, nullptr, nullptr);

  LdapSettings settings = settingsFor(*server);
  settings.pageSize = 7;
  auto connection = LdapConnection::open(settings);
  auto pages = [] {
    const std::string log = server->log();
    std::size_t n = 0;
    for (auto at = log.find("SRCH base=\"ou=people,"); at != std::string::npos;
         at = log.find("SRCH base=\"ou=people,", at + 1))
      ++n;
    return n;
  };
  const std::size_t pagesBefore = pages();
  auto found = searchAll(*connection, people, "(objectClass=inetOrgPerson)", {"uid"});
  EXPECT_GE(pages() - pagesBefore, kBulkPeople / 7);
  ASSERT_EQ(found.size(), kBulkPeople);
  std::set<std::string> uids;
  for (const auto& [dn, entry] : found) uids.insert(*entry.first("uid"));
  EXPECT_EQ(uids.size(), kBulkPeople);
  EXPECT_EQ(uids.count("user1") + uids.count("user35"), 2u);
  EXPECT_EQ(connection->count(people, LDAP_SCOPE_SUBTREE, "(objectClass=*)"), kBulkPeople + 1);
}

TEST_F(LdapClientTest, NonAsciiValuesRoundTripAndMatchInFilters) {
  auto connection = LdapConnection::open(settingsFor(*server));
  auto found = searchAll(*connection, staff, "(cn=" + escapeFilterValue("王秀英") + ")",
                         {"cn", "sn", "givenName", "entryUUID"});
  ASSERT_EQ(found.size(), 1u);
  const DirectoryEntry& entry = found.begin()->second;
  EXPECT_EQ(canonicalDn(entry.dn), canonicalDn(chinese));
  EXPECT_EQ(*entry.first("cn"), "王秀英");
  EXPECT_EQ(*entry.first("SN"), "王");
  EXPECT_EQ(*entry.first("givenname"), "秀英");
  EXPECT_EQ(entry.first("entryUUID")->size(), 36u);

  auto vietnameseEntry = connection->read(vietnamese, {"cn", "sn", "givenName"});
  ASSERT_TRUE(vietnameseEntry);
  EXPECT_EQ(*vietnameseEntry->first("cn"), "Ánh Nguyễn Văn");
  EXPECT_EQ(*vietnameseEntry->first("sn"), "Nguyễn Văn");
  auto byUid = searchAll(*connection, staff, "(uid=siti)", {"cn"});
  ASSERT_EQ(byUid.size(), 1u);
  EXPECT_EQ(*byUid.begin()->second.first("cn"), "Siti Nurhaliza");
}

TEST_F(LdapClientTest, DnsWithEscapedCommasPlusSignsAndQuotesAreFoundAndReadBack) {
  auto connection = LdapConnection::open(settingsFor(*server));
  auto found = searchAll(*connection, staff, "(|(uid=jsmith)(uid=ab))", {"cn", "uid"});
  ASSERT_EQ(found.size(), 2u);
  std::map<std::string, std::string> dnByUid;
  for (const auto& [dn, entry] : found) dnByUid[*entry.first("uid")] = dn;
  EXPECT_EQ(canonicalDn(dnByUid["jsmith"]), canonicalDn("cn=Smith\\2C John," + staff));
  EXPECT_EQ(canonicalDn(dnByUid["ab"]), canonicalDn(plusQuote));
  // A DN built with escapeDnValue reaches the same entry as the DN the server returned.
  for (const auto& [uid, dn] : dnByUid) {
    auto returned = connection->read(dn, {"cn"});
    ASSERT_TRUE(returned) << dn;
    auto built =
        connection->read("cn=" + escapeDnValue(*returned->first("cn")) + "," + staff, {"uid"});
    ASSERT_TRUE(built) << dn;
    EXPECT_EQ(*built->first("uid"), uid);
  }
  EXPECT_EQ(*connection->read(comma, {"cn"})->first("cn"), "Smith, John");
  EXPECT_EQ(*connection->read(plusQuote, {"cn"})->first("cn"), "A+B \"Sales\"");
}

TEST_F(LdapClientTest, BinaryObjectGuidIsReadByteForByte) {
  auto connection = LdapConnection::open(settingsFor(*server));
  auto found = searchAll(*connection, server->baseDN(),
                         "(&(objectClass=user)(sAMAccountName=TRAN.B)(uSNChanged>=4711)"
                         "(userAccountControl:1.2.840.113556.1.4.803:=2))",
                         {"objectGUID", "sAMAccountName", "userAccountControl"});
  ASSERT_EQ(found.size(), 1u);
  const DirectoryEntry& entry = found.begin()->second;
  EXPECT_EQ(canonicalDn(entry.dn), canonicalDn(adUser));
  ASSERT_TRUE(entry.first("objectGUID"));
  EXPECT_EQ(*entry.first("objectguid"), guid);
  EXPECT_EQ(objectGuidToText(*entry.first("objectGUID")), "0aff8f00-200d-3c3a-0001-020304050607");
  EXPECT_EQ(*entry.first("userAccountControl"), "514");
  EXPECT_EQ(entry.first("mail"), nullptr);
  EXPECT_TRUE(entry.values("mail").empty());
}

TEST_F(LdapClientTest, AllValuesReadsEveryMemberOfAGroup) {
  auto connection = LdapConnection::open(settingsFor(*server));
  auto members = connection->allValues(group, "member");
  std::set<std::string> canonical;
  for (const auto& member : members) canonical.insert(canonicalDn(member));
  EXPECT_EQ(canonical, (std::set<std::string>{canonicalDn(vietnamese), canonicalDn(chinese),
                                              canonicalDn(indonesian), canonicalDn(comma),
                                              canonicalDn(plusQuote)}));
  EXPECT_TRUE(connection->allValues(group, "description").empty());
  EXPECT_FALSE(connection->read("cn=nobody," + staff, {}));
  try {
    connection->allValues("cn=nobody," + staff, "member");
    FAIL() << "no exception";
  } catch (const LdapError& e) {
    EXPECT_EQ(e.code(), LDAP_NO_SUCH_OBJECT);
  }
}

TEST_F(LdapClientTest, ReferralsAreSkippedNotChased) {
  auto connection = LdapConnection::open(settingsFor(*server));
  auto started = std::chrono::steady_clock::now();
  auto found = searchAll(*connection, server->baseDN(), "(ou=*)", {"ou"});
  auto took = std::chrono::steady_clock::now() - started;
  // ou=elsewhere is a referral to an address that never answers: chasing it would hang.
  EXPECT_EQ(found.size(), 4u);  // people, staff, groups, ad
  EXPECT_LT(took, std::chrono::seconds(2));
}

TEST_F(LdapClientTest, BindAsChecksThePasswordAndNeverSendsAnEmptyOne) {
  auto connection = LdapConnection::openUnbound(settingsFor(*server));
  EXPECT_TRUE(connection->bindAs(indonesian, "pw-siti"));
  EXPECT_FALSE(connection->bindAs(indonesian, "wrong"));
  EXPECT_FALSE(connection->bindAs(chinese, ""));
  EXPECT_FALSE(connection->bindAs(chinese, " \t "));
  EXPECT_FALSE(connection->bindAs("", "pw-siti"));
  // This server takes a DN with an empty password as an anonymous bind and says success; the
  // connection never asked it.
  const std::string log = server->log();
  EXPECT_NE(log.find("BIND dn=\"" + indonesian + "\""), std::string::npos);
  EXPECT_EQ(log.find("BIND dn=\"" + chinese + "\""), std::string::npos);
}

TEST_F(LdapClientTest, WrongServiceCredentialsFailAtOnceAndSaySo) {
  LdapSettings settings = settingsFor(*server);
  settings.bindPassword = "not-it";
  try {
    LdapConnection::open(settings);
    FAIL() << "no exception";
  } catch (const LdapError& e) {
    EXPECT_EQ(e.code(), LDAP_INVALID_CREDENTIALS);
    EXPECT_EQ(std::string(e.what()), "cannot reach the directory: " + server->uri() +
                                         ": bind failed: Invalid credentials");
  }
}

TEST_F(LdapClientTest, UrisAreTriedInOrder) {
  const std::string dead = "ldap://127.0.0.1:" + std::to_string(cadre::test::freeLoopbackPort("x"));
  LdapSettings settings = settingsFor(*server);
  settings.uris = {dead, server->uri()};
  auto connection = LdapConnection::open(settings);
  EXPECT_EQ(connection->uri(), server->uri());
  EXPECT_EQ(connection->count(staff, LDAP_SCOPE_ONELEVEL, "(uid=siti)"), 1u);

  settings.uris = {dead};
  try {
    LdapConnection::open(settings);
    FAIL() << "no exception";
  } catch (const LdapError& e) {
    EXPECT_EQ(e.code(), LDAP_SERVER_DOWN);
    EXPECT_EQ(std::string(e.what()), "cannot reach the directory: " + dead +
                                         ": connect failed: Can't contact LDAP server");
  }
}

TEST_F(LdapClientTest, CheckDirectoryCountsTheMatches) {
  EXPECT_EQ(checkDirectory(settingsFor(*server)),
            "ldap: ok (" + std::to_string(kBulkPeople + 5) +
                " entries match (objectClass=inetOrgPerson) under dc=example,dc=com at " +
                server->uri() + ")");
}

TEST_F(LdapClientTest, AHangingServerTimesOut) {
  LdapSettings settings = settingsFor(*server);
  settings.timeout = std::chrono::seconds(1);
  auto connection = LdapConnection::open(settings);
  server->freeze();
  auto started = std::chrono::steady_clock::now();
  try {
    connection->count(people, LDAP_SCOPE_SUBTREE, "(objectClass=*)");
    server->thaw();
    FAIL() << "no exception";
  } catch (const LdapError& e) {
    server->thaw();
    EXPECT_EQ(e.code(), LDAP_TIMEOUT);
    EXPECT_EQ(std::string(e.what()), "search of '" + people + "' (sub, (objectClass=*)) at " +
                                         server->uri() + " timed out after 1 s");
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

TEST(LdapClientKill, AServerKilledMidSearchFailsTheSearchAndTheNextConnectionWorks) {
  LdifBuilder ldif;
  const std::string people = ldif.organizationalUnit("people");
  ldif.people(300, people);
  SlapdServer server(ldif.text());
  LdapSettings settings = settingsFor(server);
  settings.pageSize = 50;
  auto connection = LdapConnection::open(settings);
  std::size_t seen = 0;
  try {
    connection->search(people, LDAP_SCOPE_ONELEVEL, "(objectClass=*)", {"uid"},
                       [&](DirectoryEntry&&) {
                         if (++seen == 60) server.kill();
                       });
    FAIL() << "no exception after " << seen << " entries";
  } catch (const LdapError& e) {
    EXPECT_EQ(e.code(), LDAP_SERVER_DOWN);
    EXPECT_EQ(std::string(e.what()).rfind("search of '" + people + "' (one, (objectClass=*)) at " +
                                              server.uri() + " failed: Can't contact LDAP server",
                                          0),
              0u)
        << e.what();
  }
  EXPECT_LT(seen, 300u);
  server.start();
  EXPECT_EQ(LdapConnection::open(settings)->count(people, LDAP_SCOPE_ONELEVEL, "(objectClass=*)"),
            300u);
}

TEST(LdapClientChanges, MovedEntriesKeepTheirEntryUuidAndChangesShowInModifyTimestamp) {
  LdifBuilder ldif;
  const std::string north = ldif.organizationalUnit("north");
  const std::string south = ldif.organizationalUnit("south");
  const std::string mover = ldif.person(person("mover", "Dewi", "Lestari"), north);
  const std::string leaver = ldif.person(person("leaver", "Hùng", "Phạm"), north);
  ldif.person(person("stayer", "Wei", "Zhang"), north);
  SlapdServer server(ldif.text());
  auto connection = LdapConnection::open(settingsFor(server));
  const std::vector<std::string> attributes = {"entryUUID", "modifyTimestamp", "title"};
  const DirectoryEntry before = *connection->read(mover, attributes);
  const std::string watermark = *before.first("modifyTimestamp");

  // modifyTimestamp has a resolution of one second.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  server.ldapmodify(cadre::test::ldifRename(mover, "cn=Dewi Lestari", south) +
                    cadre::test::ldifReplace("cn=Dewi Lestari," + south, "title", {"Lead"}) +
                    cadre::test::ldifDelete(leaver));

  EXPECT_FALSE(connection->read(mover, attributes));
  EXPECT_FALSE(connection->read(leaver, attributes));
  auto moved = connection->read("cn=Dewi Lestari," + south, attributes);
  ASSERT_TRUE(moved);
  EXPECT_EQ(*moved->first("entryUUID"), *before.first("entryUUID"));
  EXPECT_EQ(*moved->first("title"), "Lead");
  std::vector<std::string> changed;
  connection->search(server.baseDN(), LDAP_SCOPE_SUBTREE,
                     "(&(objectClass=inetOrgPerson)(!(modifyTimestamp<=" + watermark + ")))",
                     {"uid"},
                     [&](DirectoryEntry&& entry) { changed.push_back(*entry.first("uid")); });
  EXPECT_EQ(changed, std::vector<std::string>{"mover"});
}

/// StartTLS and LDAPS against a server whose certificate the test CA signed, or another CA.
class LdapClientTls : public ::testing::Test {
 protected:
  static LdapSettings tlsSettings(const SlapdServer& server, TlsMode mode) {
    LdapSettings s = settingsFor(server);
    s.tls = mode;
    s.caFile = server.caFile();
    if (mode == TlsMode::Ldaps) s.uris = {server.ldapsUri()};
    return s;
  }
  static std::string tree() {
    LdifBuilder ldif;
    ldif.people(3, ldif.organizationalUnit("people"));
    return ldif.text();
  }
};

TEST_F(LdapClientTls, StartTlsAndLdapsWorkWithTheTestCa) {
  cadre::test::SlapdOptions options;
  options.tls = cadre::test::SlapdTls::TestCa;
  SlapdServer server(tree(), options);
  for (TlsMode mode : {TlsMode::StartTls, TlsMode::Ldaps}) {
    auto connection = LdapConnection::open(tlsSettings(server, mode));
    EXPECT_EQ(connection->count(server.baseDN(), LDAP_SCOPE_SUBTREE, "(uid=*)"), 3u);
  }
  EXPECT_NE(server.log().find("STARTTLS"), std::string::npos);
  // The same server without its CA: the system's CAs do not know it.
  LdapSettings untrusting = tlsSettings(server, TlsMode::StartTls);
  untrusting.caFile.clear();
  EXPECT_THROW(LdapConnection::open(untrusting), LdapError);
}

TEST_F(LdapClientTls, ACertificateFromAnotherCaIsRefused) {
  cadre::test::SlapdOptions options;
  options.tls = cadre::test::SlapdTls::UntrustedCa;
  SlapdServer server(tree(), options);
  for (TlsMode mode : {TlsMode::StartTls, TlsMode::Ldaps}) {
    try {
      LdapConnection::open(tlsSettings(server, mode));
      FAIL() << "connected despite the untrusted certificate";
    } catch (const LdapError& e) {
      const std::string expected = mode == TlsMode::StartTls
                                       ? server.uri() + ": StartTLS failed: "
                                       : server.ldapsUri() + ": connect failed: ";
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(server.log().find("BIND dn="), std::string::npos);
}

}  // namespace
}  // namespace cadre::ldap
