// The recruiting reports over HTTP, served by the real host with the real territory and
// recruiting plugins on SQLite and PostgreSQL: the JSON and CSV of each report over the known
// history of analytics_story.hpp (written straight into the host's database), the scope's
// validation, and who sees what.
#include <map>

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "analytics_story.hpp"
#include "db/sql_database.hpp"
#include "recruiting_host.hpp"

namespace cadre::recruiting::test {
namespace {

const std::string kAnalyticsApi = "/api/v1/recruiting/analytics/";
const std::map<std::string, std::string> kCsv{{"Accept", "text/csv"}};

class AnalyticsApiTest : public SharedRecruitingHost {
 protected:
  /// An employee of the unit without a login.
  std::int64_t employee(const std::string& given, const std::string& family, std::int64_t unitId) {
    auto number = uniqueCode("E");
    auto reply = host().call("hr", "POST", "/api/v1/territory/employees",
                             "{\"employeeNumber\":\"" + number + "\",\"givenName\":\"" + given +
                                 "\",\"familyName\":\"" + family + "\",\"email\":\"" + number +
                                 "@example.com\",\"hireDate\":\"2020-01-01\",\"orgUnitId\":" +
                                 std::to_string(unitId) + "}");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return RecruitingHost::idIn(reply.body);
  }

