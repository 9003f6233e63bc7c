// The directory login through the real host: `cadre serve` with the territory plugin and the
// LDAP connector, pointed at a real slapd. Every refusal looks the same to the caller (401) and
// says why in the audit log; the admin and other local accounts never depend on the directory.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <gtest/gtest.h>

#include "ldap_client.hpp"
#include "ldap_config.hpp"
#include "login_tree.hpp"
#include "support/host_process.hpp"
#include "support/slapd_server.hpp"

namespace cadre::ldap::test {
namespace {

using cadre::test::HttpReply;
using cadre::test::SlapdServer;

constexpr const char* kAdminPassword = "admin-password-1234";

Poco::JSON::Object::Ptr parse(const std::string& body) {
  return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

/// Whether a reply is the one answer every refused login gets.
void expectRefused(const HttpReply& reply, const std::string& who) {
  EXPECT_EQ(reply.status, 401) << who << ": " << reply.body;
  EXPECT_EQ(parse(reply.body)->getValue<std::string>("detail"), "invalid username or password")
      << who;
}

/// The host with the directory login, a local admin, and the login tree in slapd.
class DirectoryLoginTest : public ::testing::Test {
 protected:
  DirectoryLoginTest() : tree_(loginTree()), server_(tree_.ldif) {
    host_.addBuiltPlugin("territory");
    host_.addBuiltPlugin("ldap");
    host_.addUser("admin", "admin", kAdminPassword);
    host_.start(directoryKeys(server_, tree_.keys));
    // Before any attempt under test, so that the admin's own login is never the latest one.
    adminToken_ = host_.login("admin", kAdminPassword);
  }

  HttpReply login(const std::string& name, const std::string& password) {
    Poco::JSON::Object body;
    body.set("username", name);
    body.set("password", password);
    std::ostringstream text;
    body.stringify(text);
    return host_.request("POST", "/api/v1/auth/login", text.str(),
                         {{"Content-Type", "application/json"}});
  }

  HttpReply asAdmin(const std::string& method, const std::string& path,
                    const std::string& body = "") {
    std::map<std::string, std::string> headers{{"Authorization", "Bearer " + adminToken_}};
    if (!body.empty()) headers["Content-Type"] = "application/json";
    return host_.request(method, path, body, headers);
  }

  /// The audit entry of the latest login attempt of `name`: "outcome ROLE SOURCE" when it was
  /// admitted, "outcome: reason" when it was refused.
  std::string lastLogin(const std::string& name) {
    std::string id;
    Poco::URI::encode(name, "=&+;?#()*", id);
    auto reply = asAdmin("GET", "/api/v1/audit?action=auth.login&limit=1&objectId=" + id);
    EXPECT_EQ(reply.status, 200) << reply.body;
    auto items = parse(reply.body)->getArray("items");
    if (!items || items->size() == 0) return "(no login of " + name + " audited)";
    auto entry = items->getObject(0);
    auto after = entry->getObject("after");
    std::string outcome = entry->getValue<std::string>("outcome");
    if (after->has("reason")) return outcome + ": " + after->getValue<std::string>("reason");
    return outcome + " " + after->getValue<std::string>("role") + " " +
           after->getValue<std::string>("source");
  }

  std::string entryUuid(const std::string& dn) {
    auto settings = settingsOf(directoryKeys(server_));
    return *LdapConnection::open(settings)->read(dn, {"entryUUID"})->first("entryUUID");
  }

  LoginTree tree_;
  SlapdServer server_;
  cadre::test::HostProcess host_;
  std::string adminToken_;
};

TEST_F(DirectoryLoginTest, APersonLogsInWithTheirDirectoryPasswordAndIsLinkedToTheirEmployee) {
  auto unit =
      asAdmin("POST", "/api/v1/territory/org-units",
              R"({"code":"VN","name":"Việt Nam","type":"company","effectiveDate":"2020-01-01"})");
  ASSERT_EQ(unit.status, 201) << unit.body;
  auto hired = asAdmin("POST", "/api/v1/territory/employees",
                       R"({"employeeNumber":"E1","givenName":"Lan","familyName":"Trần Thị",)"
                       R"("hireDate":"2024-01-01","orgUnitId":)" +
                           std::to_string(parse(unit.body)->getValue<int>("id")) +
                           R"(,"directoryId":")" + entryUuid(tree_.lan) + R"("})");
  ASSERT_EQ(hired.status, 201) << hired.body;
  std::string employee = std::to_string(parse(hired.body)->getValue<int>("id"));

  auto reply = login("lan", "pw-lan");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto user = parse(reply.body)->getObject("user");
  EXPECT_EQ(user->getValue<std::string>("username"), "lan");
  EXPECT_EQ(user->getValue<std::string>("displayName"), "Trần Thị Lan");
  EXPECT_EQ(user->getValue<std::string>("role"), "manager");
  EXPECT_EQ(lastLogin("lan"), "ok manager ldap");
  auto linked = parse(asAdmin("GET", "/api/v1/territory/employees/" + employee).body);
  EXPECT_EQ(linked->getValue<int>("userId"), user->getValue<int>("id"));
  auto link = parse(asAdmin("GET", "/api/v1/audit?action=territory.employee.update").body)
                  ->getArray("items");
  ASSERT_EQ(link->size(), 1u);
  EXPECT_EQ(link->getObject(0)->getValue<std::string>("actor"), "ldap");
  EXPECT_EQ(link->getObject(0)->getValue<std::string>("objectId"), employee);
  // A person without an employee record logs in all the same, with the role of their group.
  ASSERT_EQ(login("wei", "pw-wei").status, 200);
  auto upsert = parse(asAdmin("GET", "/api/v1/audit?action=user.upsert&objectId=wei").body)
                    ->getArray("items")
                    ->getObject(0)
                    ->getObject("after");
  EXPECT_EQ(upsert->getValue<std::string>("displayName"), "王伟");
  EXPECT_EQ(upsert->getValue<std::string>("role"), "hr");
  EXPECT_EQ(upsert->getValue<std::string>("source"), "ldap");
}

TEST_F(DirectoryLoginTest, EveryRefusalSaysWhyInTheAuditLogAndLocalAccountsOutliveTheDirectory) {
  EXPECT_EQ(lastLogin("admin"), "ok admin local");
  const std::vector<std::pair<std::pair<std::string, std::string>, std::string>> cases{
      {{"lan", "pw-wei"}, "provider 'ldap' rejected: wrong password"},
      {{"wei", ""}, "empty password"},
      {{"budi", "   "}, "empty password"},
      {{"ines", "pw-ines"},
       "provider 'ldap' rejected: directory account " + tree_.ines +
           " is disabled: employeeType is 'Inactive'"},
      {{"nobody", "pw-nobody"}, "provider 'ldap' rejected: no directory entry has uid=nobody"},
      {{"twin", "pw-twin"}, "provider 'ldap' rejected: several directory entries have uid=twin"},
      // The host refuses filter syntax before any provider sees it (and the provider escapes it).
      {{"*)(uid=*", "pw-lan"}, "malformed username"},
      // The directory has an "admin" too: its password does not open the local admin account.
      {{"admin", "pw-admin"}, "wrong password"},
  };
  for (const auto& [credentials, reason] : cases) {
    expectRefused(login(credentials.first, credentials.second), credentials.first);
    EXPECT_EQ(lastLogin(credentials.first), "denied: " + reason);
  }

  // With the directory down, local accounts log in and directory logins are refused, not 500.
  server_.stop();
  EXPECT_EQ(login("admin", kAdminPassword).status, 200);
  expectRefused(login("lan", "pw-lan"), "lan");
  std::string reason = lastLogin("lan");
  EXPECT_EQ(reason.rfind("denied: provider 'ldap' failed: cannot reach the directory: ", 0), 0u)
      << reason;
  EXPECT_NE(reason.find(server_.uri()), std::string::npos) << reason;
  EXPECT_NE(host_.log().find("directory login of 'lan' failed"), std::string::npos);
  // Back up, the same person logs in again.
  server_.start();
  EXPECT_EQ(login("lan", "pw-lan").status, 200);
  EXPECT_EQ(lastLogin("lan"), "ok manager ldap");
}

}  // namespace
}  // namespace cadre::ldap::test
