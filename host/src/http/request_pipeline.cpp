#include "http/request_pipeline.hpp"

#include <random>

#include <Poco/Logger.h>

#include "http/problem.hpp"

namespace cadre::http {
namespace {

bool isSafeMethod(const std::string& method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

}  // namespace

std::string newRequestId() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  static const char* kHex = "0123456789abcdef";
  std::uint64_t bits = generator();
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i, bits >>= 4) id[i] = kHex[bits & 0xF];
  return id;
}

RequestPipeline::RequestPipeline(const Router& router, PipelineHooks hooks)
    : router_(router), hooks_(std::move(hooks)) {}

void RequestPipeline::authorize(Request& request, const RegisteredRoute& registered,
                                User& userSlot) const {
  std::optional<Authentication> auth;
  try {
    if (hooks_.authenticate) auth = hooks_.authenticate(request);
  } catch (const HttpError&) {
    if (hooks_.onDenied) hooks_.onDenied(request, "unknown, expired or revoked session token");
    throw;
  }
  if (auth) {
    userSlot = auth->user;
    request.user = &userSlot;
  }
  const Permission& permission = registered.route.permission;
  if (!permission.allows(request.user)) {
    if (!request.user) {
      if (hooks_.onDenied) {
        hooks_.onDenied(request,
                        "not logged in for " + request.method + " " + registered.route.pattern);
      }
      throw HttpError::unauthorized("log in to use " + registered.route.pattern);
    }
    std::string reason = "role " + std::string(roleName(request.user->role)) + " may not " +
                         request.method + " " + registered.route.pattern + " (needs " +
                         permission.describe() + ")";
    if (hooks_.onDenied) hooks_.onDenied(request, reason);
    throw HttpError::forbidden("your role may not do this");
  }
  if (auth && auth->viaCookie && !isSafeMethod(request.method)) {
    auto presented = request.header("x-csrf-token");
    if (!presented || !auth->csrfMatches || !auth->csrfMatches(*presented)) {
      if (hooks_.onDenied)
        hooks_.onDenied(request, "missing or wrong X-CSRF-Token on a cookie session");
      throw HttpError::forbidden("send the X-CSRF-Token header you got at login with every change");
    }
  }
}

RouteMatch RequestPipeline::route(const Request& request) const {
  return router_.match(request.method, request.path);
}

RequestPipeline::Outcome RequestPipeline::handle(Request& request, Response& response) const {
  return handle(request, response, route(request));
}

RequestPipeline::Outcome RequestPipeline::handle(Request& request, Response& response,
                                                 RouteMatch match) const {
  Outcome outcome;
  User user;
  try {
    if (!match.route) {
      if (match.pathMatchedOtherMethod) {
        throw HttpError(405, "Method Not Allowed",
                        request.method + " is not allowed on " + request.path);
      }
      throw HttpError::notFound("no route for " + request.method + " " + request.path);
    }
    outcome.routeLabel = match.route->route.pattern;
    request.pathParams = std::move(match.params);
    authorize(request, *match.route, user);
    if (request.user) outcome.actor = request.user->username;
    match.route->route.handler(request, response);
    if (match.route->route.personalData || (request.user && request.path.rfind("/api/", 0) == 0)) {
      response.headers.emplace("Cache-Control", "no-store");
    }
  } catch (const HttpError& error) {
    response = Response();
    writeProblem(response, error);
    if (error.status() == 401 || error.status() == 403) response.noStore();
  } catch (const std::exception& error) {
    Poco::Logger::get("cadre.http")
        .error("request %s %s %s failed: %s", request.requestId, request.method, request.path,
               std::string(error.what()));
    response = Response();
    writeProblem(
        response, 500, "Internal Server Error",
        "an unexpected error occurred; quote error id " + request.requestId + " to support");
  } catch (...) {
    Poco::Logger::get("cadre.http")
        .error("request %s %s %s failed with a non-standard exception", request.requestId,
               request.method, request.path);
    response = Response();
    writeProblem(
        response, 500, "Internal Server Error",
        "an unexpected error occurred; quote error id " + request.requestId + " to support");
  }
  request.user = nullptr;
  return outcome;
}

}  // namespace cadre::http
