#include "auth/session_authenticator.hpp"

#include "auth/token_source.hpp"

namespace cadre::auth {

std::function<std::optional<http::Authentication>(const Request&)> sessionAuthenticator(
    SessionStore& sessions) {
  return [&sessions](const Request& request) -> std::optional<http::Authentication> {
    bool viaCookie = false;
    auto token = presentedToken(request, viaCookie);
    if (!token) return std::nullopt;
    auto session = sessions.resolve(*token);
    if (!session) throw HttpError::unauthorized("the session has expired or was ended; log in");
    http::Authentication auth;
    auth.user = session->user;
    auth.viaCookie = viaCookie;
    auth.csrfMatches = [hash = session->csrfHash](const std::string& presented) {
      Session probe;
      probe.csrfHash = hash;
      return probe.csrfMatches(presented);
    };
    return auth;
  };
}

}  // namespace cadre::auth
