#pragma once

#include <optional>
#include <string>

#include "cadre/http.hpp"

namespace cadre::auth {

/// The name of the session cookie.
inline constexpr const char* kSessionCookie = "cadre_session";

/// The session token a request presents: `authorization: Bearer <token>` first, else the
/// `cadre_session` cookie. `viaCookie` says which, because cookie-authenticated writes must also
/// carry `x-csrf-token`. std::nullopt (and viaCookie false) when neither is there. Shared by the
/// HTTP pipeline and the logout route so that both read a token the same way.
std::optional<std::string> presentedToken(const Request& request, bool& viaCookie);

}  // namespace cadre::auth
