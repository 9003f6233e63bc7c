#pragma once

#include <functional>
#include <optional>
#include <string>

#include "cadre/http.hpp"
#include "http/router.hpp"

namespace cadre::http {

/// Who presented which credentials, as the session layer found them.
struct Authentication {
  User user;
  /// The credential came in the session cookie (so writes need the CSRF header).
  bool viaCookie = false;
  /// Whether a presented CSRF token belongs to this session.
  std::function<bool(const std::string&)> csrfMatches;
};

/// What the pipeline asks of the rest of the host.
struct PipelineHooks {
  /// The session behind the request's bearer token or cookie; std::nullopt when it presents
  /// none; throws HttpError 401 when it presents one that is unknown, expired or revoked.
  std::function<std::optional<Authentication>(const Request&)> authenticate;
  /// Records a denied access (audit log).
  std::function<void(const Request&, const std::string& reason)> onDenied;
};

/// Routes an already-read request and runs its handler: match → authenticate → permission →
/// CSRF → handler, turning every failure into a problem document. Never throws.
class RequestPipeline {
 public:
  RequestPipeline(const Router& router, PipelineHooks hooks);
  /// What the server logs and counts about a handled request.
  struct Outcome {
    /// The matched pattern, or "unmatched", for metrics.
    std::string routeLabel = "unmatched";
    /// The username, or "-" when nobody logged in.
    std::string actor = "-";
  };
  /// Fills `response`. `request.user` is only valid during the call.
  Outcome handle(Request& request, Response& response) const;
  /// The route a request's method and path match (see Router::match), for reading what it
  /// needs before the body is read (its body limit).
  RouteMatch route(const Request& request) const;
  /// handle() with the match route() made for this request.
  Outcome handle(Request& request, Response& response, RouteMatch match) const;

 private:
  void authorize(Request& request, const RegisteredRoute& route, User& userSlot) const;

  const Router& router_;
  PipelineHooks hooks_;
};

/// A fresh random id for a request (16 hex digits).
std::string newRequestId();

}  // namespace cadre::http
