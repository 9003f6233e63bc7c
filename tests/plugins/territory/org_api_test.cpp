// The territory plugin's org API over HTTP, served by the real host on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include "territory_host.hpp"

namespace cadre::territory::test {
namespace {

Poco::JSON::Object::Ptr json(const std::string& body) {
  return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::string ifMatch(const HttpReply& reply) {
  return reply.header("etag");
}

class OrgApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  OrgApiTest() : host_(GetParam()) {}

  std::int64_t createUnit(const std::string& code, const std::string& type,
                          std::optional<std::int64_t> parent, const std::string& date) {
    std::string body = "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"type\":\"" + type +
                       "\",\"effectiveDate\":\"" + date + "\"" +
                       (parent ? ",\"parentId\":" + std::to_string(*parent) : "") + "}";
    auto reply = host_.call("hr", "POST", "/api/v1/territory/org-units", body);
    EXPECT_EQ(reply.status, 201) << reply.body;
    return TerritoryHost::idIn(reply.body);
  }

  std::int64_t hire(const std::string& number, std::int64_t unit, const std::string& date,
                    const std::string& extra = "") {
    auto reply = host_.call("hr", "POST", "/api/v1/territory/employees",
                            "{\"employeeNumber\":\"" + number +
                                "\",\"givenName\":\"Given\",\"familyName\":\"" + number +
                                "\",\"email\":\"" + number + "@example.com\",\"hireDate\":\"" +
                                date + "\",\"orgUnitId\":" + std::to_string(unit) + extra + "}");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return TerritoryHost::idIn(reply.body);
  }

  HttpReply get(const std::string& role, const std::string& path) {
    return host_.call(role, "GET", path);
  }

  TerritoryHost host_;
};

TEST_P(OrgApiTest, AMovedTeamShowsUnderItsOldParentBeforeTheMoveAndTheNewOneAfter) {
  auto company = createUnit("ACME", "company", std::nullopt, "2020-01-01");
  auto north = createUnit("NORTH", "region", company, "2020-01-01");
  auto south = createUnit("SOUTH", "region", company, "2020-01-01");
  auto team = createUnit("T1", "team", north, "2020-01-01");
  auto unit = get("hr", "/api/v1/territory/org-units/" + std::to_string(team));
  auto moved =
      host_.call("hr", "PATCH", "/api/v1/territory/org-units/" + std::to_string(team),
                 "{\"parentId\":" + std::to_string(south) + ",\"effectiveDate\":\"2022-01-01\"}",
                 {{"If-Match", ifMatch(unit)}});
  ASSERT_EQ(moved.status, 200) << moved.body;

  auto before = get("employee", "/api/v1/territory/org-units?parentId=" + std::to_string(north) +
                                    "&asOf=2021-12-31");
  auto after = get("employee", "/api/v1/territory/org-units?parentId=" + std::to_string(north) +
                                   "&asOf=2022-01-01");
  EXPECT_EQ(json(before.body)->getArray("items")->size(), 1u) << before.body;
  EXPECT_EQ(json(after.body)->getArray("items")->size(), 0u) << after.body;
  auto old = json(
      get("employee", "/api/v1/territory/org-units/" + std::to_string(team) + "?asOf=2021-06-30")
          .body);
  EXPECT_EQ(old->getValue<std::int64_t>("parentId"), north);
  EXPECT_EQ(old->getValue<std::string>("name"), "T1");
  auto history = json(
      get("employee", "/api/v1/territory/org-units/" + std::to_string(team) + "/history").body);
  ASSERT_EQ(history->getArray("periods")->size(), 2u);
  EXPECT_EQ(history->getArray("periods")->getObject(0)->getValue<std::string>("validTo"),
            "2022-01-01");
  EXPECT_EQ(history->getArray("periods")->getObject(1)->getValue<std::string>("reason"), "move");
}

TEST_P(OrgApiTest, MovingAUnitUnderItsOwnSubtreeIsRefusedAndChangesNothing) {
  auto company = createUnit("ACME", "company", std::nullopt, "2020-01-01");
  auto north = createUnit("NORTH", "region", company, "2020-01-01");
  auto team = createUnit("T1", "team", north, "2020-01-01");
  auto unit = get("hr", "/api/v1/territory/org-units/" + std::to_string(north));
  auto reply =
      host_.call("hr", "PATCH", "/api/v1/territory/org-units/" + std::to_string(north),
                 "{\"parentId\":" + std::to_string(team) + ",\"effectiveDate\":\"2023-01-01\"}",
                 {{"If-Match", ifMatch(unit)}});
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(json(reply.body)->getValue<std::string>("detail"),
            "moving org unit " + std::to_string(north) + " under org unit " + std::to_string(team) +
                " would make a cycle: org unit " + std::to_string(team) +
                " is below it on 2023-01-01");
  auto history =
      json(get("hr", "/api/v1/territory/org-units/" + std::to_string(north) + "/history").body);
  EXPECT_EQ(history->getArray("periods")->size(), 1u);
  EXPECT_EQ(ifMatch(get("hr", "/api/v1/territory/org-units/" + std::to_string(north))),
            ifMatch(unit));
}

TEST_P(OrgApiTest, ATransferIsReadAsOfDatesBeforeAndAfterItAndNeedsTheCurrentVersion) {
  auto company = createUnit("ACME", "company", std::nullopt, "2020-01-01");
  auto north = createUnit("NORTH", "region", company, "2020-01-01");
  auto south = createUnit("SOUTH", "region", company, "2020-01-01");
  auto rep = hire("E100", north, "2020-02-01");
  auto path = "/api/v1/territory/employees/" + std::to_string(rep);
  auto transferBody = "{\"orgUnitId\":" + std::to_string(south) +
                      ",\"effectiveDate\":\"2024-04-01\",\"reason\":\"transfer\"}";

  auto withoutVersion = host_.call("hr", "POST", path + "/transfers", transferBody);
  EXPECT_EQ(withoutVersion.status, 428);
  auto stale = host_.call("hr", "POST", path + "/transfers", transferBody, {{"If-Match", "\"7\""}});
  EXPECT_EQ(stale.status, 409);
  auto done = host_.call("hr", "POST", path + "/transfers", transferBody,
                         {{"If-Match", ifMatch(get("hr", path))}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.header("etag"), "\"2\"");

  auto before = json(get("hr", path + "?asOf=2024-03-31").body);
  auto after = json(get("hr", path + "?asOf=2024-04-01").body);
  EXPECT_EQ(before->getValue<std::int64_t>("orgUnitId"), north);
  EXPECT_EQ(after->getValue<std::int64_t>("orgUnitId"), south);
  EXPECT_EQ(get("hr", path + "?asOf=2020-01-31").status, 404);

  auto history = json(get("hr", path + "/history").body);
  auto assignments = history->getArray("assignments");
  ASSERT_EQ(assignments->size(), 2u);
  EXPECT_EQ(assignments->getObject(0)->getValue<std::string>("reason"), "hire");
  EXPECT_EQ(assignments->getObject(0)->getValue<std::string>("validTo"), "2024-04-01");
  EXPECT_EQ(assignments->getObject(1)->getValue<std::string>("reason"), "transfer");
  EXPECT_EQ(assignments->getObject(1)->getValue<std::string>("validTo"), "9999-12-31");
  auto csv = host_.call("hr", "GET", path + "/history", "", {{"Accept", "text/csv"}});
  EXPECT_EQ(csv.body,
            "date,until,change,reason,orgUnitId,positionId,managerId,employmentType,status\r\n"
            "2020-02-01,2024-04-01,assignment,hire," +
                std::to_string(north) +
                ",,,full_time,\r\n"
                "2020-02-01,,status,hire,,,,,active\r\n"
                "2024-04-01,9999-12-31,assignment,transfer," +
                std::to_string(south) + ",,,full_time,\r\n");

  auto inNorthThen =
      json(get("hr", "/api/v1/territory/employees?orgUnitId=" + std::to_string(company) +
                         "&subtree=true&asOf=2024-03-31")
               .body);
  EXPECT_EQ(inNorthThen->getArray("items")->size(), 1u);
  auto inNorthNow =
      json(get("hr", "/api/v1/territory/employees?orgUnitId=" + std::to_string(north)).body);
  EXPECT_EQ(inNorthNow->getArray("items")->size(), 0u);
}

TEST_P(OrgApiTest, AnEmployeeSeesOthersPublicFieldsAndOnlyTheirOwnHistory) {
  auto company = createUnit("ACME", "company", std::nullopt, "2020-01-01");
  auto boss = hire("E1", company, "2020-01-01");
  auto self = hire("E2", company, "2020-01-01",
                   ",\"managerId\":" + std::to_string(boss) +
                       ",\"userId\":" + std::to_string(host_.userId("employee")));
  auto other = hire("E3", company, "2020-01-01");

  auto meReply = get("employee", "/api/v1/territory/employees/me");
  ASSERT_EQ(meReply.status, 200) << meReply.body;
  auto own = json(meReply.body);
  EXPECT_EQ(own->getValue<std::int64_t>("id"), self);
  EXPECT_EQ(own->getValue<std::int64_t>("managerId"), boss);
  EXPECT_EQ(own->getValue<std::string>("hireDate"), "2020-01-01");
  auto colleague =
      json(get("employee", "/api/v1/territory/employees/" + std::to_string(other)).body);
  EXPECT_EQ(colleague->getValue<std::string>("employeeNumber"), "E3");
  EXPECT_FALSE(colleague->has("hireDate"));
  EXPECT_FALSE(colleague->has("directoryId"));
  EXPECT_EQ(
      get("employee", "/api/v1/territory/employees/" + std::to_string(other) + "/history").status,
      403);
  EXPECT_EQ(
      get("employee", "/api/v1/territory/employees/" + std::to_string(self) + "/history").status,
      200);
  EXPECT_EQ(host_.call("employee", "POST", "/api/v1/territory/employees", "{}").status, 403);

  // A login that is not one of the host's users is refused, naming the field; no one is hired.
  auto unknownUser = host_.call("hr", "POST", "/api/v1/territory/employees",
                                "{\"employeeNumber\":\"E4\",\"givenName\":\"Given\","
                                "\"familyName\":\"E4\",\"email\":\"E4@example.com\","
                                "\"hireDate\":\"2020-01-01\",\"orgUnitId\":" +
                                    std::to_string(company) + ",\"userId\":999999}");
  EXPECT_EQ(unknownUser.status, 422) << unknownUser.body;
  EXPECT_NE(unknownUser.body.find(R"({"field":"userId","message":"no such user"})"),
            std::string::npos)
      << unknownUser.body;
  EXPECT_EQ(json(get("hr", "/api/v1/territory/employees?employeeNumber=E4").body)
                ->getArray("items")
                ->size(),
            0u);
}

TEST_P(OrgApiTest, AManagerSeesEverythingOfTheirSubtreeOnly) {
  auto company = createUnit("ACME", "company", std::nullopt, "2020-01-01");
  auto boss =
      hire("E1", company, "2020-01-01", ",\"userId\":" + std::to_string(host_.userId("manager")));
  auto report = hire("E2", company, "2020-01-01", ",\"managerId\":" + std::to_string(boss));
  auto indirect = hire("E3", company, "2020-01-01", ",\"managerId\":" + std::to_string(report));
  auto outsider = hire("E4", company, "2020-01-01", ",\"managerId\":" + std::to_string(indirect));
  auto stranger = hire("E5", company, "2020-01-01");
  // E4 reports to E3, who reports to E2, who reports to the boss: the boss sees E4 too.
  auto reports = json(get("manager", "/api/v1/territory/employees/" + std::to_string(boss) +
                                         "/reports?indirect=true")
                          .body);
  EXPECT_EQ(reports->getArray("items")->size(), 3u);
  auto deep = json(get("manager", "/api/v1/territory/employees/" + std::to_string(outsider)).body);
  EXPECT_TRUE(deep->has("hireDate"));
  auto chain = json(
      get("manager", "/api/v1/territory/employees/" + std::to_string(outsider) + "/chain").body);
  ASSERT_EQ(chain->getArray("items")->size(), 3u);
  EXPECT_EQ(chain->getArray("items")->getObject(0)->getValue<std::int64_t>("id"), indirect);
  EXPECT_EQ(chain->getArray("items")->getObject(2)->getValue<std::int64_t>("id"), boss);
  EXPECT_EQ(
      get("employee", "/api/v1/territory/employees/" + std::to_string(boss) + "/reports").status,
      403);
  auto outside =
      json(get("manager", "/api/v1/territory/employees/" + std::to_string(stranger)).body);
  EXPECT_FALSE(outside->has("hireDate"));
  EXPECT_EQ(
      get("manager", "/api/v1/territory/employees/" + std::to_string(stranger) + "/history").status,
      403);
}

TEST_P(OrgApiTest, BadInputNamesEveryFieldAndWritesNothing) {
  auto reply = host_.call("hr", "POST", "/api/v1/territory/employees",
                          "{\"employeeNumber\":\"\",\"givenName\":7,\"familyName\":\"X\","
                          "\"email\":\"not-an-email\",\"hireDate\":\"2024-02-30\",\"shoe\":1}");
  EXPECT_EQ(reply.status, 400);
  auto problem = json(reply.body);
  std::set<std::string> fields;
  auto list = problem->getArray("errors");
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    fields.insert(list->getObject(i)->getValue<std::string>("field"));
  }
  EXPECT_EQ(fields, (std::set<std::string>{"employeeNumber", "givenName", "email", "hireDate",
                                           "shoe", "orgUnitId"}))
      << reply.body;
  auto nothing = json(get("hr", "/api/v1/territory/employees").body);
  EXPECT_EQ(nothing->getArray("items")->size(), 0u);
  EXPECT_EQ(get("hr", "/api/v1/territory/employees?asOf=yesterday").status, 400);
  EXPECT_EQ(get("hr", "/api/v1/territory/employees/999").status, 404);
}

TEST_P(OrgApiTest, NamesInAnyScriptRoundTripAndListsExportAsCsv) {
  auto company = createUnit("ACME", "company", std::nullopt, "2020-01-01");
  auto reply = host_.call("hr", "POST", "/api/v1/territory/employees",
                          "{\"employeeNumber\":\"VN-1\",\"givenName\":\"Nguyễn Thị\","
                          "\"familyName\":\"Phương\",\"hireDate\":\"2021-01-01\",\"orgUnitId\":" +
                              std::to_string(company) + "}");
  ASSERT_EQ(reply.status, 201) << reply.body;
  hire("CN-1", company, "2021-01-01");
  auto chinese = host_.call(
      "hr", "PATCH",
      "/api/v1/territory/employees/" + std::to_string(TerritoryHost::idIn(reply.body) + 1),
      "{\"givenName\":\"伟\",\"familyName\":\"王\"}", {{"If-Match", "\"1\""}});
  ASSERT_EQ(chinese.status, 200) << chinese.body;
  auto read = json(
      get("hr", "/api/v1/territory/employees/" + std::to_string(TerritoryHost::idIn(reply.body)))
          .body);
  EXPECT_EQ(read->getValue<std::string>("givenName"), "Nguyễn Thị");
  EXPECT_EQ(read->getValue<std::string>("familyName"), "Phương");
  auto csv = host_.call("hr", "GET", "/api/v1/territory/employees", "", {{"Accept", "text/csv"}});
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type").rfind("text/csv", 0), 0u);
  EXPECT_NE(csv.body.find("VN-1,Nguyễn Thị,Phương,"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("CN-1,伟,王,"), std::string::npos) << csv.body;
}

TEST_P(OrgApiTest, APositionIsFilledByAHireAndCannotBeFilledTwiceOrFrozen) {
  auto company = createUnit("ACME", "company", std::nullopt, "2020-01-01");
  auto created = host_.call("hr", "POST", "/api/v1/territory/positions",
                            "{\"orgUnitId\":" + std::to_string(company) +
                                ",\"title\":\"Account executive\",\"budgetedCost\":60000,"
                                "\"openedOn\":\"2020-01-01\"}");
  ASSERT_EQ(created.status, 201) << created.body;
  auto position = TerritoryHost::idIn(created.body);
  EXPECT_EQ(json(created.body)->getValue<std::string>("state"), "vacant");
  auto rep = hire("E1", company, "2021-01-01", ",\"positionId\":" + std::to_string(position));
  auto read = json(get("hr", "/api/v1/territory/positions/" + std::to_string(position)).body);
  EXPECT_EQ(read->getValue<std::string>("state"), "filled");
  EXPECT_EQ(read->getValue<std::int64_t>("holderId"), rep);
  auto vacantBefore =
      json(get("hr", "/api/v1/territory/positions/" + std::to_string(position) + "?asOf=2020-06-01")
               .body);
  EXPECT_EQ(vacantBefore->getValue<std::string>("state"), "vacant");

  auto second = host_.call("hr", "POST", "/api/v1/territory/employees",
                           "{\"employeeNumber\":\"E2\",\"givenName\":\"A\",\"familyName\":\"B\","
                           "\"hireDate\":\"2022-01-01\",\"positionId\":" +
                               std::to_string(position) + "}");
  EXPECT_EQ(second.status, 422);
  EXPECT_EQ(json(second.body)->getValue<std::string>("detail"),
            "position " + std::to_string(position) + " is filled by employee " +
                std::to_string(rep) + " on or after 2022-01-01");
  auto freeze = host_.call("hr", "PATCH", "/api/v1/territory/positions/" + std::to_string(position),
                           "{\"frozen\":true}", {{"If-Match", "\"1\""}});
  EXPECT_EQ(freeze.status, 422);
  EXPECT_FALSE(json(get("employee", "/api/v1/territory/positions/" + std::to_string(position)).body)
                   ->has("budgetedCost"));

  auto plan = host_.call("hr", "POST", "/api/v1/territory/headcount-plans",
                         "{\"orgUnitId\":" + std::to_string(company) +
                             ",\"periodStart\":\"2021-01-01\",\"periodEnd\":\"2021-12-31\","
                             "\"plannedPositions\":3,\"plannedBudget\":150000}");
  ASSERT_EQ(plan.status, 201) << plan.body;
  auto compared = json(get("manager", "/api/v1/territory/headcount-plans/" +
                                          std::to_string(TerritoryHost::idIn(plan.body)))
                           .body);
  auto actual = compared->getObject("actual");
  EXPECT_EQ(actual->getValue<std::string>("asOf"), "2021-12-31");
  EXPECT_EQ(actual->getValue<std::int64_t>("positions"), 1);
  EXPECT_EQ(actual->getValue<std::int64_t>("filled"), 1);
  EXPECT_EQ(actual->getValue<double>("budget"), 60000.0);
  EXPECT_EQ(actual->getValue<std::int64_t>("headcount"), 1);
  EXPECT_EQ(compared->getObject("variance")->getValue<std::int64_t>("positions"), -2);
}

TEST_P(OrgApiTest, ATerminationThatHasTakenEffectEndsTheLeaversLogin) {
  auto company = createUnit("ACME", "company", std::nullopt, "2020-01-01");
  auto leaver =
      hire("E1", company, "2020-01-01", ",\"userId\":" + std::to_string(host_.userId("employee")));
  auto future =
      hire("E2", company, "2020-01-01", ",\"userId\":" + std::to_string(host_.userId("manager")));
  auto path = "/api/v1/territory/employees/" + std::to_string(leaver);
  auto done = host_.call("hr", "POST", path + "/termination",
                         "{\"effectiveDate\":\"2024-01-31\",\"reason\":\"resigned\"}",
                         {{"If-Match", "\"1\""}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(json(done.body)->getValue<std::string>("status"), "terminated");
  EXPECT_EQ(get("employee", "/api/v1/auth/me").status, 401);
  auto planned = host_.call(
      "hr", "POST", "/api/v1/territory/employees/" + std::to_string(future) + "/termination",
      "{\"effectiveDate\":\"2999-01-31\"}", {{"If-Match", "\"1\""}});
  ASSERT_EQ(planned.status, 200) << planned.body;
  EXPECT_EQ(json(planned.body)->getValue<std::string>("status"), "terminated");
  EXPECT_EQ(get("manager", "/api/v1/auth/me").status, 200);
  EXPECT_EQ(json(get("hr", "/api/v1/territory/employees/" + std::to_string(future)).body)
                ->getValue<std::string>("status"),
            "active");
}

INSTANTIATE_TEST_SUITE_P(Engines, OrgApiTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cadre::territory::test
