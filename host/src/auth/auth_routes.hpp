#pragma once

#include <vector>

#include "auth/login_service.hpp"
#include "auth/session_store.hpp"
#include "cadre/http.hpp"

namespace cadre::auth {

/// How the session cookie is set.
struct CookiePolicy {
  /// Adds `; Secure`: set when the host serves HTTPS.
  bool secure = false;
};

/// The `Set-Cookie` value that carries a session token for `maxAge`.
std::string sessionCookie(const std::string& token, std::chrono::seconds maxAge,
                          const CookiePolicy& policy);
/// The `Set-Cookie` value that clears the session cookie.
std::string clearedSessionCookie(const CookiePolicy& policy);

/// The routes of /api/v1/auth:
///   POST login  (public)        {"username","password"} → 200 {"token","csrfToken","expiresAt",
///                               "user":{id,username,displayName,role}} + Set-Cookie; 401 for
///                               any refusal, 429 with Retry-After when throttled.
///   POST logout (authenticated) revokes the presented token (bearer or cookie) → 204 + a
///                               Set-Cookie that clears the cookie.
///   GET  me     (authenticated) → 200 {id,username,displayName,role}.
/// Every answer is marked no-store. The service and store must outlive the routes.
std::vector<Route> authRoutes(LoginService& login, SessionStore& sessions,
                              CookiePolicy policy = {});

}  // namespace cadre::auth
