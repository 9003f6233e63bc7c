// The requisition API over HTTP, served by the real host with the real territory and recruiting
// plugins on SQLite and PostgreSQL. One host per engine runs the whole story: starting a host and
// logging users in is what costs time here.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "recruiting_host.hpp"

namespace cadre::recruiting::test {
namespace {

const std::string kRequisitionsApi = "/api/v1/recruiting/requisitions";

std::string body(std::int64_t unitId, const std::string& title, const std::string& extra = "") {
  return "{\"title\":\"" + title + "\",\"orgUnitId\":" + std::to_string(unitId) +
         ",\"newPositionTitle\":\"" + title +
         "\",\"salaryMin\":40000,\"salaryMax\":52000,\"currency\":\"EUR\","
         "\"wantedStartDate\":\"2030-01-15\",\"criteria\":[{\"name\":\"Prospecting\","
         "\"weight\":2},{\"name\":\"Closing\"}]" +
         extra + "}";
}

class RequisitionApiTest : public SharedRecruitingHost {
 protected:
  HttpReply post(const std::string& user, const std::string& path, const std::string& text = "") {
    return host().call(user, "POST", kRequisitionsApi + path, text);
  }
  HttpReply get(const std::string& user, const std::string& path) {
    return host().call(user, "GET", kRequisitionsApi + path);
  }
};

TEST_P(RequisitionApiTest, ARequisitionGoesFromDraftThroughItsChainToOpenWithEveryCheckOnTheWay) {
  auto& h = host();
  h.addUser("ceo", "manager");
  h.addUser("lead", "manager");
  h.addUser("other", "manager");
  auto company = h.headedUnit("ceo", uniqueCode("ACME"));
  auto team = h.headedUnit("lead", uniqueCode("SALES"), company.unitId);
  auto otherTeam = h.headedUnit("other", uniqueCode("SERVICE"), company.unitId);

  // Malformed input names every bad field and writes nothing.
  auto bad = post("hr", "",
                  "{\"title\":\"\",\"orgUnitId\":\"x\",\"salaryMin\":1,\"currency\":\"EURO\","
                  "\"wantedStartDate\":\"2030-02-30\",\"criteria\":[{\"weight\":1,\"colour\":1},"
                  "3],\"shoeSize\":9}");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.header("content-type"), "application/problem+json");
  EXPECT_EQ(fieldsOf(bad),
            (std::vector<std::string>{
                "title: must not be empty", "orgUnitId: must be a whole number, not a string",
                "salaryMax: is required", "currency: must be at most 3 characters",
                "wantedStartDate: must be a date as YYYY-MM-DD",
                "criteria[1]: must be an object, not a number", "criteria[0].name: is required",
                "criteria[0].colour: is not a known field", "shoeSize: is not a known field"}));
  EXPECT_EQ(h.call("manager", "POST", kRequisitionsApi, body(team.unitId, "Rep")).status, 403);

  auto created = post("hr", "", body(team.unitId, "Field sales rep", ",\"openings\":2"));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("etag"), "\"1\"");
  auto req = jsonOf(created);
  const auto id = std::to_string(req->getValue<std::int64_t>("id"));
  EXPECT_EQ(req->getValue<std::int64_t>("hiringManagerId"), team.headEmployeeId);
  EXPECT_EQ(req->getValue<std::string>("state"), "draft");
  EXPECT_EQ(req->getArray("criteria")->size(), 2u);

