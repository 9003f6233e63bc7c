// What queues notifications besides onboarding, on a real database: "approval waiting" for the
// step a requisition waits for, and interview invitations with their calendar file.
#include "notification_producers.hpp"

#include <gtest/gtest.h>

#include "interview_invitations.hpp"
#include "interview_store.hpp"
#include "notification_outbox.hpp"
#include "recruiting_database.hpp"
#include "recruiting_seed.hpp"

namespace cadre::recruiting::test {
namespace {

class NotificationProducersTest : public ::testing::TestWithParam<std::string> {
 protected:
  NotificationProducersTest() : db_(GetParam()), unit_(db_.headedUnit("PANEL")) {}

  std::int64_t requisition(const std::string& state) {
    return db_.inTx([&](Transaction& tx) {
      RequisitionSeed seed;
      seed.orgUnitId = unit_.unitId;
      seed.newPositionTitle = "Account Executive";
      seed.hiringManagerId = unit_.headEmployeeId;
      seed.openings = 2;
      auto id = RecruitingSeed(tx).requisition(seed);
      tx.execute("UPDATE recruiting_requisitions SET state = ? WHERE id = ?", {state, id});
      return id;
    });
  }

  std::vector<QueuedNotification> outbox() {
    return db_.inTx([&](Transaction& tx) { return OutboxStore(tx).list(std::nullopt, 0, 100); });
  }

