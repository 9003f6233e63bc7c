#include "auth/session_authenticator.hpp"

#include <gtest/gtest.h>

#include "host/auth/login_fixture.hpp"

namespace cadre::auth {
namespace {

class SessionAuthenticatorTest : public test::LoginFixture {
 protected:
  std::function<std::optional<http::Authentication>(const Request&)> authenticate_ =
      sessionAuthenticator(sessions_);
  LoginResult login_ = service_.login("anna", test::kAnnasPassword, "10.0.0.7", "req-1");
};

TEST_F(SessionAuthenticatorTest, BearerTokenAuthenticatesWithoutCsrf) {
  Request request;
  request.headers["authorization"] = "Bearer " + login_.session.token;
  auto auth = authenticate_(request);
  ASSERT_TRUE(auth);
  EXPECT_EQ(auth->user.id, anna_.id);
  EXPECT_FALSE(auth->viaCookie);
}

TEST_F(SessionAuthenticatorTest, CookieAuthenticatesAndChecksTheCsrfToken) {
  Request request;
  request.headers["cookie"] = "cadre_session=" + login_.session.token;
  auto auth = authenticate_(request);
  ASSERT_TRUE(auth);
  EXPECT_TRUE(auth->viaCookie);
  EXPECT_TRUE(auth->csrfMatches(login_.session.csrfToken));
  EXPECT_FALSE(auth->csrfMatches(login_.session.token));
  EXPECT_FALSE(auth->csrfMatches(""));
}

TEST_F(SessionAuthenticatorTest, NoCredentialsIsNobody) {
  EXPECT_EQ(authenticate_(Request()), std::nullopt);
}

TEST_F(SessionAuthenticatorTest, ARevokedTokenIs401) {
  host_.db().inTransaction([&](Transaction& tx) { sessions_.revoke(tx, login_.session.token); });
  Request request;
  request.headers["authorization"] = "Bearer " + login_.session.token;
  try {
    authenticate_(request);
    FAIL() << "no error";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 401);
    EXPECT_EQ(e.detail(), "the session has expired or was ended; log in");
  }
}

}  // namespace
}  // namespace cadre::auth
