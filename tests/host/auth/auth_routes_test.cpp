#include "auth/auth_routes.hpp"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include "host/auth/login_fixture.hpp"
#include "http/problem.hpp"

namespace cadre::auth {
namespace {

using test::kAnnasPassword;

class AuthRoutesTest : public test::LoginFixture {
 protected:
  const Route& route(const std::string& method, const std::string& pattern) {
    for (const auto& r : routes_) {
      if (r.method == method && r.pattern == pattern) return r;
    }
    throw std::logic_error("no route " + method + " " + pattern);
  }
  Response call(const std::string& method, const std::string& pattern, Request request) {
    request.method = method;
    request.path = pattern;
    Response response;
    route(method, pattern).handler(request, response);
    return response;
  }
  Response login(const std::string& body) {
    Request request;
    request.body = body;
    request.clientAddress = "10.0.0.7";
    request.requestId = "req-1";
    return call("POST", "/api/v1/auth/login", request);
  }
  /// The HttpError a login route call throws.
  HttpError loginError(const std::string& body) {
    try {
      login(body);
    } catch (const HttpError& e) {
      return e;
    }
    ADD_FAILURE() << "no error for " << body;
    return HttpError(0, "", "");
  }
  static Poco::JSON::Object::Ptr parse(const std::string& body) {
    return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
  }

  std::vector<Route> routes_ = authRoutes(service_, sessions_, audit_);
};

TEST_P(AuthRoutesTest, DeclaresThreeRoutesWithTheirPermissions) {
  ASSERT_EQ(routes_.size(), 3u);
  EXPECT_TRUE(route("POST", "/api/v1/auth/login").permission.isPublic());
  EXPECT_EQ(route("POST", "/api/v1/auth/logout").permission.describe(), "authenticated");
  EXPECT_EQ(route("GET", "/api/v1/auth/me").permission.describe(), "authenticated");
  for (const auto& r : routes_) EXPECT_TRUE(r.personalData) << r.pattern;
}

TEST_P(AuthRoutesTest, LoginAnswersTokenUserAndCookie) {
  Response response = login(R"({"username":"Anna","password":"correct horse battery"})");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.contentType, "application/json");
  EXPECT_EQ(response.headers.at("Cache-Control"), "no-store");
  auto body = parse(response.body);
  std::string token = body->getValue<std::string>("token");
  std::string csrf = body->getValue<std::string>("csrfToken");
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(csrf.size(), 43u);
  EXPECT_EQ(body->getValue<std::string>("expiresAt"), isoUtc(now_ + std::chrono::hours(1)));
  auto user = body->getObject("user");
  EXPECT_EQ(user->getValue<std::int64_t>("id"), anna_.id);
  EXPECT_EQ(user->getValue<std::string>("username"), "anna");
  EXPECT_EQ(user->getValue<std::string>("displayName"), "Anna Berg");
  EXPECT_EQ(user->getValue<std::string>("role"), "hr");
  EXPECT_EQ(user->size(), 4u);
  EXPECT_EQ(body->size(), 4u);
  EXPECT_EQ(response.headers.at("Set-Cookie"),
            "cadre_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600");
  ASSERT_TRUE(sessions_.resolve(token));
  EXPECT_TRUE(sessions_.resolve(token)->csrfMatches(csrf));
}

TEST_P(AuthRoutesTest, CookieIsSecureWhenServedOverHttps) {
  routes_ = authRoutes(service_, sessions_, audit_, true);
  Response response = login(R"({"username":"anna","password":"correct horse battery"})");
  std::string token = parse(response.body)->getValue<std::string>("token");
  EXPECT_EQ(response.headers.at("Set-Cookie"),
            "cadre_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600; Secure");
}

TEST_P(AuthRoutesTest, UnknownUserAndWrongPasswordAnswerIdentically) {
  HttpError unknown = loginError(R"({"username":"nobody","password":"some passphrase"})");
  HttpError wrong = loginError(R"({"username":"anna","password":"some passphrase"})");
  EXPECT_EQ(unknown.status(), 401);
  EXPECT_EQ(wrong.status(), 401);
  EXPECT_EQ(unknown.title(), "Unauthorized");
  EXPECT_EQ(wrong.title(), "Unauthorized");
  EXPECT_EQ(unknown.detail(), "invalid username or password");
  EXPECT_EQ(wrong.detail(), "invalid username or password");
}

TEST_P(AuthRoutesTest, EmptyPasswordIsARefusedLoginNotAMalformedBody) {
  HttpError error = loginError(R"({"username":"anna","password":""})");
  EXPECT_EQ(error.status(), 401);
  EXPECT_EQ(error.detail(), "invalid username or password");
}

TEST_P(AuthRoutesTest, BodyIsValidated) {
  HttpError unknownField =
      loginError(R"({"username":"anna","password":"correct horse battery","remember":true})");
  EXPECT_EQ(unknownField.status(), 400);
  EXPECT_EQ(unknownField.detail(), "field 'remember' is not a known field");
  HttpError missing = loginError(R"({"username":"anna"})");
  EXPECT_EQ(missing.status(), 400);
  EXPECT_EQ(missing.detail(), "field 'password' is required");
  HttpError wrongType = loginError(R"({"username":"anna","password":12345678901234})");
  EXPECT_EQ(wrongType.status(), 400);
  EXPECT_EQ(wrongType.detail(), "field 'password' must be a string, not a number");
  EXPECT_EQ(loginError("not json").status(), 400);
  // No attempt reached the service, so nothing was audited.
  EXPECT_TRUE(auditRows().empty());
}

TEST_P(AuthRoutesTest, SixthFailedLoginAnswers429WithRetryAfter) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(loginError(R"({"username":"anna","password":"some passphrase"})").status(), 401);
  }
  HttpError error = loginError(R"({"username":"anna","password":"correct horse battery"})");
  EXPECT_EQ(error.status(), 429);
  // What the request pipeline answers for it.
  Response response;
  http::writeProblem(response, error);
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(response.contentType, "application/problem+json");
  EXPECT_EQ(response.headers.at("Retry-After"), "900");
  EXPECT_EQ(response.headers.count("Set-Cookie"), 0u);
  EXPECT_EQ(response.body, R"({"type":"about:blank","title":"Too Many Requests","status":429,)"
                           R"("detail":"too many failed logins; try again in 900 seconds"})");
}

