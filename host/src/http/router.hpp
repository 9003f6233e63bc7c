#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "cadre/http.hpp"

namespace cadre::http {

/// A route with the plugin ("host" for the host's own) that declared it.
struct RegisteredRoute {
  std::string owner;
  Route route;
  /// The pattern split at '/', with "{name}" segments kept as written.
  std::vector<std::string> segments;
};

/// The outcome of matching a request's method and path.
struct RouteMatch {
  std::shared_ptr<const RegisteredRoute> route;
  std::map<std::string, std::string> params;
  /// True when the path matched some route but not with this method (405 rather than 404).
  bool pathMatchedOtherMethod = false;
};

/// Maps method + path to routes. Patterns are absolute paths whose segments are literals or
/// `{name}` parameters; a literal segment wins over a parameter. Thread-safe: reads run in
/// parallel, add and withdraw take a write lock.
class Router {
 public:
  /// Throws std::invalid_argument for a route without a permission (deny by default), without a
  /// handler, with a malformed pattern or method, or one whose method and shape another route
  /// already has; the message names the route.
  void add(const std::string& owner, Route route);
  /// Removes every route of an owner (a plugin that failed to start).
  void withdraw(const std::string& owner);
  /// The most specific route for a method and a path (without query string, still
  /// percent-encoded; parameter values come back decoded). No route and pathMatchedOtherMethod
  /// set means 405; neither means 404.
  RouteMatch match(const std::string& method, const std::string& path) const;
  /// Every route, in registration order (for OpenAPI).
  std::vector<std::shared_ptr<const RegisteredRoute>> routes() const;

 private:
  mutable std::shared_mutex mutex_;
  std::vector<std::shared_ptr<const RegisteredRoute>> routes_;
};

}  // namespace cadre::http
