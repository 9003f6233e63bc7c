#include "notification_outbox.hpp"

#include <stdexcept>

#include "cadre/dates.hpp"
#include "cadre/sql_values.hpp"

namespace cadre::recruiting {

namespace {

const char* const kOutboxColumns =
    "id, kind, recipient_email, subject, body, attachment_name, attachment_type, attachment, "
    "dedupe_key, state, attempts, next_attempt_at, last_error, created_at, sent_at";

// A subject (or an attachment's name and type) is one header line: control characters (a CR/LF
// would start a header of its own) become spaces.
std::string oneLine(const std::string& text) {
  std::string out = text;
  for (auto& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return out;
}

QueuedNotification fromRow(const SqlRow& row) {
  QueuedNotification n;
  n.id = row.getInt(0);
  n.content.kind = row.getString(1);
  n.content.recipientEmail = row.getString(2);
  n.content.subject = row.getString(3);
  n.content.body = row.getString(4);
  if (auto name = row.getOptionalString(5)) {
    n.content.attachment =
        MailAttachment{*name, row.getOptionalString(6).value_or("application/octet-stream"),
                       row.getOptionalString(7).value_or("")};
  }
  n.content.dedupeKey = row.getOptionalString(8);
  n.state = row.getString(9);
  n.attempts = row.getInt(10);
  n.nextAttemptAt = row.getOptionalString(11);
  n.lastError = row.getOptionalString(12);
  n.createdAt = row.getString(13);
  n.sentAt = row.getOptionalString(14);
  return n;
}

std::vector<QueuedNotification> fromRows(const std::vector<SqlRow>& rows) {
  std::vector<QueuedNotification> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(fromRow(row));
  return out;
}

}  // namespace

bool isMailAddress(const std::string& text) {
  if (text.empty() || text.size() > 254) return false;
  auto at = text.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 == text.size()) return false;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' ||
        c == '(' || c == ')') {
      return false;
    }
  }
  return true;
}

std::optional<std::int64_t> queueNotification(Transaction& tx, const Notification& n) {
  if (n.kind.empty()) throw std::invalid_argument("a notification needs a kind");
  if (!isMailAddress(n.recipientEmail)) {
    throw std::invalid_argument("'" + oneLine(n.recipientEmail) + "' is not a mail address");
  }
  const std::string now = nowTimestamp();
  const std::string sql =
      "INSERT INTO recruiting_notifications (kind, recipient_email, subject, body, "
      "attachment_name, attachment_type, attachment, state, attempts, next_attempt_at, "
      "dedupe_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)";
  const SqlParams params{
      n.kind,
      n.recipientEmail,
      oneLine(n.subject),
      n.body,
      n.attachment ? SqlValue(oneLine(n.attachment->fileName)) : SqlValue(nullptr),
      n.attachment ? SqlValue(oneLine(n.attachment->mediaType)) : SqlValue(nullptr),
      n.attachment ? SqlValue(n.attachment->content) : SqlValue(nullptr),
      now,
      nullable(n.dedupeKey),
      now};
  if (!n.dedupeKey) return tx.insert(sql, params);
  // Two transactions queuing one key: the second waits for the first and adds nothing.
  if (tx.execute(sql + " ON CONFLICT (dedupe_key) DO NOTHING", params) == 0) return std::nullopt;
  return tx
      .queryOne("SELECT id FROM recruiting_notifications WHERE dedupe_key = ?", {*n.dedupeKey})
      ->getInt(0);
}

std::int64_t queueNotification(Transaction& tx, const std::string& kind,
                               const std::string& recipientEmail, const std::string& subject,
                               const std::string& body) {
  return *queueNotification(tx, Notification{kind, recipientEmail, subject, body, {}, {}});
}

std::vector<QueuedNotification> OutboxStore::due(const std::string& now, std::int64_t limit) {
  return fromRows(tx_.query(std::string("SELECT ") + kOutboxColumns +
                                " FROM recruiting_notifications WHERE state = 'queued' AND "
                                "next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                            {now, limit}));
}

std::optional<QueuedNotification> OutboxStore::find(std::int64_t id) {
  auto row = tx_.queryOne(
      std::string("SELECT ") + kOutboxColumns + " FROM recruiting_notifications WHERE id = ?",
      {id});
  if (!row) return std::nullopt;
  return fromRow(*row);
}

std::vector<QueuedNotification> OutboxStore::list(const std::optional<std::string>& state,
                                                  std::int64_t beforeId, std::int64_t limit) {
  return fromRows(
      tx_.query(std::string("SELECT ") + kOutboxColumns +
                    " FROM recruiting_notifications WHERE (? = '' OR state = ?) AND (? = 0 OR "
                    "id < ?) ORDER BY id DESC LIMIT ?",
                {state.value_or(""), state.value_or(""), beforeId, beforeId, limit}));
}

void OutboxStore::markSent(std::int64_t id, std::int64_t attempts, const std::string& at) {
  tx_.execute(
      "UPDATE recruiting_notifications SET state = 'sent', attempts = ?, sent_at = ?, "
      "next_attempt_at = NULL, last_error = NULL WHERE id = ?",
      {attempts, at, id});
}

void OutboxStore::markRetry(std::int64_t id, std::int64_t attempts,
                            const std::string& nextAttemptAt, const std::string& error) {
  tx_.execute(
      "UPDATE recruiting_notifications SET attempts = ?, next_attempt_at = ?, last_error = ? "
      "WHERE id = ?",
      {attempts, nextAttemptAt, error, id});
}

void OutboxStore::markFailed(std::int64_t id, std::int64_t attempts, const std::string& error) {
  tx_.execute(
      "UPDATE recruiting_notifications SET state = 'failed', attempts = ?, "
      "next_attempt_at = NULL, last_error = ? WHERE id = ?",
      {attempts, error, id});
}

void OutboxStore::requeue(std::int64_t id, const std::string& now) {
  tx_.execute(
      "UPDATE recruiting_notifications SET state = 'queued', attempts = 0, next_attempt_at = ? "
      "WHERE id = ?",
      {now, id});
}

}  // namespace cadre::recruiting