  // Updates need the version read: 428 without, 409 when stale.
  const std::string path = kRequisitionsApi + "/" + id;
  EXPECT_EQ(h.call("hr", "PATCH", path, "{\"openings\":3}").status, 428);
  auto stale = h.call("hr", "PATCH", path, "{\"openings\":3}", {{"If-Match", "\"7\""}});
  EXPECT_EQ(stale.status, 409);
  auto changed = h.call("hr", "PATCH", path, "{\"openings\":3}", {{"If-Match", "\"1\""}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.header("etag"), "\"2\"");
  EXPECT_EQ(jsonOf(changed)->getValue<std::int64_t>("openings"), 3);
  EXPECT_EQ(h.call("hr", "PATCH", path, "{\"openings\":4}", {{"If-Match", "\"1\""}}).status, 409);

  // The chain: the lead, then the ceo above them, then HR; nobody else, in no other order.
  auto submitted = post("hr", "/" + id + "/submit");
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  EXPECT_EQ(jsonOf(submitted)->getValue<std::string>("state"), "pending_approval");
  auto tooEarly = post("ceo", "/" + id + "/approve", "{\"comment\":\"fine\"}");
  EXPECT_EQ(tooEarly.status, 403);
  EXPECT_EQ(jsonOf(tooEarly)->getValue<std::string>("detail"),
            "step 1 of requisition " + id + " waits for employee " +
                std::to_string(team.headEmployeeId) + " (the hiring manager)");
  EXPECT_EQ(post("other", "/" + id + "/approve").status, 403);
  EXPECT_EQ(post("employee", "/" + id + "/approve").status, 403);
  EXPECT_EQ(post("lead", "/" + id + "/approve", "{\"comment\":\"we need them\"}").status, 200);
  EXPECT_EQ(post("ceo", "/" + id + "/reject").status, 400);  // a rejection needs a comment
  EXPECT_EQ(post("ceo", "/" + id + "/approve").status, 200);
  auto opened = post("hr", "/" + id + "/approve");
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(jsonOf(opened)->getValue<std::string>("state"), "open");
  EXPECT_FALSE(jsonOf(opened)->isNull("openedAt"));

  auto approvals = jsonOf(get("lead", "/" + id + "/approvals"));
  auto steps = approvals->getArray("steps");
  ASSERT_EQ(steps->size(), 3u);
  EXPECT_EQ(steps->getObject(0)->getValue<std::string>("approverRole"), "hiring_manager");
  EXPECT_EQ(steps->getObject(0)->getValue<std::string>("comment"), "we need them");
  EXPECT_EQ(steps->getObject(0)->getValue<std::string>("decidedBy"), "lead");
  EXPECT_EQ(steps->getObject(1)->getValue<std::string>("decidedBy"), "ceo");
  EXPECT_EQ(steps->getObject(2)->getValue<std::string>("approverRole"), "hr");
  EXPECT_TRUE(approvals->isNull("waitingFor"));

  // Transitions are named when refused.
  auto reopen = post("hr", "/" + id + "/reopen");
  EXPECT_EQ(reopen.status, 422);
  EXPECT_EQ(jsonOf(reopen)->getValue<std::string>("detail"),
            "requisition " + id + " cannot go from open to open");
  EXPECT_EQ(post("hr", "/" + id + "/hold", "{\"reason\":\"budget review\"}").status, 200);
  EXPECT_EQ(jsonOf(post("hr", "/" + id + "/reopen"))->getValue<std::string>("state"), "open");

  // A hiring manager sees their own requisitions, and those they approve; no one else's.
  auto others = post("hr", "", body(otherTeam.unitId, "Service engineer"));
  ASSERT_EQ(others.status, 201) << others.body;
  const auto otherId = std::to_string(RecruitingHost::idIn(others.body));
  EXPECT_EQ(get("lead", "/" + otherId).status, 403);
  EXPECT_EQ(get("other", "/" + otherId).status, 200);
  auto leadList = jsonOf(get("lead", ""))->getArray("items");
  ASSERT_EQ(leadList->size(), 1u);
  EXPECT_EQ(std::to_string(leadList->getObject(0)->getValue<std::int64_t>("id")), id);
  EXPECT_EQ(jsonOf(get("ceo", ""))->getArray("items")->size(), 1u);
  EXPECT_EQ(jsonOf(get("employee", ""))->getArray("items")->size(), 0u);

  // Pages follow the cursor; CSV has every row.
  post("hr", "", body(otherTeam.unitId, "Service lead"));
  auto filter = "?orgUnitId=" + std::to_string(otherTeam.unitId);
  auto first = jsonOf(get("hr", filter + "&limit=1"));
  ASSERT_EQ(first->getArray("items")->size(), 1u);
  EXPECT_EQ(std::to_string(first->getArray("items")->getObject(0)->getValue<std::int64_t>("id")),
            otherId);
  auto second =
      jsonOf(get("hr", filter + "&limit=1&cursor=" + first->getValue<std::string>("next")));
  ASSERT_EQ(second->getArray("items")->size(), 1u);
  EXPECT_EQ(second->getArray("items")->getObject(0)->getValue<std::string>("title"),
            "Service lead");
  EXPECT_TRUE(second->isNull("next"));
  EXPECT_EQ(get("hr", "?state=closed").status, 400);
  auto csv = get("hr", filter + "&format=csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, csv.body.find('\n')),
            "id,title,orgUnitId,positionId,territoryId,hiringManagerId,openings,filled,state,"
            "salaryMin,salaryMax,currency,wantedStartDate,openedAt,filledAt,timeToFillDays\r");
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 3);
}

RECRUITING_ON_EVERY_ENGINE(RequisitionApiTest);

}  // namespace
}  // namespace cadre::recruiting::test
