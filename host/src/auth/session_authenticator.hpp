#pragma once

#include <functional>
#include <optional>

#include "auth/session_store.hpp"
#include "http/request_pipeline.hpp"

namespace cadre::auth {

/// The request pipeline's `authenticate` hook over a session store: reads the token with
/// presentedToken(), std::nullopt when the request presents none, HttpError 401 when the token
/// is unknown, expired or revoked, or its user disabled. The store must outlive the hook.
std::function<std::optional<http::Authentication>(const Request&)> sessionAuthenticator(
    SessionStore& sessions);

}  // namespace cadre::auth
