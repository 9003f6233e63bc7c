#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "cadre/context.hpp"
#include "smtp_mailer.hpp"

namespace cadre::recruiting {

/// When a mail that did not go out is tried again: after firstDelay, doubling each time up to
/// maxDelay; after maxAttempts it is given up (state failed). From the configuration:
/// recruiting.smtp.maxAttempts (10), recruiting.smtp.retrySeconds (60),
/// recruiting.smtp.maxRetrySeconds (3600).
struct RetryPolicy {
  std::int64_t maxAttempts = 10;
  std::chrono::seconds firstDelay{60};
  std::chrono::seconds maxDelay{3600};

  /// Throws std::invalid_argument naming a setting out of range.
  static RetryPolicy fromConfig(const ConfigView& config);
  /// The wait after the `attempts`-th failed attempt (1 for the first).
  std::chrono::seconds delayAfter(std::int64_t attempts) const;
};

/// What one run of the sender did.
struct SendOutcome {
  std::int64_t sent = 0;
  std::int64_t retried = 0;
  std::int64_t failed = 0;
};

/// Opens a session with the mail server (throws MailFailure when it cannot).
using SessionOpener = std::function<std::unique_ptr<MailSession>()>;

/// Sends the queued notifications due at `now` (ISO-8601 UTC), at most `batch` of them, oldest
/// first, through one session opened on the first one. No transaction is held while talking to
/// the server: each outcome is written in a short transaction of its own (sent; retried later;
/// or failed when the server refused it for good or the attempts are spent). When the server
/// cannot be reached or refuses us, the rest of the batch counts a failed attempt each without
/// another connection. Delivery is at least once: a host that dies between a send and its
/// bookkeeping sends that mail again (with the same Message-ID).
SendOutcome sendDueNotifications(Database& database, const SessionOpener& open,
                                 const RetryPolicy& retry, const std::string& now,
                                 std::int64_t batch = 100);

/// `now` plus some seconds, ISO-8601 UTC like nowTimestamp().
std::string timestampAfter(const std::string& now, std::chrono::seconds delay);

}  // namespace cadre::recruiting
