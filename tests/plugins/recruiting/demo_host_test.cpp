// `cadre demo` with the real territory and recruiting plugins: the demo logins see their part of
// the hiring story through the API, and a second run seeds nothing.
#include <gtest/gtest.h>

#include "recruiting_host.hpp"
#include "support/host_process.hpp"
#include "support/test_paths.hpp"

namespace cadre::recruiting::test {
namespace {

using cadre::test::bearerHeader;
using cadre::test::HostProcess;

const std::string kPassword = "demo-password-1234";

/// How many items a list answer holds.
std::size_t itemsOf(const cadre::test::HttpReply& reply) {
  EXPECT_EQ(reply.status, 200) << reply.body;
  auto items = jsonOf(reply)->getArray("items");
  return items ? items->size() : 0;
}

TEST(RecruitingDemoHost, TheDemoLoginsSeeTheirPartOfTheHiringStory) {
  HostProcess host;
  const auto plugins = "plugins.dir=" + cadre::test::binaryDir() + "/lib/cadre/plugins";
  auto demo = host.cli({"demo", "--set", "admin.password=" + kPassword, "--set", plugins});
  ASSERT_EQ(demo.exitCode, 0) << demo.output;
  EXPECT_NE(demo.output.find("demo: 5 requisitions, 24 candidates, 8 interviews, 4 offers, "
                             "2 hires"),
            std::string::npos)
      << demo.output;
  host.start({}, false);

  auto hr = bearerHeader(host.login("hr", kPassword));
  EXPECT_EQ(itemsOf(host.request("GET", "/api/v1/recruiting/requisitions", "", hr)), 5u);
  EXPECT_EQ(itemsOf(host.request("GET", "/api/v1/recruiting/candidates?limit=100", "", hr)), 24u);
  EXPECT_GT(itemsOf(host.request("GET", "/api/v1/recruiting/notifications?limit=100", "", hr)), 0u)
      << "approvals and interview invitations queue their mail";

  auto manager = bearerHeader(host.login("manager", kPassword));
  auto mine = host.request("GET", "/api/v1/recruiting/requisitions", "", manager);
  EXPECT_EQ(itemsOf(mine), 2u) << "the open one they hire for and the one waiting for them";
  auto pending =
      host.request("GET", "/api/v1/recruiting/requisitions?state=pending_approval", "", manager);
  ASSERT_EQ(itemsOf(pending), 1u);
  auto pendingId = jsonOf(pending)->getArray("items")->getObject(0)->getValue<std::int64_t>("id");
  auto approvals = host.request(
      "GET", "/api/v1/recruiting/requisitions/" + std::to_string(pendingId) + "/approvals", "",
      manager);
  ASSERT_EQ(approvals.status, 200) << approvals.body;
  EXPECT_NE(approvals.body.find("\"approverRole\":\"hiring_manager\""), std::string::npos);
  EXPECT_EQ(itemsOf(host.request("GET", "/api/v1/recruiting/applications?limit=100", "", manager)),
            9u);
  EXPECT_EQ(itemsOf(host.request("GET", "/api/v1/recruiting/onboarding-plans", "", manager)), 1u);

  auto employee = bearerHeader(host.login("employee", kPassword));
  EXPECT_EQ(itemsOf(host.request("GET", "/api/v1/recruiting/interviews", "", employee)), 4u);
  EXPECT_EQ(itemsOf(host.request("GET", "/api/v1/recruiting/onboarding-plans", "", employee)), 1u)
      << "they mentor the new hire";
  host.stop();

  auto again = host.cli({"demo", "--set", plugins});
  EXPECT_EQ(again.exitCode, 0) << again.output;
  EXPECT_NE(again.output.find("nothing seeded again"), std::string::npos) << again.output;
}

}  // namespace
}  // namespace cadre::recruiting::test
