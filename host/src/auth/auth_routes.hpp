#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "auth/login_service.hpp"
#include "auth/session_store.hpp"
#include "cadre/context.hpp"

namespace cadre::auth {

/// The `Set-Cookie` value that carries a session token for `maxAge`: HttpOnly, SameSite=Strict,
/// Path=/, and Secure when the host serves HTTPS.
std::string sessionCookie(const std::string& token, std::chrono::seconds maxAge, bool secure);
/// The `Set-Cookie` value that clears the session cookie.
std::string clearedSessionCookie(bool secure);

/// The routes of /api/v1/auth:
///   POST login  (public)        {"username","password"} → 200 {"token","csrfToken","expiresAt",
///                               "user":{id,username,displayName,role}} + Set-Cookie; 401 for
///                               any refusal, 429 with Retry-After when throttled.
///   POST logout (authenticated) revokes the presented token (bearer or cookie), audited as
///                               "auth.logout" → 204 + a Set-Cookie that clears the cookie.
///   GET  me     (authenticated) → 200 {id,username,displayName,role}.
/// Every answer is marked no-store. `secureCookies` adds `; Secure` (set when serving HTTPS).
/// The service, store and audit log must outlive the routes.
std::vector<Route> authRoutes(LoginService& login, SessionStore& sessions, AuditLog& audit,
                              bool secureCookies = false);

}  // namespace cadre::auth