TEST_P(AuthRoutesTest, LogoutWithBearerRevokesAndClearsTheCookie) {
  std::string token = parse(login(R"({"username":"anna","password":"correct horse battery"})").body)
                          ->getValue<std::string>("token");
  Request request;
  request.headers["authorization"] = "Bearer " + token;
  request.user = &anna_;
  Response response = call("POST", "/api/v1/auth/logout", request);
  EXPECT_EQ(response.status, 204);
  EXPECT_EQ(response.body, "");
  EXPECT_EQ(response.headers.at("Set-Cookie"),
            "cadre_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  EXPECT_EQ(response.headers.at("Cache-Control"), "no-store");
  EXPECT_FALSE(sessions_.resolve(token));
  auto rows = auditRows();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_NE(rows[1].find("|anna|hr|auth.logout|user|anna|NULL|NULL|ok|"), std::string::npos)
      << rows[1];
  EXPECT_EQ(rows[1].find(token), std::string::npos);
}

TEST_P(AuthRoutesTest, LogoutWithTheCookieRevokesThatSessionOnly) {
  std::string body = R"({"username":"anna","password":"correct horse battery"})";
  std::string first = parse(login(body).body)->getValue<std::string>("token");
  std::string second = parse(login(body).body)->getValue<std::string>("token");
  Request request;
  request.headers["cookie"] = "theme=dark; cadre_session=" + first;
  request.user = &anna_;
  EXPECT_EQ(call("POST", "/api/v1/auth/logout", request).status, 204);
  EXPECT_FALSE(sessions_.resolve(first));
  EXPECT_TRUE(sessions_.resolve(second));
}

TEST_P(AuthRoutesTest, MeAnswersTheUser) {
  Request request;
  request.user = &anna_;
  Response response = call("GET", "/api/v1/auth/me", request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "{\"displayName\":\"Anna Berg\",\"id\":" + std::to_string(anna_.id) +
                               ",\"role\":\"hr\",\"username\":\"anna\"}");
  EXPECT_EQ(response.headers.at("Cache-Control"), "no-store");
}

TEST_P(AuthRoutesTest, MeWithoutAUserIs401) {
  try {
    call("GET", "/api/v1/auth/me", Request());
    FAIL() << "no error";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 401);
  }
}

CADRE_ON_EVERY_ENGINE(AuthRoutesTest);

}  // namespace
}  // namespace cadre::auth
