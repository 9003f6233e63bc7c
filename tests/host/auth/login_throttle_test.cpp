#include "auth/login_throttle.hpp"

#include <gtest/gtest.h>

#include "host/auth/test_database.hpp"

namespace cadre::auth {
namespace {

using namespace std::chrono_literals;

class LoginThrottleTest : public ::testing::TestWithParam<std::string> {
 protected:
  void fail(const std::string& username, const std::string& address, int times = 1) {
    host_.db().inTransaction([&](Transaction& tx) {
      for (int i = 0; i < times; ++i) throttle_.record(tx, username, address, false);
    });
  }
  void succeed(const std::string& username, const std::string& address) {
    host_.db().inTransaction(
        [&](Transaction& tx) { throttle_.record(tx, username, address, true); });
  }
  /// Seconds of Retry-After, or -1 when the attempt may go ahead.
  long long retryAfter(const std::string& username, const std::string& address) {
    try {
      host_.db().inTransaction([&](Transaction& tx) { throttle_.check(tx, username, address); });
    } catch (const TooManyAttempts& e) {
      EXPECT_EQ(e.status(), 429);
      EXPECT_EQ(e.title(), "Too Many Requests");
      return e.retryAfter().count();
    }
    return -1;
  }

  std::chrono::system_clock::time_point now_ =
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  test::HostDatabase host_{GetParam()};
  LoginThrottle throttle_{{}, [this] { return now_; }};
};

TEST_P(LoginThrottleTest, DefaultsAreFiveTwentyAndFifteenMinutes) {
  EXPECT_EQ(throttle_.limits().perUsername, 5);
  EXPECT_EQ(throttle_.limits().perAddress, 20);
  EXPECT_EQ(throttle_.limits().window, 900s);
}

TEST_P(LoginThrottleTest, RefusesTheSixthAttemptAfterFiveFailures) {
  fail("anna", "10.0.0.1", 4);
  EXPECT_EQ(retryAfter("anna", "10.0.0.1"), -1);
  fail("anna", "10.0.0.1");
  EXPECT_EQ(retryAfter("anna", "10.0.0.1"), 900);
  // Another address does not help: the username is locked.
  EXPECT_EQ(retryAfter("anna", "10.0.0.2"), 900);
  EXPECT_EQ(retryAfter("bo", "10.0.0.1"), -1);
}

TEST_P(LoginThrottleTest, RetryAfterCountsToWhenTheFifthLastFailureLeavesTheWindow) {
  for (int i = 0; i < 6; ++i) {
    fail("anna", "10.0.0.1");
    now_ += 1min;
  }
  // Failures at 0..5 min, now 6 min: the fifth most recent (1 min) leaves at 16 min.
  EXPECT_EQ(retryAfter("anna", "10.0.0.1"), 600);
  now_ += 600s - 1ms;
  EXPECT_EQ(retryAfter("anna", "10.0.0.1"), 1);
  now_ += 1ms;
  EXPECT_EQ(retryAfter("anna", "10.0.0.1"), -1);
}

TEST_P(LoginThrottleTest, ASuccessStartsTheUsernameCountAfresh) {
  fail("anna", "10.0.0.1", 4);
  now_ += 1s;
  succeed("anna", "10.0.0.1");
  now_ += 1s;
  fail("anna", "10.0.0.1", 4);
  EXPECT_EQ(retryAfter("anna", "10.0.0.1"), -1);
  fail("anna", "10.0.0.1");
  EXPECT_EQ(retryAfter("anna", "10.0.0.1"), 900);
}

TEST_P(LoginThrottleTest, RefusesAnAddressAfterTwentyFailuresAcrossUsernames) {
  for (int i = 0; i < 19; ++i) fail("user" + std::to_string(i), "10.0.0.9");
  EXPECT_EQ(retryAfter("someone", "10.0.0.9"), -1);
  fail("user19", "10.0.0.9");
  EXPECT_EQ(retryAfter("someone", "10.0.0.9"), 900);
  EXPECT_EQ(retryAfter("someone", "10.0.0.10"), -1);
}

TEST_P(LoginThrottleTest, LimitsAreConfigurable) {
  LoginThrottle strict({2, 3, 60s}, [this] { return now_; });
  host_.db().inTransaction([&](Transaction& tx) {
    strict.record(tx, "anna", "10.0.0.1", false);
    strict.record(tx, "anna", "10.0.0.1", false);
  });
  EXPECT_THROW(host_.db().inTransaction([&](Transaction& tx) { strict.check(tx, "anna", "x"); }),
               TooManyAttempts);
  now_ += 60s;
  EXPECT_NO_THROW(
      host_.db().inTransaction([&](Transaction& tx) { strict.check(tx, "anna", "x"); }));
  EXPECT_THROW(LoginThrottle({0, 3, 60s}), std::invalid_argument);
}

TEST_P(LoginThrottleTest, PurgeDropsAttemptsOutsideTheWindow) {
  fail("anna", "10.0.0.1", 3);
  now_ += 16min;
  fail("anna", "10.0.0.1");
  EXPECT_EQ(host_.db().inTransaction([&](Transaction& tx) { return throttle_.purgeOld(tx); }), 3);
}

CADRE_ON_EVERY_ENGINE(LoginThrottleTest);

}  // namespace
}  // namespace cadre::auth
