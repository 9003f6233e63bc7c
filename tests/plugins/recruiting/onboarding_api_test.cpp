// Onboarding over HTTP on the real host: templates with their validation and versions, a plan
// as HR, the manager, the mentor, the new hire and a bystander see and work it, the plan a hire
// begins, and the approval a submitted requisition waits for, announced.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "cadre/dates.hpp"
#include "hiring_host.hpp"
#include "onboarding_plans.hpp"

namespace cadre::recruiting::test {
namespace {

class OnboardingApiTest : public HiringHostTest {
 protected:
  /// "field: message" of each error of a problem document, in order.
  static std::vector<std::string> errorsOf(const HttpReply& reply) {
    std::vector<std::string> out;
    auto errors = jsonOf(reply)->getArray("errors");
    for (std::size_t i = 0; errors && i < errors->size(); ++i) {
      auto e = errors->getObject(static_cast<unsigned>(i));
      out.push_back(e->getValue<std::string>("field") + ": " + e->getValue<std::string>("message"));
    }
    return out;
  }

  /// The titles of a plan's tasks as `user` reads them.
  std::vector<std::string> taskTitles(const std::string& user, const std::string& plan) {
    std::vector<std::string> titles;
    auto tasks = jsonOf(host().call(user, "GET", plan))->getArray("tasks");
    for (std::size_t i = 0; tasks && i < tasks->size(); ++i) {
      titles.push_back(tasks->getObject(static_cast<unsigned>(i))->getValue<std::string>("title"));
    }
    return titles;
  }

  /// The id of the task titled `title` in a plan as HR reads it.
  std::string taskId(const std::string& plan, const std::string& title) {
    auto tasks = jsonOf(host().call("hr", "GET", plan))->getArray("tasks");
    for (std::size_t i = 0; tasks && i < tasks->size(); ++i) {
      auto task = tasks->getObject(static_cast<unsigned>(i));
      if (task->getValue<std::string>("title") == title) {
        return std::to_string(task->getValue<std::int64_t>("id"));
      }
    }
    ADD_FAILURE() << "no task " << title;
    return "0";
  }

  static std::string templateBody(std::int64_t unitId, const std::string& tasks) {
    return "{\"name\":\"Sales onboarding\",\"orgUnitId\":" + std::to_string(unitId) +
           ",\"tasks\":" + tasks + "}";
  }

