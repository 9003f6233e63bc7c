#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"

namespace cadre::recruiting {

/// A file sent with a notification (an interview's .ics invitation): its name, media type
/// ("text/calendar; method=REQUEST") and content as text.
struct MailAttachment {
  std::string fileName;
  std::string mediaType;
  std::string content;
};

/// A mail to send through the outbox. The body is plain UTF-8 text.
struct Notification {
  /// What it is about: interview_invitation, approval_waiting, overdue_task, …
  std::string kind;
  std::string recipientEmail;
  std::string subject;
  std::string body;
  std::optional<MailAttachment> attachment;
  /// A key that queues the notification once only ("overdue-task:42"): a second one with the
  /// same key is dropped, whichever transaction queues it.
  std::optional<std::string> dedupeKey;
};

/// Queues a notification in the caller's transaction, so that it is sent only if the change that
/// caused it commits. Returns its id, or std::nullopt when its dedupe key was queued before.
/// Line breaks and other control characters in the subject and the attachment's name and type
/// become spaces. Throws
/// std::invalid_argument when the recipient is not a single mail address (callers check the
/// addresses they are given before they queue) or kind is empty.
std::optional<std::int64_t> queueNotification(Transaction& tx, const Notification& notification);

/// The short form, without attachment or dedupe key; returns the new notification's id.
std::int64_t queueNotification(Transaction& tx, const std::string& kind,
                               const std::string& recipientEmail, const std::string& subject,
                               const std::string& body);

/// Whether a text is one plain mail address (local@domain, no spaces, brackets, commas or line
/// breaks): what the outbox accepts as a recipient.
bool isMailAddress(const std::string& text);

/// A notification as the outbox holds it.
struct QueuedNotification {
  std::int64_t id = 0;
  Notification content;
  /// queued, sent or failed.
  std::string state = "queued";
  std::int64_t attempts = 0;
  std::optional<std::string> nextAttemptAt;
  std::optional<std::string> lastError;
  std::string createdAt;
  std::optional<std::string> sentAt;
};

/// The SQL of the outbox, for the sender job and the API.
class OutboxStore {
 public:
  explicit OutboxStore(Transaction& tx) : tx_(tx) {}

  /// Queued notifications whose next attempt is due at `now` (ISO-8601 UTC), oldest first.
  std::vector<QueuedNotification> due(const std::string& now, std::int64_t limit);
  std::optional<QueuedNotification> find(std::int64_t id);
  /// Newest first, after `beforeId` (0: from the newest); `state` filters when set.
  std::vector<QueuedNotification> list(const std::optional<std::string>& state,
                                       std::int64_t beforeId, std::int64_t limit);
  void markSent(std::int64_t id, std::int64_t attempts, const std::string& at);
  /// Another attempt at `nextAttemptAt`.
  void markRetry(std::int64_t id, std::int64_t attempts, const std::string& nextAttemptAt,
                 const std::string& error);
  /// Given up: no further attempt.
  void markFailed(std::int64_t id, std::int64_t attempts, const std::string& error);
  /// A failed notification queued again, due at `now`, its attempts counted afresh.
  void requeue(std::int64_t id, const std::string& now);

 private:
  Transaction& tx_;
};

}  // namespace cadre::recruiting
