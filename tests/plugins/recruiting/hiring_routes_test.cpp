// The interviews, scorecards, offers and hire over HTTP on the real host, one host per engine.
#include <gtest/gtest.h>

#include "hiring_host.hpp"
#include "table_content.hpp"

namespace cadre::recruiting::test {
namespace {

const std::string kRecruitingApi = "/api/v1/recruiting";

std::string id(std::int64_t value) {
  return std::to_string(value);
}

class HiringRoutesTest : public HiringHostTest {
 protected:
  /// Schedules an interview as "manager".
  HttpReply schedule(std::int64_t applicationId, const std::string& startsAt,
                     const std::string& endsAt, const std::vector<std::int64_t>& panel,
                     const std::string& place = "\"location\":\"Room 4\"") {
    std::string interviewers;
    for (auto employee : panel) {
      interviewers +=
          (interviewers.empty() ? "" : ",") + std::string("{\"employeeId\":") + id(employee) + "}";
    }
    return host().call("manager", "POST", kRecruitingApi + "/interviews",
                       "{\"applicationId\":" + id(applicationId) + ",\"startsAt\":\"" + startsAt +
                           "\",\"endsAt\":\"" + endsAt + "\"," + place + ",\"interviewers\":[" +
                           interviewers + "]}");
  }

  /// An offer made, extended and accepted over HTTP; returns its id.
  std::int64_t acceptedOffer(std::int64_t applicationId, const std::string& salary = "60000") {
    auto made = host().call("hr", "POST", kRecruitingApi + "/offers",
                            "{\"applicationId\":" + id(applicationId) + ",\"salary\":" + salary +
                                ",\"startDate\":\"2026-03-02\",\"terms\":\"Base salary\","
                                "\"expiresOn\":\"2099-12-31\"}");
    EXPECT_EQ(made.status, 201) << made.body;
    auto offer = RecruitingHost::idIn(made.body);
    for (const char* step : {"extend", "accept"}) {
      auto reply = host().call("hr", "POST", kRecruitingApi + "/offers/" + id(offer) + "/" + step);
      EXPECT_EQ(reply.status, 200) << step << ": " << reply.body;
    }
    return offer;
  }

