#include "auth/auth_routes.hpp"

#include <Poco/JSON/Object.h>

#include "auth/token_source.hpp"
#include "cadre/json_fields.hpp"

namespace cadre::auth {
namespace {

// Longer usernames still reach the service, which refuses and audits them like any other.
constexpr std::size_t kMaxUsernameField = 256;
// Generous for directory passwords; the server's body limit bounds it anyway.
constexpr std::size_t kMaxPasswordField = 4096;

Poco::JSON::Object::Ptr userJson(const User& user) {
  Poco::JSON::Object::Ptr json = new Poco::JSON::Object;
  json->set("id", user.id);
  json->set("username", user.username);
  json->set("displayName", user.displayName);
  json->set("role", roleName(user.role));
  return json;
}

void handleLogin(LoginService& login, SessionStore& sessions, bool secure, const Request& request,
                 Response& response) {
  JsonFields in(request.jsonObject());
  std::string username = in.requiredString("username", 1, kMaxUsernameField);
  // An empty password is the service's to refuse (and audit), not a malformed body.
  std::string password = in.requiredString("password", 0, kMaxPasswordField);
  in.finish();
  LoginResult result = login.login(username, password, request.clientAddress, request.requestId);
  Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
  body->set("token", result.session.token);
  body->set("csrfToken", result.session.csrfToken);
  body->set("expiresAt", result.session.expiresAt);
  body->set("user", userJson(result.user));
  response.json(body);
  response.noStore();
  response.headers["Set-Cookie"] = sessionCookie(result.session.token, sessions.ttl(), secure);
}

void handleLogout(SessionStore& sessions, AuditLog& audit, bool secure, const Request& request,
                  Response& response) {
  bool viaCookie = false;
  auto token = presentedToken(request, viaCookie);
  if (!token) throw HttpError::unauthorized("log in first");
  AuditEntry entry;
  entry.action = "auth.logout";
  entry.objectType = "user";
  entry.objectId = request.requireUser().username;
  sessions.end(*token, [&](Transaction& tx) { audit.record(tx, request, entry); });
  response.noContent();
  response.noStore();
  response.headers["Set-Cookie"] = clearedSessionCookie(secure);
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

std::string cookie(const std::string& value, std::chrono::seconds maxAge, bool secure) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" +
         "; Max-Age=" + std::to_string(maxAge.count()) + (secure ? "; Secure" : "");
}

}  // namespace

std::string sessionCookie(const std::string& token, std::chrono::seconds maxAge, bool secure) {
  return cookie(token, maxAge, secure);
}

std::string clearedSessionCookie(bool secure) {
  return cookie("", std::chrono::seconds(0), secure);
}

std::vector<Route> authRoutes(LoginService& login, SessionStore& sessions, AuditLog& audit,
                              bool secureCookies) {
  return {
      route(
          "POST", "/api/v1/auth/login", Permission::publicAccess(),
          [&login, &sessions, secureCookies](const Request& request, Response& response) {
            handleLogin(login, sessions, secureCookies, request, response);
          },
          "Log in with a username and password; answers a session token and sets a cookie"),
      route(
          "POST", "/api/v1/auth/logout", Permission::authenticated(),
          [&sessions, &audit, secureCookies](const Request& request, Response& response) {
            handleLogout(sessions, audit, secureCookies, request, response);
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