  const std::string templates_ = "/api/v1/recruiting/onboarding-templates";
  const std::string plans_ = "/api/v1/recruiting/onboarding-plans";
};

TEST_P(OnboardingApiTest, TemplatesNameEachBadFieldAndRefuseStaleOrDoubleOnes) {
  auto bad = host().call("hr", "POST", templates_,
                         R"({"name":"","orgUnitId":5,"positionId":6,"tasks":[{"title":"Contract",)"
                         R"("ownerRole":"boss","dueOffsetDays":1000,"colour":"red"}],)"
                         R"("trainings":[{"programId":3},{"programId":3}]})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.header("content-type"), "application/problem+json");
  EXPECT_EQ(
      errorsOf(bad),
      (std::vector<std::string>{
          "name: must not be empty", "orgUnitId: give exactly one of orgUnitId and positionId",
          "tasks[0].ownerRole: must be one of: hr, it, manager, mentor, new_hire",
          "tasks[0].dueOffsetDays: must be within 730 days of the start date",
          "tasks[0].colour: is not a known field", "trainings[1].programId: is named twice"}));
  auto missing = host().call("hr", "POST", templates_, templateBody(987654, "[]"));
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(errorsOf(missing),
            (std::vector<std::string>{"orgUnitId: there is no org unit 987654 open today"}));

  const std::string boss = uniqueCode("tplboss");
  host().addUser(boss, "manager");
  auto unit = host().headedUnit(boss, uniqueCode("TPL"));
  auto created = host().call(
      "hr", "POST", templates_,
      templateBody(unit.unitId, R"([{"title":"Contract","ownerRole":"hr","dueOffsetDays":-5}])"));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("etag"), "\"1\"");
  auto path = templates_ + "/" + std::to_string(RecruitingHost::idIn(created.body));
  auto task = jsonOf(created)->getArray("tasks")->getObject(0);
  EXPECT_EQ(task->getValue<std::int64_t>("order"), 1);
  EXPECT_EQ(task->getValue<std::int64_t>("dueOffsetDays"), -5);
  EXPECT_EQ(host().call("hr", "POST", templates_, templateBody(unit.unitId, "[]")).status, 409);

  auto change =
      templateBody(unit.unitId, R"([{"title":"Badge","ownerRole":"it","dueOffsetDays":0}])");
  EXPECT_EQ(host().call("hr", "PUT", path, change).status, 428);
  EXPECT_EQ(host().call("hr", "PUT", path, change, {{"If-Match", "\"7\""}}).status, 409);
  auto changed = host().call("hr", "PUT", path, change, {{"If-Match", "\"1\""}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.header("etag"), "\"2\"");
  EXPECT_EQ(jsonOf(changed)->getArray("tasks")->getObject(0)->getValue<std::string>("title"),
            "Badge");
  EXPECT_EQ(host().call(boss, "GET", path).status, 200);
  EXPECT_EQ(host().call("employee", "GET", path).status, 403);
  EXPECT_EQ(host().call(boss, "PUT", path, change, {{"If-Match", "\"2\""}}).status, 403);
  EXPECT_EQ(host().call("hr", "DELETE", path, "", {{"If-Match", "\"2\""}}).status, 204);
  EXPECT_EQ(host().call("hr", "GET", path).status, 404);
}

TEST_P(OnboardingApiTest, APlanIsSeenByItsPeopleAndItsTasksTickedByTheirOwners) {
  const std::string code = uniqueCode("PLAN");
  // Logins are kept in lower case.
  const std::string boss = uniqueCode("planboss"), nia = uniqueCode("nia"),
                    chen = uniqueCode("chen"), bystander = uniqueCode("bystander");
  host().addUser(boss, "manager");
  for (const auto& user : {nia, chen, bystander}) host().addUser(user, "employee");
  auto unit = host().headedUnit(boss, code);
  auto niaId = host().linkEmployee(nia, unit.unitId, code + "-N");
  auto chenId = host().linkEmployee(chen, unit.unitId, code + "-C");
  host().linkEmployee(bystander, unit.unitId, code + "-B");
  auto program = host().call("hr", "POST", "/api/v1/recruiting/training-programs",
                             "{\"code\":\"" + code +
                                 "-101\",\"name\":\"Sales basics\","
                                 "\"durationDays\":14}");
  ASSERT_EQ(program.status, 201) << program.body;
  auto made =
      host().call("hr", "POST", templates_,
                  "{\"name\":\"Sales onboarding\",\"orgUnitId\":" + std::to_string(unit.unitId) +
                      R"(,"tasks":[{"title":"Contract","ownerRole":"hr","dueOffsetDays":-20},)"
                      R"({"title":"Handbook","ownerRole":"new_hire","dueOffsetDays":20},)"
                      R"({"title":"One-to-one","ownerRole":"manager","dueOffsetDays":30},)"
                      R"({"title":"Shadow a call","ownerRole":"mentor","dueOffsetDays":40}],)"
                      R"("trainings":[{"programId":)" +
                      std::to_string(RecruitingHost::idIn(program.body)) + "}]}");
  ASSERT_EQ(made.status, 201) << made.body;

  const std::string start = addDays(today(), -10);
  const std::string body =
      "{\"employeeId\":" + std::to_string(niaId) + ",\"startDate\":\"" + start + "\"}";
  auto created = host().call("hr", "POST", plans_, body);
  ASSERT_EQ(created.status, 201) << created.body;
  auto plan = jsonOf(created);
  const std::string path = plans_ + "/" + std::to_string(plan->getValue<std::int64_t>("id"));
  EXPECT_EQ(plan->getValue<std::int64_t>("managerEmployeeId"), unit.headEmployeeId);
  EXPECT_EQ(plan->getValue<std::int64_t>("templateId"), RecruitingHost::idIn(made.body));
  auto progress = plan->getObject("progress");
  EXPECT_EQ(progress->getValue<std::int64_t>("tasks"), 4);
  EXPECT_EQ(progress->getValue<std::int64_t>("overdue"), 1);
  EXPECT_EQ(progress->getValue<std::int64_t>("trainings"), 1);
  auto contract = plan->getArray("tasks")->getObject(0);
  EXPECT_EQ(contract->getValue<std::string>("dueDate"), addDays(start, -20));
  EXPECT_TRUE(contract->getValue<bool>("overdue"));
  EXPECT_EQ(plan->getArray("trainings")->getObject(0)->getValue<std::string>("dueDate"),
            addDays(start, 14));
  EXPECT_EQ(host().call("hr", "POST", plans_, body).status, 409) << "one open plan a person";

  // Who sees what.
  EXPECT_EQ(taskTitles(nia, path), (std::vector<std::string>{"Handbook"}));
  EXPECT_EQ(taskTitles(boss, path).size(), 4u);
  EXPECT_EQ(host().call(bystander, "GET", path).status, 403);
  EXPECT_EQ(jsonOf(host().call(bystander, "GET", plans_))->getArray("items")->size(), 0u);
  EXPECT_EQ(jsonOf(host().call(boss, "GET", plans_))->getArray("items")->size(), 1u);
  auto overdue =
      host().call("hr", "GET", plans_ + "?overdue=true&employeeId=" + std::to_string(niaId));
  EXPECT_EQ(jsonOf(overdue)->getArray("items")->size(), 1u);
  EXPECT_EQ(host().call("hr", "GET", plans_ + "?overdue=maybe").status, 400);
  auto csv = host().call("hr", "GET", plans_ + "?format=csv&employeeId=" + std::to_string(niaId));
  EXPECT_EQ(csv.body.substr(0, csv.body.find('\n')),
            "id,employeeId,managerEmployeeId,mentorEmployeeId,startDate,completedAt,tasks,done,"
            "overdue,percent\r");

  // Who ticks what.
  auto handbook = path + "/tasks/" + taskId(path, "Handbook");
  auto ticked = host().call(nia, "POST", handbook + "/done");
  ASSERT_EQ(ticked.status, 200) << ticked.body;
  EXPECT_TRUE(jsonOf(ticked)->getValue<bool>("done"));
  EXPECT_EQ(jsonOf(ticked)->getValue<std::string>("doneBy"), nia);
  EXPECT_EQ(
      host().call(nia, "POST", path + "/tasks/" + taskId(path, "One-to-one") + "/done").status,
      403);
  EXPECT_EQ(host().call(nia, "POST", handbook + "/reopen", "", {{"If-Match", "\"1\""}}).status,
            409);

  // The manager names the mentor, who then finds their task waiting.
  const std::string mentor = "{\"mentorEmployeeId\":" + std::to_string(chenId) + "}";
  EXPECT_EQ(host().call(boss, "PATCH", path, mentor).status, 428);
  EXPECT_EQ(errorsOf(host().call(boss, "PATCH", path, R"({"mentorEmployeeId":"chen"})")),
            (std::vector<std::string>{"mentorEmployeeId: must be a whole number, not a string"}));
  auto named = host().call(boss, "PATCH", path, mentor,
                           {{"If-Match", host().call(boss, "GET", path).header("etag")}});
  ASSERT_EQ(named.status, 200) << named.body;
  EXPECT_EQ(jsonOf(named)->getValue<std::int64_t>("mentorEmployeeId"), chenId);
  auto waiting = jsonOf(host().call(chen, "GET", plans_ + "/my-tasks"))->getArray("items");
  ASSERT_EQ(waiting->size(), 1u);
  EXPECT_EQ(waiting->getObject(0)->getValue<std::string>("title"), "Shadow a call");
  EXPECT_EQ(jsonOf(host().call(nia, "GET", plans_ + "/my-tasks"))->getArray("items")->size(), 0u);
}

TEST_P(OnboardingApiTest, AHireBeginsTheNewHiresPlanFromTheTemplateOfTheirUnit) {
  const auto& w = world();
  auto made = host().call(
      "hr", "POST", templates_,
      templateBody(w.unitId,
                   R"([{"title":"Welcome lunch","ownerRole":"manager","dueOffsetDays":1}])"));
  ASSERT_EQ(made.status, 201) << made.body;
  auto ada = applicant(openRequisition(position("Onboarding AE")).first, "Ada");
  const std::string api = "/api/v1/recruiting";
  auto offer = host().call("hr", "POST", api + "/offers",
                           "{\"applicationId\":" + std::to_string(ada) +
                               ",\"salary\":60000,\"startDate\":\"2026-03-02\",\"terms\":\"Base\","
                               "\"expiresOn\":\"2099-12-31\"}");
  ASSERT_EQ(offer.status, 201) << offer.body;
  for (const char* step : {"/extend", "/accept"}) {
    auto path = api + "/offers/" + std::to_string(RecruitingHost::idIn(offer.body)) + step;
    ASSERT_EQ(host().call("hr", "POST", path).status, 200) << step;
  }
  auto hired = host().call("hr", "POST", api + "/applications/" + std::to_string(ada) + "/hire",
                           "{\"employeeNumber\":\"ONB-ADA\"}");
  ASSERT_EQ(hired.status, 201) << hired.body;
  auto employee = jsonOf(hired)->getValue<std::int64_t>("employeeId");

  auto plans =
      jsonOf(host().call("manager", "GET", plans_ + "?employeeId=" + std::to_string(employee)))
          ->getArray("items");
  ASSERT_EQ(plans->size(), 1u);
  auto plan = plans->getObject(0);
  EXPECT_EQ(plan->getValue<std::int64_t>("applicationId"), ada);
  EXPECT_EQ(plan->getValue<std::int64_t>("templateId"), RecruitingHost::idIn(made.body));
  EXPECT_EQ(plan->getValue<std::int64_t>("managerEmployeeId"), w.managerId);
  EXPECT_EQ(plan->getValue<std::string>("startDate"), "2026-03-02");
  auto detail = jsonOf(
      host().call("hr", "GET", plans_ + "/" + std::to_string(plan->getValue<std::int64_t>("id"))));
  auto lunch = detail->getArray("tasks")->getObject(0);
  EXPECT_EQ(lunch->getValue<std::string>("dueDate"), "2026-03-03");
  EXPECT_EQ(lunch->getValue<std::int64_t>("ownerEmployeeId"), w.managerId);
}

TEST_P(OnboardingApiTest, ASubmittedRequisitionTellsTheApproverItWaitsFor) {
  const std::string code = uniqueCode("APPR");
  const std::string boss = code + "boss";
  host().addUser(boss, "manager");
  auto unit = host().headedUnit(boss, code);
  auto created =
      host().call("hr", "POST", "/api/v1/recruiting/requisitions",
                  "{\"title\":\"Field rep\",\"orgUnitId\":" + std::to_string(unit.unitId) +
                      ",\"newPositionTitle\":\"Field rep\",\"salaryMin\":40000,\"salaryMax\":52000,"
                      "\"currency\":\"EUR\",\"wantedStartDate\":\"2030-01-15\",\"criteria\":"
                      "[{\"name\":\"Closing\"}]}");
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = std::to_string(RecruitingHost::idIn(created.body));
  auto submitted = host().call("hr", "POST", "/api/v1/recruiting/requisitions/" + id + "/submit");
  ASSERT_EQ(submitted.status, 200) << submitted.body;

  auto queued = jsonOf(host().call("hr", "GET", "/api/v1/recruiting/notifications?state=queued"))
                    ->getArray("items");
  std::vector<std::string> found;
  for (std::size_t i = 0; i < queued->size(); ++i) {
    auto n = queued->getObject(static_cast<unsigned>(i));
    if (n->getValue<std::string>("kind") == "approval_waiting" &&
        n->getValue<std::string>("recipientEmail") == code + "-HEAD@example.com") {
      found.push_back(n->getValue<std::string>("subject"));
    }
  }
  EXPECT_EQ(found, std::vector<std::string>{"Approval waiting: requisition " + id + " Field rep"});
  EXPECT_EQ(host().call(boss, "GET", "/api/v1/recruiting/notifications").status, 403);
}

RECRUITING_ON_EVERY_ENGINE(OnboardingApiTest);

}  // namespace
}  // namespace cadre::recruiting::test
