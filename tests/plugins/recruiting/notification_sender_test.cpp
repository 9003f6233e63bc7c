// The notification outbox and its SMTP sender against a real local mail server (aiosmtpd):
// what goes out, what is retried and when, what is given up.
#include "notification_sender.hpp"

#include <gtest/gtest.h>

#include <Poco/Net/MailMessage.h>

#include "cadre/dates.hpp"
#include "mail_server.hpp"
#include "notification_outbox.hpp"
#include "recruiting_database.hpp"

namespace cadre::recruiting::test {
namespace {

class NotificationSenderTest : public ::testing::TestWithParam<std::string> {
 protected:
  NotificationSenderTest() : db_(GetParam()) {}

  SmtpSettings settings(int port) const {
    SmtpSettings s;
    s.host = "127.0.0.1";
    s.port = static_cast<std::uint16_t>(port);
    s.from = "cadre@example.com";
    s.timeout = std::chrono::seconds(5);
    return s;
  }

  std::int64_t queue(const std::string& to, const std::string& subject = "Hello") {
    return db_.inTx(
        [&](Transaction& tx) { return queueNotification(tx, "test", to, subject, "Body\n"); });
  }

  SendOutcome send(const SmtpSettings& s, const std::string& now,
                   RetryPolicy retry = RetryPolicy{}) {
    return sendDueNotifications(
        db_.db(), [&] { return openSmtpSession(s); }, retry, now);
  }

  QueuedNotification stored(std::int64_t id) {
    return db_.inTx([&](Transaction& tx) { return *OutboxStore(tx).find(id); });
  }

  static std::string outcome(const SendOutcome& o) {
    return std::to_string(o.sent) + " sent, " + std::to_string(o.retried) + " retried, " +
           std::to_string(o.failed) + " failed";
  }

