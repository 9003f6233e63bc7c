#include "auth/auth_routes.hpp"

#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include "auth/token_source.hpp"
#include "cadre/json_fields.hpp"

namespace cadre::auth {
namespace {

// Longer usernames still reach the service, which refuses and audits them like any other.
constexpr std::size_t kMaxUsernameField = 256;
// Generous for directory passwords; the body limit of the server bounds it anyway.
constexpr std::size_t kMaxPasswordField = 4096;

Poco::JSON::Object::Ptr userJson(const User& user) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("id", user.id);
  json->set("username", user.username);
  json->set("displayName", user.displayName);
  json->set("role", roleName(user.role));
  return json;
}

void answerThrottled(const TooManyAttempts& error, Response& response) {
  Poco::JSON::Object problem;
  problem.set("type", "about:blank");
  problem.set("title", error.title());
  problem.set("status", error.status());
  problem.set("detail", error.detail());
  std::ostringstream body;
  Poco::JSON::Stringifier::condense(problem, body);
  response.text(body.str(), "application/problem+json", error.status());
  response.headers["Retry-After"] = std::to_string(error.retryAfter().count());
}

void handleLogin(LoginService& login, SessionStore& sessions, const CookiePolicy& policy,
                 const Request& request, Response& response) {
  JsonFields in(request.jsonObject());
  std::string username = in.requiredString("username", 1, kMaxUsernameField);
  // An empty password is the service's to refuse (and audit), not a malformed body.
  std::string password = in.requiredString("password", 0, kMaxPasswordField);
  in.finish();
  response.noStore();
  LoginResult result;
  try {
    result = login.login(username, password, request.clientAddress, request.requestId);
  } catch (const TooManyAttempts& error) {
    answerThrottled(error, response);
    return;
  }
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("token", result.session.token);
  body->set("csrfToken", result.session.csrfToken);
  body->set("expiresAt", result.session.expiresAt);
  body->set("user", userJson(result.user));
  response.json(body);
  response.headers["Set-Cookie"] = sessionCookie(result.session.token, sessions.ttl(), policy);
}

void handleLogout(LoginService& login, const CookiePolicy& policy, const Request& request,
                  Response& response) {
  bool viaCookie = false;
  auto token = presentedToken(request, viaCookie);
  if (!token) throw HttpError::unauthorized("log in first");
  login.logout(request, *token);
  response.noContent();
  response.noStore();
  response.headers["Set-Cookie"] = clearedSessionCookie(policy);
}

Route route(const std::string& method, const std::string& pattern, Permission permission,
            Handler handler, const std::string& summary) {
  Route r;
  r.method = method;
  r.pattern = pattern;
  r.permission = std::move(permission);
  r.handler = std::move(handler);
  r.summary = summary;
  r.personalData = true;
  return r;
}

std::string cookie(const std::string& value, std::chrono::seconds maxAge,
                   const CookiePolicy& policy) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" +
         "; Max-Age=" + std::to_string(maxAge.count()) + (policy.secure ? "; Secure" : "");
}

}  // namespace

std::string sessionCookie(const std::string& token, std::chrono::seconds maxAge,
                          const CookiePolicy& policy) {
  return cookie(token, maxAge, policy);
}

std::string clearedSessionCookie(const CookiePolicy& policy) {
  return cookie("", std::chrono::seconds(0), policy);
}

std::vector<Route> authRoutes(LoginService& login, SessionStore& sessions, CookiePolicy policy) {
  return {
      route(
          "POST", "/api/v1/auth/login", Permission::publicAccess(),
          [&login, &sessions, policy](const Request& request, Response& response) {
            handleLogin(login, sessions, policy, request, response);
          },
          "Log in with a username and password; answers a session token and sets a cookie"),
      route(
          "POST", "/api/v1/auth/logout", Permission::authenticated(),
          [&login, policy](const Request& request, Response& response) {
            handleLogout(login, policy, request, response);
          },
          "Log out: revoke the presented session token and clear the cookie"),
      route(
          "GET", "/api/v1/auth/me", Permission::authenticated(),
          [](const Request& request, Response& response) {
            response.json(userJson(request.requireUser()));
            response.noStore();
          },
          "The logged-in user"),
  };
}

}  // namespace cadre::auth
