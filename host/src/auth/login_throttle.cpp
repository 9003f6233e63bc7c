#include "auth/login_throttle.hpp"

#include <algorithm>
#include <stdexcept>

namespace cadre::auth {
namespace {

// The failure whose leaving the window lifts the refusal: the limit-th most recent one counted.
// `since` bounds the count; SQL and its parameters stay fixed, only the column differs.
std::optional<std::string> limitingFailure(Transaction& tx, const char* sql, const std::string& key,
                                           const std::string& since, int limit) {
  auto row = tx.queryOne(sql, {key, since, std::int64_t{limit - 1}});
  if (!row) return std::nullopt;
  return row->getString(0);
}

constexpr const char* kUsernameFailures =
    "SELECT at FROM login_attempts WHERE username = ? AND succeeded = 0 AND at > ? "
    "ORDER BY at DESC LIMIT 1 OFFSET ?";
constexpr const char* kAddressFailures =
    "SELECT at FROM login_attempts WHERE client_address = ? AND succeeded = 0 AND at > ? "
    "ORDER BY at DESC LIMIT 1 OFFSET ?";
constexpr const char* kLastSuccess =
    "SELECT MAX(at) FROM login_attempts WHERE username = ? AND succeeded = 1";

}  // namespace

TooManyAttempts::TooManyAttempts(std::chrono::seconds retryAfter)
    : HttpError(429, "Too Many Requests",
                "too many failed logins; try again in " + std::to_string(retryAfter.count()) +
                    " seconds"),
      retryAfter_(retryAfter) {
  withHeader("Retry-After", std::to_string(retryAfter.count()));
}

LoginThrottle::LoginThrottle(ThrottleLimits limits, Clock clock)
    : limits_(limits), clock_(std::move(clock)) {
  if (limits_.perUsername < 1 || limits_.perAddress < 1 || limits_.window.count() < 1) {
    throw std::invalid_argument("login throttle limits and window must be positive");
  }
}

void LoginThrottle::check(Transaction& tx, const std::string& username,
                          const std::string& clientAddress) {
  auto now = clock_();
  std::string windowStart = isoUtc(now - limits_.window);
  std::string userSince = windowStart;
  if (auto last = tx.queryOne(kLastSuccess, {username}); last && !last->isNull(0)) {
    userSince = std::max(userSince, last->getString(0));
  }
  std::optional<std::string> limiting =
      limitingFailure(tx, kUsernameFailures, username, userSince, limits_.perUsername);
  if (auto byAddress =
          limitingFailure(tx, kAddressFailures, clientAddress, windowStart, limits_.perAddress)) {
    limiting = std::max(limiting.value_or(""), *byAddress);
  }
  if (!limiting) return;
  auto freed = parseIsoUtc(*limiting).value_or(now) + limits_.window;
  auto wait = std::chrono::ceil<std::chrono::seconds>(freed - now);
  throw TooManyAttempts(std::max(wait, std::chrono::seconds(1)));
}

void LoginThrottle::record(Transaction& tx, const std::string& username,
                           const std::string& clientAddress, bool succeeded) {
  tx.insert(
      "INSERT INTO login_attempts (username, client_address, succeeded, at) VALUES (?, ?, ?, ?)",
      {username, clientAddress, std::int64_t{succeeded ? 1 : 0}, isoUtc(clock_())});
}

std::int64_t LoginThrottle::purgeOld(Transaction& tx) {
  return tx.execute("DELETE FROM login_attempts WHERE at <= ?",
                    {isoUtc(clock_() - limits_.window)});
}

}  // namespace cadre::auth
