#pragma once

#include <chrono>
#include <string>

#include "auth/iso_time.hpp"
#include "cadre/database.hpp"
#include "cadre/http.hpp"

namespace cadre::auth {

/// How many failed logins the throttle allows within a sliding window.
struct ThrottleLimits {
  /// Failures for one username since its last success.
  int perUsername = 5;
  /// Failures from one client address.
  int perAddress = 20;
  /// How far back failures count.
  std::chrono::seconds window = std::chrono::minutes(15);
};

/// A refused login: HTTP 429 carrying the header Retry-After with the seconds until the next
/// attempt may succeed.
class TooManyAttempts : public HttpError {
 public:
  /// Sets the header Retry-After to `retryAfter` seconds.
  explicit TooManyAttempts(std::chrono::seconds retryAfter);
  /// Seconds until an attempt may go ahead (at least 1).
  std::chrono::seconds retryAfter() const { return retryAfter_; }

 private:
  std::chrono::seconds retryAfter_;
};

/// Counts login attempts in the `login_attempts` table, so that every host sharing a database
/// sees the same counts. Thread-safe.
class LoginThrottle {
 public:
  /// Throws std::invalid_argument for a limit or window below 1.
  explicit LoginThrottle(ThrottleLimits limits = {}, Clock clock = systemClock());

  /// Throws TooManyAttempts when the username (already normalized) or the address has used up
  /// its failures within the window.
  void check(Transaction& tx, const std::string& username, const std::string& clientAddress);
  /// Records one attempt. Refused (throttled) attempts are not recorded, so that an attacker
  /// cannot keep a user locked out beyond the window.
  void record(Transaction& tx, const std::string& username, const std::string& clientAddress,
              bool succeeded);
  /// Deletes attempts older than the window; returns how many.
  std::int64_t purgeOld(Transaction& tx);
  /// The limits in force.
  const ThrottleLimits& limits() const { return limits_; }

 private:
  ThrottleLimits limits_;
  Clock clock_;
};

}  // namespace cadre::auth
