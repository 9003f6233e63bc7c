// `cadre demo` with the real territory plugin: the demo logins are linked to the demo org, so the
// manager sees their team and the employee is placed under that manager.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "support/host_process.hpp"
#include "support/test_paths.hpp"

namespace cadre::territory::test {
namespace {

using cadre::test::bearerHeader;
using cadre::test::HostProcess;

const std::string kPassword = "demo-password-1234";

Poco::JSON::Object::Ptr object(const std::string& body) {
  return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

TEST(DemoHost, TheDemoLoginsSeeTheirOwnPartOfTheOrg) {
  HostProcess host;
  auto demo = host.cli({"demo", "--set", "admin.password=" + kPassword, "--set",
                        "plugins.dir=" + cadre::test::binaryDir() + "/lib/cadre/plugins"});
  ASSERT_EQ(demo.exitCode, 0) << demo.output;
  EXPECT_NE(demo.output.find("demo: 29 org units, 205 people, 300 accounts"), std::string::npos)
      << demo.output;
  EXPECT_NE(demo.output.find("demo: hr, manager and employee have the same password"),
            std::string::npos);
  host.start({}, false);

  auto manager = bearerHeader(host.login("manager", kPassword));
  auto managerMe = host.request("GET", "/api/v1/territory/employees/me", "", manager);
  ASSERT_EQ(managerMe.status, 200) << managerMe.body;
  auto head = object(managerMe.body);
  auto headId = head->getValue<std::int64_t>("id");
  auto team = host.request(
      "GET",
      "/api/v1/territory/org-units/" + std::to_string(head->getValue<std::int64_t>("orgUnitId")),
      "", manager);
  EXPECT_EQ(object(team.body)->getValue<std::string>("code"), "T-HAN-KA");
  EXPECT_EQ(object(team.body)->getValue<std::int64_t>("headEmployeeId"), headId);
  auto reports = host.request(
      "GET", "/api/v1/territory/employees/" + std::to_string(headId) + "/reports", "", manager);
  ASSERT_EQ(reports.status, 200) << reports.body;
  // Ten reps, and the recruiting demo's hire who started two weeks ago.
  EXPECT_EQ(object(reports.body)->getArray("items")->size(), 11u);

  auto employee = bearerHeader(host.login("employee", kPassword));
  auto employeeMe = host.request("GET", "/api/v1/territory/employees/me", "", employee);
  ASSERT_EQ(employeeMe.status, 200) << employeeMe.body;
  EXPECT_EQ(object(employeeMe.body)->getValue<std::int64_t>("managerId"), headId);
  EXPECT_EQ(
      host.request("GET", "/api/v1/territory/employees/" + std::to_string(headId) + "/history", "",
                   employee)
          .status,
      403);

  auto hr = bearerHeader(host.login("hr", kPassword));
  auto gone =
      host.request("GET", "/api/v1/territory/employees?status=terminated&limit=500", "", hr);
  EXPECT_EQ(object(gone.body)->getArray("items")->size(), 8u);
}

}  // namespace
}  // namespace cadre::territory::test
