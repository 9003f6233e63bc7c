#include "auth/session_cache.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace cadre::auth {
namespace {

using namespace std::chrono_literals;

Session sessionOf(std::int64_t userId, const std::string& expiresAt = "2999-01-01T00:00:00.000Z") {
  Session session;
  session.id = userId * 10;
  session.user.id = userId;
  session.user.username = "user" + std::to_string(userId);
  session.expiresAt = expiresAt;
  return session;
}

const std::string kNow = "2026-01-01T00:00:00.000Z";

TEST(SessionCache, KeepsASessionForItsLifetimeOnly) {
  SessionCache cache(100ms);
  cache.put("h1", sessionOf(1));
  auto hit = cache.find("h1", kNow);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->user.username, "user1");
  EXPECT_FALSE(cache.find("h2", kNow).has_value());
  std::this_thread::sleep_for(120ms);
  EXPECT_FALSE(cache.find("h1", kNow).has_value());
}

TEST(SessionCache, NeverServesAnExpiredSession) {
  SessionCache cache(10s);
  cache.put("h1", sessionOf(1, "2026-01-01T00:00:00.000Z"));
  EXPECT_FALSE(cache.find("h1", "2026-01-01T00:00:00.000Z").has_value());
  cache.put("h2", sessionOf(2, "2026-01-01T00:00:01.000Z"));
  EXPECT_TRUE(cache.find("h2", "2026-01-01T00:00:00.999Z").has_value());
}

TEST(SessionCache, RevocationForgetsAtOnceAndRefusesRacingLookups) {
  SessionCache cache(10s);
  cache.put("h1", sessionOf(1));
  cache.put("h2", sessionOf(2));
  cache.put("h3", sessionOf(2));
  cache.forgetToken("h1");
  EXPECT_FALSE(cache.find("h1", kNow).has_value());
  // A lookup that read the row before the revocation committed must not be cached.
  cache.put("h1", sessionOf(1));
  EXPECT_FALSE(cache.find("h1", kNow).has_value());
  cache.forgetUser(2);
  EXPECT_FALSE(cache.find("h2", kNow).has_value());
  EXPECT_FALSE(cache.find("h3", kNow).has_value());
  cache.put("h4", sessionOf(2));
  EXPECT_FALSE(cache.find("h4", kNow).has_value());
  cache.put("h5", sessionOf(3));
  EXPECT_TRUE(cache.find("h5", kNow).has_value());
}

TEST(SessionCache, RevocationsStopBlockingAfterTheLifetime) {
  SessionCache cache(50ms);
  cache.forgetUser(1);
  std::this_thread::sleep_for(60ms);
  cache.put("h1", sessionOf(1));
  EXPECT_TRUE(cache.find("h1", kNow).has_value());
}

TEST(SessionCache, ZeroLifetimeCachesNothing) {
  SessionCache cache(0ms);
  EXPECT_FALSE(cache.enabled());
  cache.put("h1", sessionOf(1));
  EXPECT_FALSE(cache.find("h1", kNow).has_value());
}

TEST(SessionCache, FullCacheStartsOver) {
  SessionCache cache(10s, 2);
  cache.put("h1", sessionOf(1));
  cache.put("h2", sessionOf(2));
  cache.put("h3", sessionOf(3));
  EXPECT_FALSE(cache.find("h1", kNow).has_value());
  EXPECT_TRUE(cache.find("h3", kNow).has_value());
}

}  // namespace
}  // namespace cadre::auth
