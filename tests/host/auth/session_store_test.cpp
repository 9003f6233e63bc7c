#include "auth/session_store.hpp"

#include <gtest/gtest.h>

#include "auth/secret_token.hpp"
#include "auth/user_store.hpp"
#include "host/auth/test_database.hpp"

namespace cadre::auth {
namespace {

using namespace std::chrono_literals;

class SessionStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  SessionStoreTest() {
    anna_ = host_.db().inTransaction([&](Transaction& tx) {
      return users_.createLocal(tx, "anna", "Anna Berg", Role::Hr, "correct horse battery");
    });
  }
  IssuedSession issue(SessionStore& store) {
    return host_.db().inTransaction([&](Transaction& tx) { return store.issue(tx, anna_); });
  }

  test::HostDatabase host_{GetParam()};
  UserStore users_{host_.db(), PasswordHasher(1000)};
  User anna_;
  std::chrono::system_clock::time_point now_ =
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  SessionStore sessions_{host_.db(), 1h, [this] { return now_; }};
};

TEST_P(SessionStoreTest, IssuedTokenResolvesToItsUser) {
  IssuedSession issued = issue(sessions_);
  EXPECT_EQ(issued.token.size(), 43u);
  EXPECT_EQ(issued.csrfToken.size(), 43u);
  EXPECT_EQ(issued.expiresAt, isoUtc(now_ + 1h));
  auto session = sessions_.resolve(issued.token);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->user.id, anna_.id);
  EXPECT_EQ(session->user.username, "anna");
  EXPECT_EQ(session->user.displayName, "Anna Berg");
  EXPECT_EQ(session->user.role, Role::Hr);
  EXPECT_EQ(session->user.source, "local");
  EXPECT_EQ(session->expiresAt, issued.expiresAt);
}

TEST_P(SessionStoreTest, TokensDifferPerIssue) {
  IssuedSession first = issue(sessions_);
  IssuedSession second = issue(sessions_);
  EXPECT_NE(first.token, second.token);
  EXPECT_NE(first.csrfToken, second.csrfToken);
  EXPECT_NE(first.token, first.csrfToken);
}

TEST_P(SessionStoreTest, StoresOnlyHashesOfTheSecrets) {
  IssuedSession issued = issue(sessions_);
  auto tx = host_.db().begin(TxMode::Read);
  auto row = tx->queryOne("SELECT token_hash, csrf_hash FROM sessions");
  ASSERT_TRUE(row);
  EXPECT_NE(row->getString(0), issued.token);
  EXPECT_EQ(row->getString(0), sha256Hex(issued.token));
  EXPECT_EQ(row->getString(1), sha256Hex(issued.csrfToken));
  EXPECT_EQ(row->getString(0).size(), 64u);
  EXPECT_FALSE(tx->queryOne("SELECT id FROM sessions WHERE token_hash = ? OR csrf_hash = ?",
                            {issued.token, issued.csrfToken}));
}

TEST_P(SessionStoreTest, CsrfTokenMatchesOnlyItself) {
  IssuedSession issued = issue(sessions_);
  auto session = sessions_.resolve(issued.token);
  ASSERT_TRUE(session);
  EXPECT_TRUE(session->csrfMatches(issued.csrfToken));
  EXPECT_FALSE(session->csrfMatches(issued.token));
  EXPECT_FALSE(session->csrfMatches(""));
  EXPECT_FALSE(session->csrfMatches(session->csrfHash));
}

TEST_P(SessionStoreTest, ExpiredSessionDoesNotResolve) {
  IssuedSession issued = issue(sessions_);
  now_ += 1h - 1s;
  EXPECT_TRUE(sessions_.resolve(issued.token));
  now_ += 1s;
  EXPECT_FALSE(sessions_.resolve(issued.token));
}

TEST_P(SessionStoreTest, RevokedSessionDoesNotResolve) {
  IssuedSession kept = issue(sessions_);
  IssuedSession revoked = issue(sessions_);
  host_.db().inTransaction([&](Transaction& tx) { sessions_.revoke(tx, revoked.token); });
  EXPECT_FALSE(sessions_.resolve(revoked.token));
  EXPECT_TRUE(sessions_.resolve(kept.token));
}

TEST_P(SessionStoreTest, RevokeAllOfEndsEverySessionOfTheUser) {
  IssuedSession first = issue(sessions_);
  IssuedSession second = issue(sessions_);
  host_.db().inTransaction([&](Transaction& tx) { sessions_.revokeAllOf(tx, anna_.id); });
  EXPECT_FALSE(sessions_.resolve(first.token));
  EXPECT_FALSE(sessions_.resolve(second.token));
}

TEST_P(SessionStoreTest, DisabledUsersSessionDoesNotResolve) {
  IssuedSession issued = issue(sessions_);
  host_.db().inTransaction([&](Transaction& tx) { users_.setDisabled(tx, anna_.id, true); });
  EXPECT_FALSE(sessions_.resolve(issued.token));
}

TEST_P(SessionStoreTest, UnknownAndMalformedTokensDoNotResolve) {
  issue(sessions_);
  EXPECT_FALSE(sessions_.resolve(""));
  EXPECT_FALSE(sessions_.resolve(newSecretToken()));
  EXPECT_FALSE(sessions_.resolve("' OR 1=1 --"));
  EXPECT_FALSE(sessions_.resolve(std::string(4096, 'a')));
}

TEST_P(SessionStoreTest, PurgeDeletesExpiredSessionsOnly) {
  issue(sessions_);
  now_ += 30min;
  IssuedSession later = issue(sessions_);
  now_ += 31min;
  EXPECT_EQ(host_.db().inTransaction([&](Transaction& tx) { return sessions_.purgeExpired(tx); }),
            1);
  EXPECT_TRUE(sessions_.resolve(later.token));
}

CADRE_ON_EVERY_ENGINE(SessionStoreTest);

}  // namespace
}  // namespace cadre::auth