  RecruitingDatabase db_;
  HeadedUnit unit_;
};

TEST_P(NotificationProducersTest, ApprovalWaitingGoesOnceToTheApproverOfTheStepDue) {
  auto colleague = db_.employee("C1", unit_.unitId);
  auto requisition = this->requisition("pending_approval");
  db_.inTx([&](Transaction& tx) {
    const std::string step =
        "INSERT INTO recruiting_approval_steps (requisition_id, approval_round, step_order, "
        "approver_role, approver_employee_id, decision) VALUES (?, 1, ?, ?, ?, ?)";
    tx.insert(step,
              {requisition, std::int64_t{1}, "hiring_manager", unit_.headEmployeeId, "approved"});
    tx.insert(step, {requisition, std::int64_t{2}, "employee", colleague, "pending"});
    tx.insert(step, {requisition, std::int64_t{3}, "hr", nullptr, "pending"});
  });
  RoleMailboxes mailboxes{"people@example.com", ""};
  auto announce = [&] {
    return db_.inTx([&](Transaction& tx) {
      return queueApprovalWaiting(tx, db_.org(), mailboxes, requisition);
    });
  };
  auto first = announce();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(announce(), std::nullopt) << "one step is announced once";
  db_.inTx([&](Transaction& tx) {
    tx.execute(
        "UPDATE recruiting_approval_steps SET decision = 'approved' WHERE requisition_id = ? AND "
        "step_order = 2",
        {requisition});
  });
  auto second = announce();
  ASSERT_TRUE(second.has_value());
  auto mails = outbox();
  ASSERT_EQ(mails.size(), 2u);
  const auto id = std::to_string(requisition);
  EXPECT_EQ(mails[1].content.recipientEmail, "C1@example.com");
  EXPECT_EQ(mails[1].content.kind, "approval_waiting");
  EXPECT_EQ(mails[1].content.subject, "Approval waiting: requisition " + id + " Account Executive");
  EXPECT_EQ(mails[1].content.body,
            "Requisition " + id +
                " \"Account Executive\" (2 opening(s)) waits for your approval as named approver, "
                "step 2 of approval round 1.\n\nPlease approve or reject it in Cadre: "
                "Recruiting, Requisitions, " +
                id + ".\n");
  EXPECT_EQ(mails[0].content.recipientEmail, "people@example.com");
  db_.inTx([&](Transaction& tx) {
    tx.execute("UPDATE recruiting_requisitions SET state = 'open' WHERE id = ?", {requisition});
  });
  EXPECT_EQ(announce(), std::nullopt) << "an open requisition waits for nobody";
}

TEST_P(NotificationProducersTest, EachInterviewerIsInvitedOnceForEachVersionOfTheInterview) {
  auto iv1 = db_.employee("IV1", unit_.unitId);
  auto iv2 = db_.employee("IV2", unit_.unitId);
  auto iv3 = db_.employee("IV3", unit_.unitId);
  auto requisition = this->requisition("open");
  auto interviewId = db_.inTx([&](Transaction& tx) {
    RecruitingSeed seed(tx);
    Interview interview;
    interview.applicationId =
        seed.application(seed.candidate("Ada", "Lovelace", "ada@example.com"), requisition);
    interview.startsAt = "2026-03-10T09:00:00Z";
    interview.endsAt = "2026-03-10T10:00:00Z";
    interview.location = "Room 4";
    interview.interviewerIds = {iv1, iv2};
    interview.icsUid = "interview-test@cadre";
    interview.createdAt = "2026-03-01T09:00:00Z";
    interview.createdBy = "hr";
    interview.version = 1;
    return InterviewStore(tx).insert(interview);
  });
  auto invite = [&] {
    return db_.inTx(
        [&](Transaction& tx) { return queueInterviewInvitations(tx, db_.org(), interviewId); });
  };
  auto change = [&](auto edit) {
    db_.inTx([&](Transaction& tx) {
      InterviewStore store(tx);
      auto interview = *store.find(interviewId);
      edit(interview);
      store.update(interview);
    });
  };

  EXPECT_EQ(invite(), 2);
  EXPECT_EQ(invite(), 0);
  change([&](Interview& i) { i.interviewerIds = {iv1, iv2, iv3}; });
  EXPECT_EQ(invite(), 1) << "only the interviewer added is invited";
  change([](Interview& i) {
    i.startsAt = "2026-03-11T09:00:00Z";
    i.endsAt = "2026-03-11T10:00:00Z";
    i.icsSequence = 1;
  });
  EXPECT_EQ(invite(), 3);
  change([](Interview& i) {
    i.state = "cancelled";
    i.icsSequence = 2;
  });
  EXPECT_EQ(invite(), 3);

  auto mails = outbox();
  ASSERT_EQ(mails.size(), 9u);
  const auto& first = mails.back();
  EXPECT_EQ(first.content.kind, "interview_invitation");
  EXPECT_EQ(first.content.recipientEmail, "IV1@example.com");
  EXPECT_EQ(first.content.subject, "Interview with Ada Lovelace (Account Executive)");
  EXPECT_EQ(first.content.body,
            "You are on the panel of the interview with Ada Lovelace for \"Account Executive\"."
            "\n\nWhen: 2026-03-10T09:00:00Z to 2026-03-10T10:00:00Z (UTC)\nWhere: Room 4\n\n"
            "The invitation for your calendar is attached. Your scorecard waits in Cadre.\n");
  ASSERT_TRUE(first.content.attachment.has_value());
  EXPECT_EQ(first.content.attachment->fileName,
            "interview-" + std::to_string(interviewId) + ".ics");
  const auto& ics = first.content.attachment->content;
  EXPECT_NE(ics.find("UID:interview-test@cadre\r\nSEQUENCE:0\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("mailto:IV2@example.com"), std::string::npos) << ics;
  EXPECT_EQ(mails[3].content.subject, "Updated: Interview with Ada Lovelace (Account Executive)");
  const auto& cancelled = mails.front();
  EXPECT_EQ(cancelled.content.subject,
            "Cancelled: Interview with Ada Lovelace (Account Executive)");
  EXPECT_NE(cancelled.content.attachment->content.find("STATUS:CANCELLED"), std::string::npos);
}

RECRUITING_ON_EVERY_ENGINE(NotificationProducersTest);

}  // namespace
}  // namespace cadre::recruiting::test
