// `cadre sync ldap`, `cadre config check` and the runs API, run as IT would: the real `cadre`
// with the territory and LDAP plugins, against a real slapd.
#include <gtest/gtest.h>

#include <regex>

#include "support/host_process.hpp"
#include "support/ldif_builder.hpp"
#include "support/slapd_server.hpp"

namespace cadre::ldap::test {
namespace {

using cadre::test::HostProcess;
using cadre::test::LdifBuilder;
using cadre::test::SlapdServer;

/// The JSON line of a `--json` run (the log goes to standard error, mixed in by the harness).
std::string jsonLine(const std::string& output) {
  std::smatch match;
  static const std::regex kLine("(^|\n)(\\{\"id\":[^\n]*)");
  return std::regex_search(output, match, kLine) ? match[2].str() : "";
}

/// The real host with both plugins, an admin and an hr login and the org unit ACME, beside a
/// slapd with three people. Made in the test (not in SetUpTestSuite, whose failure ctest would
/// count as a skip).
class SyncCommandTest : public ::testing::Test {
 protected:
  SyncCommandTest() : server_(tree()) {
    host_.addBuiltPlugin("territory");
    host_.addBuiltPlugin("ldap");
    host_.addUser("admin", "admin", "admin-password-1234");
    host_.addUser("hr", "hr", "hr-password-12345");
    host_.start();
  }

  static std::string tree() {
    LdifBuilder ldif;
    ldif.people(3, ldif.organizationalUnit("people"));
    return ldif.text();
  }

  /// `cadre ARGS… --set ldap.…` pointed at the slapd.
  cadre::test::CliResult cadre(std::vector<std::string> args) {
    for (const auto& set :
         {"ldap.uri=" + server_.uri(), std::string("ldap.tls=none"),
          "ldap.baseDN=" + server_.baseDN(), "ldap.bindDN=" + server_.serviceDN(),
          "ldap.bindPassword=" + server_.servicePassword(), std::string("ldap.defaultOrgUnit=ACME"),
          std::string("log.level=warning")}) {
      args.push_back("--set");
      args.push_back(set);
    }
    return host_.cli(args);
  }