  std::vector<std::int64_t> idsOf(const HttpReply& reply) {
    std::vector<std::int64_t> ids;
    auto items = jsonOf(reply)->getArray("items");
    for (std::size_t i = 0; items && i < items->size(); ++i) {
      ids.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id"));
    }
    return ids;
  }
};

TEST_P(HiringRoutesTest, InterviewsWarnOfDoubleBookingsShowOnlyToTheirPanelAndAnswerAsIcs) {
  const auto& w = world();
  auto requisitionId = openRequisition(position("Account Executive")).first;
  auto ada = applicant(requisitionId, "Ada");
  auto grace = applicant(requisitionId, "Grace");

  auto first = schedule(ada, "2027-02-01T10:00+01:00", "2027-02-01T11:00+01:00", {w.iv1, w.iv2});
  ASSERT_EQ(first.status, 201) << first.body;
  auto one = orderedJsonOf(first);
  auto firstId = one->getValue<std::int64_t>("id");
  EXPECT_EQ(one->getValue<std::string>("startsAt"), "2027-02-01T09:00:00Z");
  EXPECT_EQ(one->getValue<std::string>("candidateName"), "Ada Lovelace");
  EXPECT_EQ(text(one->get("interviewers")), "[{\"employeeId\":" + id(w.iv1) +
                                                ",\"name\":\"iv1 HIRE-IV1\"},{\"employeeId\":" +
                                                id(w.iv2) + ",\"name\":\"iv2 HIRE-IV2\"}]");
  EXPECT_EQ(text(one->get("doubleBookings")), "[]");

  auto second = schedule(grace, "2027-02-01T09:30:00Z", "2027-02-01T10:30:00Z", {w.iv1},
                         "\"meetingLink\":\"https://meet.example.com/x\"");
  ASSERT_EQ(second.status, 201) << second.body;
  auto secondId = RecruitingHost::idIn(second.body);
  EXPECT_EQ(text(orderedJsonOf(second)->get("doubleBookings")),
            "[{\"interviewerId\":" + id(w.iv1) + ",\"interviewId\":" + id(firstId) +
                ",\"startsAt\":\"2027-02-01T09:00:00Z\",\"endsAt\":\"2027-02-01T10:00:00Z\"}]");

  // The calendar file, for someone on the panel.
  auto ics = host().call("iv2", "GET", kRecruitingApi + "/interviews/" + id(firstId) + "/ics");
  ASSERT_EQ(ics.status, 200) << ics.body;
  EXPECT_EQ(ics.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_NE(ics.body.find("\r\nUID:" + one->getValue<std::string>("icsUid") + "\r\n"),
            std::string::npos);
  EXPECT_NE(ics.body.find("\r\nDTSTART:20270201T090000Z\r\nDTEND:20270201T100000Z\r\n"
                          "SUMMARY:Interview: Ada Lovelace (Account Executive)\r\n"),
            std::string::npos);

  // An interviewer sees the interviews they sit on, nobody else's candidates.
  auto filter = "?applicationId=";
  EXPECT_EQ(host().call("iv2", "GET", kRecruitingApi + "/interviews/" + id(secondId)).status, 404);
  EXPECT_EQ(
      host().call("iv2", "GET", kRecruitingApi + "/interviews/" + id(secondId) + "/ics").status,
      404);
  EXPECT_EQ(idsOf(host().call("iv2", "GET", kRecruitingApi + "/interviews" + filter + id(grace))),
            std::vector<std::int64_t>{});
  EXPECT_EQ(idsOf(host().call("iv1", "GET",
                              kRecruitingApi + "/interviews?interviewerId=" + id(w.iv1) +
                                  "&from=2027-02-01T00:00Z&to=2027-02-02T00:00Z")),
            (std::vector<std::int64_t>{firstId, secondId}));
  EXPECT_EQ(
      idsOf(host().call("employee", "GET", kRecruitingApi + "/interviews" + filter + id(ada))),
      std::vector<std::int64_t>{});
  EXPECT_EQ(
      host().call("iv1", "PATCH", kRecruitingApi + "/interviews/" + id(secondId), "{}").status,
      403);

  // Moving it needs the version read; a stale one is refused.
  auto path = kRecruitingApi + "/interviews/" + id(secondId);
  auto move = "{\"startsAt\":\"2027-02-01T11:00:00Z\",\"endsAt\":\"2027-02-01T12:00:00Z\"}";
  EXPECT_EQ(host().call("manager", "PATCH", path, move).status, 428);
  auto stale = host().call("manager", "PATCH", path, move, {{"If-Match", "\"7\""}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  auto moved = host().call("manager", "PATCH", path, move,
                           {{"If-Match", host().call("manager", "GET", path).header("etag")}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(jsonOf(moved)->getValue<std::int64_t>("icsSequence"), 1);
  EXPECT_EQ(text(orderedJsonOf(moved)->get("doubleBookings")), "[]");

  auto bad = host().call("manager", "POST", kRecruitingApi + "/interviews",
                         "{\"applicationId\":" + id(ada) +
                             ",\"startsAt\":\"tomorrow\",\"endsAt\":\"2027-02-01T09:00Z\","
                             "\"meetingLink\":\"javascript:alert(1)\",\"color\":\"red\"}");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(fieldsOf(bad),
            (std::vector<std::string>{
                "startsAt: not a date and time with a zone, e.g. 2026-11-26T10:30+01:00",
                "meetingLink: not an http or https link", "color: is not a known field"}));
}

TEST_P(HiringRoutesTest, AnInterviewerSeesOthersScoresOnlyAfterSubmittingTheirOwn) {
  const auto& w = world();
  auto opened = openRequisition(position("Account Executive"));
  auto requisitionId = opened.first;
  const auto& criteria = opened.second;
  auto ada = applicant(requisitionId, "Ada");
  // It took place already: scorecards are written after an interview begins.
  auto interview = schedule(ada, "2026-01-10T09:00:00Z", "2026-01-10T10:00:00Z", {w.iv1, w.iv2});
  ASSERT_EQ(interview.status, 201) << interview.body;
  auto interviewId = RecruitingHost::idIn(interview.body);
  auto ratings = [&](int discovery, int closing) {
    return "\"ratings\":[{\"criterionId\":" + id(criteria.at(0)) +
           ",\"rating\":" + std::to_string(discovery) +
           ",\"comment\":\"asked well\"},"
           "{\"criterionId\":" +
           id(criteria.at(1)) + ",\"rating\":" + std::to_string(closing) + "}]";
  };
  auto scorecards = kRecruitingApi + "/scorecards?applicationId=" + id(ada);
  auto scores = kRecruitingApi + "/applications/" + id(ada) + "/scores";

  auto first = host().call("iv1", "POST", kRecruitingApi + "/scorecards",
                           "{\"interviewId\":" + id(interviewId) + "," + ratings(5, 1) +
                               ",\"recommendation\":\"yes\",\"submit\":true}");
  ASSERT_EQ(first.status, 201) << first.body;
  auto firstId = RecruitingHost::idIn(first.body);
  EXPECT_EQ(jsonOf(first)->getValue<std::string>("state"), "submitted");

  // iv2 has not submitted: iv1's scores stay hidden from them.
  EXPECT_EQ(idsOf(host().call("iv2", "GET", scorecards)), std::vector<std::int64_t>{});
  EXPECT_EQ(host().call("iv2", "GET", kRecruitingApi + "/scorecards/" + id(firstId)).status, 404);
  auto hidden = host().call("iv2", "GET", scores);
  EXPECT_EQ(hidden.status, 403);
  EXPECT_EQ(detailOf(hidden), "submit your scorecard for interview " + id(interviewId) +
                                  " before seeing the scores of application " + id(ada));
  auto draft =
      host().call("iv2", "POST", kRecruitingApi + "/scorecards",
                  "{\"interviewId\":" + id(interviewId) +
                      ",\"ratings\":[{\"criterionId\":" + id(criteria.at(0)) + ",\"rating\":2}]}");
  ASSERT_EQ(draft.status, 201) << draft.body;
  auto draftId = RecruitingHost::idIn(draft.body);
  EXPECT_EQ(idsOf(host().call("iv2", "GET", scorecards)), std::vector<std::int64_t>{draftId});
  // Drafts are their author's alone.
  EXPECT_EQ(idsOf(host().call("manager", "GET", scorecards)), std::vector<std::int64_t>{firstId});

  auto draftPath = kRecruitingApi + "/scorecards/" + id(draftId);
  auto incomplete =
      host().call("iv2", "POST", draftPath + "/submit", "", {{"If-Match", draft.header("etag")}});
  EXPECT_EQ(incomplete.status, 422);
  EXPECT_EQ(fieldsOf(incomplete),
            (std::vector<std::string>{"ratings: criterion 'Closing' is not rated",
                                      "recommendation: required to submit"}));
  auto unknown =
      host().call("iv2", "PUT", draftPath, "{\"ratings\":[{\"criterionId\":999999,\"rating\":6}]}",
                  {{"If-Match", draft.header("etag")}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(fieldsOf(unknown),
            (std::vector<std::string>{
                "ratings[0].criterionId: not a criterion of requisition " + id(requisitionId),
                "ratings[0].rating: must be 1 to 5"}));
  EXPECT_EQ(host()
                .call("iv1", "PUT", draftPath, "{" + ratings(1, 1) + "}",
                      {{"If-Match", draft.header("etag")}})
                .status,
            404);
  auto submitted = host().call("iv2", "PUT", draftPath,
                               "{" + ratings(2, 2) + ",\"recommendation\":\"no\",\"submit\":true}",
                               {{"If-Match", draft.header("etag")}});
  ASSERT_EQ(submitted.status, 200) << submitted.body;

  // Now iv2 sees both, and the weighted aggregate: (2*5 + 1*1)/3 and (2*2 + 1*2)/3.
  EXPECT_EQ(idsOf(host().call("iv2", "GET", scorecards)),
            (std::vector<std::int64_t>{firstId, draftId}));
  for (const char* user : {"iv2", "manager", "hr"}) {
    auto summary = host().call(user, "GET", scores);
    ASSERT_EQ(summary.status, 200) << user << ": " << summary.body;
    auto out = orderedJsonOf(summary);
    EXPECT_EQ(out->getValue<std::int64_t>("submittedScorecards"), 2);
    EXPECT_NEAR(out->getValue<double>("weightedAggregate"), 17.0 / 6, 1e-9);
    EXPECT_NEAR(out->getValue<double>("spread"), 5.0 / 3, 1e-9);
    EXPECT_EQ(text(out->get("recommendations")),
              "{\"strong_no\":0,\"no\":1,\"yes\":1,\"strong_yes\":0}");
  }
  auto fixed = host().call("iv2", "PUT", draftPath, "{" + ratings(5, 5) + "}",
                           {{"If-Match", submitted.header("etag")}});
  EXPECT_EQ(fixed.status, 422);
  EXPECT_EQ(host().call("employee", "GET", scores).status, 404);
}

TEST_P(HiringRoutesTest, AnOfferOutsideTheBandIsApprovedThenTheHireAnswersWithTheEmployee) {
  const auto& w = world();
  auto positionId = position("Key Account Manager");
  auto requisitionId = openRequisition(positionId).first;
  auto ada = applicant(requisitionId, "Ada");
  auto made = host().call("hr", "POST", kRecruitingApi + "/offers",
                          "{\"applicationId\":" + id(ada) +
                              ",\"salary\":80000,\"startDate\":\"2026-03-02\",\"terms\":\"Base\","
                              "\"expiresOn\":\"2099-12-31\"}");
  ASSERT_EQ(made.status, 201) << made.body;
  auto offer = kRecruitingApi + "/offers/" + id(RecruitingHost::idIn(made.body));
  EXPECT_EQ(jsonOf(made)->getValue<std::string>("state"), "pending_approval");
  EXPECT_EQ(jsonOf(made)->getValue<std::string>("currency"), "EUR");
  auto early = host().call("hr", "POST", offer + "/extend");
  EXPECT_EQ(early.status, 422);
  EXPECT_EQ(host().call("hr", "POST", offer + "/approve").status, 422);
  EXPECT_EQ(host().call("employee", "GET", offer).status, 403);
  EXPECT_EQ(host().call("manager", "GET", offer).status, 200);
  auto approved = host().call("admin", "POST", offer + "/approve", "{\"comment\":\"exceptional\"}");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(host().call("hr", "POST", offer + "/extend", "", {{"If-Match", "\"1\""}}).status, 409);
  EXPECT_EQ(host().call("hr", "POST", offer + "/extend").status, 200);
  EXPECT_EQ(host().call("hr", "POST", offer + "/accept").status, 200);

  auto hired = host().call("hr", "POST", kRecruitingApi + "/applications/" + id(ada) + "/hire",
                           "{\"employeeNumber\":\"HIRE-ADA\",\"splitPercent\":50}");
  ASSERT_EQ(hired.status, 201) << hired.body;
  auto employeeId = jsonOf(hired)->getValue<std::int64_t>("employeeId");
  EXPECT_EQ(hired.header("location"), "/api/v1/territory/employees/" + id(employeeId));
  EXPECT_EQ(text(orderedJsonOf(hired)->get("requisition")),
            "{\"id\":" + id(requisitionId) + ",\"openings\":1,\"filled\":1,\"state\":\"filled\"}");
  auto employee = jsonOf(host().call(
      "hr", "GET", "/api/v1/territory/employees/" + id(employeeId) + "?asOf=2026-03-02"));
  EXPECT_EQ(employee->getValue<std::string>("employeeNumber"), "HIRE-ADA");
  EXPECT_EQ(employee->getValue<std::int64_t>("positionId"), positionId);
  EXPECT_EQ(employee->getValue<std::int64_t>("managerId"), w.managerId);
  EXPECT_EQ(employee->getValue<std::string>("hireDate"), "2026-03-02");
  auto audit =
      jsonOf(host().call("admin", "GET", "/api/v1/audit?objectType=hire&objectId=" + id(ada)));
  EXPECT_EQ(audit->getArray("items")->size(), 1u);
}

TEST_P(HiringRoutesTest, AHireThatFailsHalfwayOverHttpLeavesNothingBehind) {
  auto positionId = position("Account Executive");
  auto requisitionId = openRequisition(positionId).first;
  auto grace = applicant(requisitionId, "Grace");
  acceptedOffer(grace);
  // Someone takes the position before Grace is hired into it.
  auto holder = host().call("hr", "POST", "/api/v1/territory/employees",
                            "{\"employeeNumber\":\"HIRE-HOLDER\",\"givenName\":\"Holder\","
                            "\"familyName\":\"Early\",\"email\":\"holder@example.com\","
                            "\"hireDate\":\"2020-01-01\",\"positionId\":" +
                                id(positionId) + "}");
  ASSERT_EQ(holder.status, 201) << holder.body;
  auto content = [&] {
    return inHostDatabase([](Transaction& tx) {
      return tableContent(tx, {"territory_", "recruiting_", "audit_log"});
    });
  };
  auto before = content();

  auto refused = host().call("hr", "POST", kRecruitingApi + "/applications/" + id(grace) + "/hire",
                             "{\"splitPercent\":10}");

  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.header("content-type"), "application/problem+json");
  EXPECT_EQ(detailOf(refused).rfind("position " + id(positionId) + " is filled by", 0), 0u)
      << refused.body;
  EXPECT_EQ(fieldsOf(refused), std::vector<std::string>{"positionId: filled"});
  EXPECT_EQ(content(), before);
  auto requisition =
      jsonOf(host().call("hr", "GET", kRecruitingApi + "/requisitions/" + id(requisitionId)));
  EXPECT_EQ(requisition->getValue<std::int64_t>("filled"), 0);
  EXPECT_EQ(requisition->getValue<std::string>("state"), "open");
}

RECRUITING_ON_EVERY_ENGINE(HiringRoutesTest);

}  // namespace
}  // namespace cadre::recruiting::test