  HttpReply get(const std::string& user, const std::string& path,
                const std::map<std::string, std::string>& headers = {}) {
    return host().call(user, "GET", kAnalyticsApi + path, "", headers);
  }
};

TEST_P(AnalyticsApiTest, EveryReportAnswersJsonAndCsvForHrAndTheHiringManagersOwnRequisitions) {
  auto& h = host();
  h.addUser("lead", "manager");
  h.addUser("lead2", "manager");
  auto company = h.headedUnit("lead", uniqueCode("ACME"));
  AnalyticsPeople people;
  people.managerOne = company.headEmployeeId;
  people.managerTwo = h.headedUnit("lead2", uniqueCode("SALES"), company.unitId).headEmployeeId;
  people.interviewerOne = employee("Ines", "One", company.unitId);
  people.interviewerTwo = employee("Ivo", "Two", company.unitId);
  people.interviewerThree = employee("Ida", "Three", company.unitId);
  people.referrer = employee("Rita", "Referrer", company.unitId);
  auto db = db::openDatabase(h.databaseUrl());
  auto story = writeAnalyticsStory(*db, people);
  const auto r1 = std::to_string(story.fieldSales);
  const auto r2 = std::to_string(story.insideSales);

  auto funnel = get("hr", "funnel?requisitionId=" + r1);
  ASSERT_EQ(funnel.status, 200) << funnel.body;
  EXPECT_EQ(jsonOf(funnel)->getArray("stages")->size(), 7u);
  EXPECT_EQ(funnel.body.substr(0, funnel.body.find("{\"code\":\"interview\"")),
            "{\"requisitionId\":" + r1 +
                ",\"from\":null,\"to\":null,\"applications\":12,\"stages\":["
                "{\"code\":\"applied\",\"name\":\"Applied\",\"kind\":\"active\",\"order\":1,"
                "\"reached\":12,\"current\":1,\"rejectedHere\":1,\"withdrawnHere\":1,"
                "\"conversion\":null,\"ofFirst\":null},"
                "{\"code\":\"screening\",\"name\":\"Screening\",\"kind\":\"active\",\"order\":2,"
                "\"reached\":8,\"current\":1,\"rejectedHere\":2,\"withdrawnHere\":0,"
                "\"conversion\":0.6667,\"ofFirst\":0.6667},");

  auto funnelCsv = get("lead", "funnel?requisitionId=" + r1, kCsv);
  ASSERT_EQ(funnelCsv.status, 200) << funnelCsv.body;
  EXPECT_EQ(funnelCsv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(funnelCsv.header("content-disposition"),
            "attachment; filename=\"recruiting-funnel-requisition-" + r1 + ".csv\"");
  EXPECT_EQ(funnelCsv.body,
            "code,name,kind,order,reached,current,rejectedHere,withdrawnHere,conversion,ofFirst\r\n"
            "applied,Applied,active,1,12,1,1,1,,\r\n"
            "screening,Screening,active,2,8,1,2,0,0.6667,0.6667\r\n"
            "interview,Interview,active,3,7,1,2,0,0.875,0.5833\r\n"
            "offer,Offer,active,4,3,0,0,1,0.4286,0.25\r\n"
            "hired,Hired,hired,5,2,2,0,0,0.6667,0.1667\r\n"
            "rejected,Rejected,rejected,6,5,5,0,0,,\r\n"
            "withdrawn,Withdrawn,withdrawn,7,2,2,0,0,,\r\n");

  auto hires = get("hr", "time-to-hire?from=2025-03-10&to=2025-03-31");
  ASSERT_EQ(hires.status, 200) << hires.body;
  EXPECT_EQ(hires.body.substr(0, hires.body.find("\"items\"")),
            "{\"requisitionId\":null,\"from\":\"2025-03-10\",\"to\":\"2025-03-31\",\"count\":2,"
            "\"meanDays\":60,\"medianDays\":60,\"p90Days\":61,");
  EXPECT_EQ(jsonOf(hires)->getArray("items")->getObject(0)->getValue<std::int64_t>("days"), 59);
  auto fills = get("hr", "time-to-fill?format=csv");
  EXPECT_EQ(fills.body,
            "requisitionId,title,orgUnitId,openings,openedAt,filledAt,days\r\n" + r1 +
                ",Field sales rep,1,2,2025-01-06T09:00:00Z,2025-03-17T12:00:00Z,70\r\n" + r2 +
                ",Inside sales rep,1,1,2025-02-03T09:00:00Z,2025-05-05T12:00:00Z,91\r\n");

  auto sources = get("hr", "sources", kCsv);
  EXPECT_EQ(sources.body,
            "source,applications,hires,hireRate,currency,cost,costPerHire\r\n"
            "job_board,5,1,0.2,EUR,500,500\r\n"
            "referral,3,1,0.3333,EUR,1000,1000\r\n"
            "agency,3,1,0.3333,EUR,10500,10500\r\n"
            "campus,2,0,0,,,\r\n"
            "direct,3,0,0,,,\r\n"
            "event,2,0,0,EUR,75,\r\n"
            "event,2,0,0,USD,50,\r\n");

  // The lead hires for field sales and key accounts: inside sales' interview is not theirs.
  auto load = get("lead", "interviewers", kCsv);
  EXPECT_EQ(
      load.body,
      "employeeId,name,interviews,upcoming,scorecardsSubmitted,scorecardsPending,"
      "oldestPendingEndedAt\r\n" +
          std::to_string(people.interviewerOne) + ",Ines One,4,1,2,1,2025-02-10T10:00:00Z\r\n" +
          std::to_string(people.interviewerTwo) + ",Ivo Two,1,0,1,0,\r\n" +
          std::to_string(people.interviewerThree) + ",Ida Three,1,0,0,1,2025-02-10T10:00:00Z\r\n");
  auto offers = get("hr", "offers", kCsv);
  EXPECT_EQ(offers.body,
            "requisitionId,requisitionTitle,made,accepted,declined,expired,withdrawn,open,"
            "acceptanceRate\r\n" +
                r1 + ",Field sales rep,4,2,1,0,1,0,0.6667\r\n" + r2 +
                ",Inside sales rep,3,1,0,1,0,1,0.5\r\n,total,7,3,1,1,1,1,0.6\r\n");
  auto rate = jsonOf(get("lead2", "offers"))->getObject("total");
  EXPECT_EQ(rate->getValue<double>("acceptanceRate"), 0.5);

  // Who sees what.
  auto notTheirs = get("lead", "funnel?requisitionId=" + r2);
  EXPECT_EQ(notTheirs.status, 403);
  EXPECT_EQ(jsonOf(notTheirs)->getValue<std::string>("detail"),
            "the figures of requisition " + r2 + " are seen by HR and its hiring manager only");
  EXPECT_EQ(get("employee", "sources").status, 403);
  EXPECT_EQ(get("", "sources").status, 401);
  EXPECT_EQ(get("hr", "offers?requisitionId=999999").status, 404);

  // A bad scope names each bad parameter.
  auto badDates = get("hr", "funnel?from=2025-02-30&to=soon");
  EXPECT_EQ(badDates.status, 400);
  EXPECT_EQ(badDates.header("content-type"), "application/problem+json");
  EXPECT_EQ(fieldsOf(badDates),
            (std::vector<std::string>{"from: '2025-02-30' is not a date YYYY-MM-DD",
                                      "to: 'soon' is not a date YYYY-MM-DD"}));
  EXPECT_EQ(fieldsOf(get("hr", "sources?from=2025-03-01&to=2025-02-28")),
            (std::vector<std::string>{"to: must not be before from (2025-03-01)"}));
  auto badId = get("hr", "interviewers?requisitionId=first");
  EXPECT_EQ(badId.status, 400);
  EXPECT_EQ(fieldsOf(badId).size(), 1u);
  EXPECT_EQ(fieldsOf(badId)[0].substr(0, 15), "requisitionId: ");
}

RECRUITING_ON_EVERY_ENGINE(AnalyticsApiTest);

}  // namespace
}  // namespace cadre::recruiting::test