  SlapdServer server_;
  HostProcess host_;
};

TEST_F(SyncCommandTest, SyncsChecksAndShowsItsRuns) {
  const std::string token = host_.login("admin", "admin-password-1234");
  auto unit = host_.request(
      "POST", "/api/v1/territory/org-units", R"({"code":"ACME","name":"Acme","type":"company"})",
      {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
  ASSERT_EQ(unit.status, 201) << unit.body;

  auto dry = cadre({"sync", "ldap", "--dry-run", "--json"});
  EXPECT_EQ(dry.exitCode, 0) << dry.output;
  auto dryJson = jsonLine(dry.output);
  EXPECT_NE(dryJson.find(R"("mode":"full","dryRun":true)"), std::string::npos) << dry.output;
  EXPECT_NE(dryJson.find(R"("created":3,)"), std::string::npos) << dryJson;
  EXPECT_NE(dryJson.find(R"("changes":[{"kind":"created","dn":"cn=Given1 Family,ou=people,)"),
            std::string::npos)
      << dryJson;

  auto real = cadre({"sync", "ldap", "--json"});
  EXPECT_EQ(real.exitCode, 0) << real.output;
  auto json = jsonLine(real.output);
  EXPECT_NE(json.find(R"("outcome":"completed")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("entriesRead":3,"created":3,"updated":0,"moved":0,"disabled":0,)"
                      R"("reactivated":0,"unchanged":0,"errorCount":0,"errors":[])"),
            std::string::npos)
      << json;
  EXPECT_EQ(json.find("\"changes\""), std::string::npos);

  auto again = cadre({"sync", "ldap"});
  EXPECT_EQ(again.exitCode, 0) << again.output;
  EXPECT_NE(again.output.find("no change: the directory and Cadre agree (3 unchanged)"),
            std::string::npos)
      << again.output;

  // Without --json, a dry run prints each change with its fields old -> new, and writes nothing.
  const std::string given2 = "cn=Given2 Family,ou=people," + server_.baseDN();
  server_.ldapmodify(cadre::test::ldifReplace(given2, "sn", {"Nguyễn"}));
  server_.ldapmodify(cadre::test::ldifReplace(given2, "mail", {"g2@sales.example.com"}));
  auto diff = cadre({"sync", "ldap", "--dry-run"});
  EXPECT_EQ(diff.exitCode, 0) << diff.output;
  EXPECT_NE(diff.output.find("  updated " + given2 +
                             "\n"
                             "      familyName: 'Family' -> 'Nguyễn'\n"
                             "      email: 'user2@example.com' -> 'g2@sales.example.com'\n"),
            std::string::npos)
      << diff.output;
  EXPECT_NE(diff.output.find("dry run, nothing written: 0 created, 1 updated, "), std::string::npos)
      << diff.output;
  server_.ldapmodify(cadre::test::ldifReplace(given2, "sn", {"Family"}));
  server_.ldapmodify(cadre::test::ldifReplace(given2, "mail", {"user2@example.com"}));

  auto typo = cadre({"sync", "ldap", "--full", "--set", "ldap.filter=(objectClass=nobody)"});
  EXPECT_EQ(typo.exitCode, 2) << typo.output;
  EXPECT_NE(typo.output.find("would suspend or terminate 3 of 3 active employees"),
            std::string::npos);
  EXPECT_NE(typo.output.find("  terminated cn=Given2 Family,ou=people,"), std::string::npos)
      << typo.output;

  EXPECT_EQ(cadre({"sync", "ldap", "--everything"}).exitCode, 64);
  auto unconfigured = host_.cli({"sync", "ldap"});
  EXPECT_EQ(unconfigured.exitCode, 1);
  EXPECT_NE(unconfigured.output.find("cadre sync ldap: ldap.uri: must be set"), std::string::npos)
      << unconfigured.output;

  auto check = cadre({"config", "check"});
  EXPECT_EQ(check.exitCode, 0) << check.output;
  EXPECT_NE(check.output.find("\nldap: ok (3 entries match"), std::string::npos) << check.output;
  auto badKey = cadre({"config", "check", "--set", "ldap.scope=everything"});
  EXPECT_EQ(badKey.exitCode, 1);
  EXPECT_NE(badKey.output.find(
                "\nldap: FAILED: ldap.scope: must be sub, one or base, not 'everything'\n"),
            std::string::npos)
      << badKey.output;
  auto adminGroup =
      cadre({"config", "check", "--set", "ldap.groupRole.admin=cn=it," + server_.baseDN()});
  EXPECT_EQ(adminGroup.exitCode, 1);
  EXPECT_NE(adminGroup.output.find("\nldap: FAILED: ldap.groupRole.admin: the admin account is "
                                   "always local; a directory group cannot grant admin"),
            std::string::npos)
      << adminGroup.output;
  EXPECT_NE(host_.cli({"help"}).output.find(
                "sync ldap        bring the employees in step with the directory (ldap)"),
            std::string::npos);

  auto runs =
      host_.request("GET", "/api/v1/ldap/runs?limit=2", "", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(runs.status, 200) << runs.body;
  // Newest first: the stopped run, then the second dry run; three more behind the cursor.
  EXPECT_NE(runs.body.find(R"({"items":[{"id":5,"mode":"full","dryRun":false,"forced":false,)"
                           R"("startedBy":"cli")"),
            std::string::npos)
      << runs.body;
  EXPECT_NE(runs.body.find(R"("outcome":"stopped")"), std::string::npos);
  EXPECT_EQ(runs.body.find(R"("next":null)"), std::string::npos);
  auto one =
      host_.request("GET", "/api/v1/ldap/runs/2", "", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(one.status, 200);
  EXPECT_NE(one.body.find(R"("created":3)"), std::string::npos) << one.body;
  EXPECT_EQ(host_.request("GET", "/api/v1/ldap/runs/99", "", {{"Authorization", "Bearer " + token}})
                .status,
            404);
  auto hr = host_.login("hr", "hr-password-12345");
  EXPECT_EQ(
      host_.request("GET", "/api/v1/ldap/runs", "", {{"Authorization", "Bearer " + hr}}).status,
      403);
  EXPECT_EQ(host_.request("GET", "/web/ldap/ldap_runs.js").status, 200);
}

}  // namespace
}  // namespace cadre::ldap::test