  RecruitingDatabase db_;
};

TEST_P(NotificationSenderTest, AQueuedMailGoesOutWithItsSubjectBodyAndAttachment) {
  MailServer server;
  Notification invitation;
  invitation.kind = "interview_invitation";
  invitation.recipientEmail = "zoe@example.com";
  invitation.subject = "Einladung: Gespräch mit Zoë\r\nBcc: evil@example.com";
  invitation.body = "Dear Zoe,\nplease come on Monday.\n";
  invitation.attachment = MailAttachment{"interview.ics", "text/calendar; method=REQUEST",
                                         "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"};
  auto id = db_.inTx([&](Transaction& tx) { return *queueNotification(tx, invitation); });
  auto plain = queue("ana@example.com", "Approval waiting");

  EXPECT_EQ(outcome(send(settings(server.port()), nowTimestamp())), "2 sent, 0 retried, 0 failed");
  auto mails = server.waitFor(2, std::chrono::seconds(5));
  ASSERT_EQ(mails.size(), 2u);
  const auto& first = mails[0];
  EXPECT_EQ(first.rfind("X-Envelope-To: zoe@example.com\r\n", 0), 0u) << first;
  // The line break in the subject became spaces: no header of its own, no second recipient.
  EXPECT_NE(first.find("Subject: " + Poco::Net::MailMessage::encodeWord(
                                         "Einladung: Gespräch mit Zoë  Bcc: evil@example.com")),
            std::string::npos)
      << first;
  EXPECT_EQ(first.find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(first.find("Message-ID: <notification-" + std::to_string(id) + "@example.com>"),
            std::string::npos);
  EXPECT_NE(first.find("From: Cadre <cadre@example.com>"), std::string::npos);
  EXPECT_NE(first.find("please come on Monday."), std::string::npos);
  EXPECT_NE(first.find("Content-Type: text/calendar; method=REQUEST"), std::string::npos);
  // base64 of the calendar text
  EXPECT_NE(first.find("QkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo="), std::string::npos);
  EXPECT_EQ(mails[1].rfind("X-Envelope-To: ana@example.com\r\n", 0), 0u);
  EXPECT_NE(mails[1].find("Subject: Approval waiting\r\n"), std::string::npos);

  auto sent = stored(id);
  EXPECT_EQ(sent.state, "sent");
  EXPECT_EQ(sent.attempts, 1);
  EXPECT_TRUE(sent.sentAt.has_value());
  EXPECT_EQ(stored(plain).state, "sent");
  EXPECT_EQ(outcome(send(settings(server.port()), nowTimestamp())), "0 sent, 0 retried, 0 failed");
}

TEST_P(NotificationSenderTest, AnUnreachableServerIsTriedAgainLaterThenGivenUp) {
  RetryPolicy retry;
  retry.maxAttempts = 3;
  retry.firstDelay = std::chrono::seconds(60);
  retry.maxDelay = std::chrono::seconds(90);
  auto later = queue("ana@example.com");
  auto doomed = queue("ben@example.com");
  const auto t0 = nowTimestamp();
  auto down = settings(MailServer::unusedPort());

  EXPECT_EQ(outcome(send(down, t0, retry)), "0 sent, 2 retried, 0 failed");
  auto waiting = stored(later);
  EXPECT_EQ(waiting.state, "queued");
  EXPECT_EQ(waiting.attempts, 1);
  EXPECT_EQ(waiting.nextAttemptAt, timestampAfter(t0, std::chrono::seconds(60)));
  EXPECT_NE(waiting.lastError->find("did not take us"), std::string::npos) << *waiting.lastError;
  EXPECT_EQ(outcome(send(down, timestampAfter(t0, std::chrono::seconds(59)), retry)),
            "0 sent, 0 retried, 0 failed")
      << "nothing is due before its next attempt";
  EXPECT_EQ(outcome(send(down, timestampAfter(t0, std::chrono::seconds(60)), retry)),
            "0 sent, 2 retried, 0 failed");
  EXPECT_EQ(stored(doomed).nextAttemptAt, timestampAfter(t0, std::chrono::seconds(150)))
      << "the second wait doubles, up to the longest";

  // Ana's mail is sent once the server is back; Ben's third attempt fails and ends it.
  db_.inTx([&](Transaction& tx) {
    tx.execute("UPDATE recruiting_notifications SET next_attempt_at = ? WHERE id = ?",
               {timestampAfter(t0, std::chrono::seconds(1000)), doomed});
  });
  MailServer server;
  EXPECT_EQ(
      outcome(send(settings(server.port()), timestampAfter(t0, std::chrono::seconds(150)), retry)),
      "1 sent, 0 retried, 0 failed");
  EXPECT_EQ(stored(later).attempts, 3);
  EXPECT_EQ(stored(later).state, "sent");
  EXPECT_EQ(outcome(send(down, timestampAfter(t0, std::chrono::seconds(1000)), retry)),
            "0 sent, 0 retried, 1 failed");
  auto failed = stored(doomed);
  EXPECT_EQ(failed.state, "failed");
  EXPECT_EQ(failed.attempts, 3);
  EXPECT_EQ(failed.nextAttemptAt, std::nullopt);

  db_.inTx([&](Transaction& tx) { OutboxStore(tx).requeue(doomed, t0); });
  EXPECT_EQ(outcome(send(settings(server.port()), t0, retry)), "1 sent, 0 retried, 0 failed");
  EXPECT_EQ(server.waitFor(2, std::chrono::seconds(5)).size(), 2u);
}

TEST_P(NotificationSenderTest, ARefusedMailboxFailsAtOnceABusyOneWaitsAndTheRestGoOut) {
  MailServer server;
  auto refused = queue("refused@example.com");
  auto busy = queue("busy@example.com");
  auto fine = queue("fine@example.com");
  EXPECT_EQ(outcome(send(settings(server.port()), nowTimestamp())), "1 sent, 1 retried, 1 failed");
  EXPECT_EQ(stored(refused).state, "failed");
  EXPECT_NE(stored(refused).lastError->find("550"), std::string::npos)
      << *stored(refused).lastError;
  EXPECT_EQ(stored(busy).state, "queued");
  EXPECT_NE(stored(busy).lastError->find("451"), std::string::npos);
  EXPECT_EQ(stored(fine).state, "sent");
  auto mails = server.waitFor(1, std::chrono::seconds(5));
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].rfind("X-Envelope-To: fine@example.com\r\n", 0), 0u);
}

TEST_P(NotificationSenderTest, AServerThatWantsALoginGetsTheConfiguredOne) {
  MailServer server("cadre", "s3cret-Pass");
  auto id = queue("ana@example.com");
  auto again = [&] {
    db_.inTx([&](Transaction& tx) { OutboxStore(tx).requeue(id, nowTimestamp()); });
  };
  // Without a login the server refuses the sender: that is no fault of the mail's.
  auto anonymous = settings(server.port());
  EXPECT_EQ(outcome(send(anonymous, nowTimestamp())), "0 sent, 1 retried, 0 failed");
  EXPECT_NE(stored(id).lastError->find("530"), std::string::npos) << *stored(id).lastError;

  auto wrong = anonymous;
  wrong.username = "cadre";
  wrong.password = "guess";
  again();
  EXPECT_EQ(outcome(send(wrong, nowTimestamp())), "0 sent, 1 retried, 0 failed");
  EXPECT_NE(stored(id).lastError->find("did not take us"), std::string::npos)
      << *stored(id).lastError;

  auto right = wrong;
  right.password = "s3cret-Pass";
  again();
  EXPECT_EQ(outcome(send(right, nowTimestamp())), "1 sent, 0 retried, 0 failed");
  right.auth = "login";
  again();
  EXPECT_EQ(outcome(send(right, nowTimestamp())), "1 sent, 0 retried, 0 failed");
  EXPECT_EQ(server.waitFor(2, std::chrono::seconds(5)).size(), 2u);
}

TEST_P(NotificationSenderTest, TheOutboxQueuesAKeyOnceAndOnlyMailAddresses) {
  Notification reminder{"overdue_task", "ana@example.com", "Overdue", "Body", {}, "overdue-task:7"};
  auto first = db_.inTx([&](Transaction& tx) { return queueNotification(tx, reminder); });
  auto second = db_.inTx([&](Transaction& tx) { return queueNotification(tx, reminder); });
  EXPECT_TRUE(first.has_value());
  EXPECT_EQ(second, std::nullopt);
  for (const char* bad :
       {"", "ana", "@example.com", "ana@", "ana @example.com", "ana@example.com\r\nRCPT TO:<x@y>",
        "Ana <ana@example.com>", "ana@example.com,ben@example.com"}) {
    EXPECT_THROW(db_.inTx([&](Transaction& tx) {
      return queueNotification(tx, "test", bad, "Subject", "Body");
    }),
                 std::invalid_argument)
        << bad;
  }
  EXPECT_EQ(db_.inTx([&](Transaction& tx) {
    return tx.queryOne("SELECT COUNT(*) FROM recruiting_notifications")->getInt(0);
  }),
            1);
}

RECRUITING_ON_EVERY_ENGINE(NotificationSenderTest);

TEST(RetryPolicyTest, WaitsDoubleUpToTheLongestAndSettingsAreChecked) {
  RetryPolicy retry;
  retry.firstDelay = std::chrono::seconds(60);
  retry.maxDelay = std::chrono::seconds(3600);
  EXPECT_EQ(retry.delayAfter(1).count(), 60);
  EXPECT_EQ(retry.delayAfter(2).count(), 120);
  EXPECT_EQ(retry.delayAfter(6).count(), 1920);
  EXPECT_EQ(retry.delayAfter(7).count(), 3600);
  EXPECT_EQ(retry.delayAfter(40).count(), 3600);
  EXPECT_EQ(timestampAfter("2026-12-31T23:59:30Z", std::chrono::seconds(45)),
            "2027-01-01T00:00:15Z");
}

}  // namespace
}  // namespace cadre::recruiting::test
