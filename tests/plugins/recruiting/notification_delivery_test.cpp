// Notifications end to end on the real host: the reminder job queues, the sender job mails
// through a real local SMTP server, and HR sees the outbox.
#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "cadre/dates.hpp"
#include "mail_server.hpp"
#include "onboarding_plans.hpp"
#include "recruiting_host.hpp"

namespace cadre::recruiting::test {
namespace {

class NotificationDeliveryTest : public ::testing::TestWithParam<std::string> {
 protected:
  NotificationDeliveryTest()
      : host_(GetParam(), "notification_delivery",
              {{"recruiting.smtp.host", "127.0.0.1"},
               {"recruiting.smtp.port", std::to_string(mail_.port())},
               {"recruiting.smtp.from", "cadre@example.com"},
               {"recruiting.smtp.intervalSeconds", "1"},
               {"recruiting.onboarding.reminderIntervalSeconds", "1"},
               {"recruiting.notifications.hrEmail", "people@example.com"}}) {}

  MailServer mail_;
  RecruitingHost host_;
};

TEST_P(NotificationDeliveryTest, AnOverdueTaskIsMailedToItsOwner) {
  // Only HR logs in (a login costs a slow hash): a unit and a new hire without logins.
  auto unit = host_.call("hr", "POST", "/api/v1/territory/org-units",
                         R"({"code":"MAIL","name":"Mail","type":"company",)"
                         R"("effectiveDate":"2020-01-01"})");
  ASSERT_EQ(unit.status, 201) << unit.body;
  auto unitId = RecruitingHost::idIn(unit.body);
  auto person = host_.call("hr", "POST", "/api/v1/territory/employees",
                           R"({"employeeNumber":"MAIL-N","givenName":"Nia","familyName":"Ng",)"
                           R"("email":"nia@example.com","hireDate":"2020-01-01","orgUnitId":)" +
                               std::to_string(unitId) + "}");
  ASSERT_EQ(person.status, 201) << person.body;
  auto nia = RecruitingHost::idIn(person.body);
  auto made = host_.call(
      "hr", "POST", "/api/v1/recruiting/onboarding-templates",
      "{\"name\":\"Sales\",\"orgUnitId\":" + std::to_string(unitId) +
          R"(,"tasks":[{"title":"Sign the contract","ownerRole":"hr","dueOffsetDays":-3},)"
          R"({"title":"Read the handbook","ownerRole":"new_hire","dueOffsetDays":30}]})");
  ASSERT_EQ(made.status, 201) << made.body;
  auto plan = host_.call("hr", "POST", "/api/v1/recruiting/onboarding-plans",
                         "{\"employeeId\":" + std::to_string(nia) + ",\"startDate\":\"" +
                             addDays(today(), -1) + "\"}");
  ASSERT_EQ(plan.status, 201) << plan.body;

  auto mails = mail_.waitFor(1, std::chrono::seconds(20));
  ASSERT_EQ(mails.size(), 1u) << host_.process().log();
  EXPECT_EQ(mails[0].rfind("X-Envelope-To: people@example.com\r\n", 0), 0u) << mails[0];
  EXPECT_NE(mails[0].find("Subject: Overdue onboarding task: Sign the contract\r\n"),
            std::string::npos)
      << mails[0];

  auto sent = host_.call("hr", "GET", "/api/v1/recruiting/notifications?state=sent");
  ASSERT_EQ(sent.status, 200) << sent.body;
  auto items = jsonOf(sent)->getArray("items");
  ASSERT_EQ(items->size(), 1u);
  auto item = items->getObject(0);
  EXPECT_EQ(item->getValue<std::string>("kind"), "overdue_task");
  EXPECT_EQ(item->getValue<std::int64_t>("attempts"), 1);
  const std::string one =
      "/api/v1/recruiting/notifications/" + std::to_string(item->getValue<std::int64_t>("id"));
  EXPECT_EQ(host_.call("hr", "POST", one + "/retry").status, 422);
  auto csv = host_.call("hr", "GET", "/api/v1/recruiting/notifications?format=csv&state=sent");
  EXPECT_EQ(csv.body.substr(0, csv.body.find("\r\n")),
            "id,kind,recipientEmail,subject,state,attempts,createdAt,sentAt,lastError");
  EXPECT_NE(csv.body.find(",overdue_task,people@example.com,Overdue onboarding task: Sign the "
                          "contract,sent,1,"),
            std::string::npos)
      << csv.body;
  EXPECT_EQ(host_.call("hr", "GET", one).status, 200);
}

RECRUITING_ON_EVERY_ENGINE(NotificationDeliveryTest);

}  // namespace
}  // namespace cadre::recruiting::test
