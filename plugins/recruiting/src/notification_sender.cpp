#include "notification_sender.hpp"

#include <algorithm>
#include <optional>

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>

namespace cadre::recruiting {

namespace {

std::int64_t rangedSetting(const ConfigView& config, const std::string& key, std::int64_t fallback,
                           std::int64_t min, std::int64_t max) {
  auto value = config.getInt(key, fallback);
  if (value < min || value > max) {
    throw std::invalid_argument(key + " must be " + std::to_string(min) + ".." +
                                std::to_string(max) + ", not " + std::to_string(value));
  }
  return value;
}

/// Writes what became of one attempt at a notification.
class Bookkeeping {
 public:
  Bookkeeping(Database& database, const RetryPolicy& retry, const std::string& now,
              SendOutcome& outcome)
      : database_(database), retry_(retry), now_(now), outcome_(outcome) {}

  void sent(const QueuedNotification& n) {
    write([&](OutboxStore& store) { store.markSent(n.id, n.attempts + 1, now_); });
    ++outcome_.sent;
  }

  void notSent(const QueuedNotification& n, const std::string& error, bool permanent) {
    auto attempts = n.attempts + 1;
    if (permanent || attempts >= retry_.maxAttempts) {
      write([&](OutboxStore& store) { store.markFailed(n.id, attempts, error); });
      ++outcome_.failed;
      return;
    }
    auto next = timestampAfter(now_, retry_.delayAfter(attempts));
    write([&](OutboxStore& store) { store.markRetry(n.id, attempts, next, error); });
    ++outcome_.retried;
  }

 private:
  template <typename Change>
  void write(Change change) {
    database_.inTransaction([&](Transaction& tx) {
      OutboxStore store(tx);
      change(store);
    });
  }

  Database& database_;
  const RetryPolicy& retry_;
  const std::string& now_;
  SendOutcome& outcome_;
};

}  // namespace

RetryPolicy RetryPolicy::fromConfig(const ConfigView& config) {
  RetryPolicy policy;
  policy.maxAttempts = rangedSetting(config, "recruiting.smtp.maxAttempts", 10, 1, 100);
  policy.firstDelay =
      std::chrono::seconds(rangedSetting(config, "recruiting.smtp.retrySeconds", 60, 1, 86400));
  policy.maxDelay = std::chrono::seconds(
      rangedSetting(config, "recruiting.smtp.maxRetrySeconds", 3600, 1, 7 * 86400));
  return policy;
}

std::chrono::seconds RetryPolicy::delayAfter(std::int64_t attempts) const {
  auto delay = firstDelay;
  for (std::int64_t i = 1; i < attempts && delay < maxDelay; ++i) delay *= 2;
  return std::min(delay, maxDelay);
}

std::string timestampAfter(const std::string& now, std::chrono::seconds delay) {
  int tz = 0;
  auto at = Poco::DateTimeParser::parse(Poco::DateTimeFormat::ISO8601_FORMAT, now, tz);
  at += Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(delay.count()) *
                       Poco::Timespan::SECONDS);
  return Poco::DateTimeFormatter::format(at, "%Y-%m-%dT%H:%M:%SZ");
}

SendOutcome sendDueNotifications(Database& database, const SessionOpener& open,
                                 const RetryPolicy& retry, const std::string& now,
                                 std::int64_t batch) {
  auto due = database.inTransaction(
      [&](Transaction& tx) { return OutboxStore(tx).due(now, batch); }, TxMode::Read);
  SendOutcome outcome;
  Bookkeeping books(database, retry, now, outcome);
  std::unique_ptr<MailSession> session;
  std::optional<std::string> unreachable;
  for (const auto& n : due) {
    if (unreachable) {
      books.notSent(n, *unreachable, false);
      continue;
    }
    try {
      if (!session) session = open();
      session->send(n.id, n.content);
      books.sent(n);
    } catch (const MailFailure& failure) {
      books.notSent(n, failure.what(), failure.permanent());
      if (failure.scope() == FailureScope::Mail) continue;
      // A broken connection is opened again for the next mail (when that fails, the server is
      // out of reach); a server that refuses us is not asked again in this run.
      session.reset();
      if (failure.scope() == FailureScope::Server) unreachable = failure.what();
    }
  }
  return outcome;
}

}  // namespace cadre::recruiting
