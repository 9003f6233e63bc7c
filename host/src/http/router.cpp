#include "http/router.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace cadre::http {
namespace {

constexpr std::array<const char*, 5> kMethods{"GET", "POST", "PUT", "PATCH", "DELETE"};

bool isParam(const std::string& segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

std::string paramName(const std::string& segment) {
  return segment.substr(1, segment.size() - 2);
}

bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// Splits "/a/b" into {"a", "b"}; "/" is no segments. Empty segments are kept so that callers can
/// refuse them.
std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> segments;
  if (path.size() <= 1) return segments;
  std::size_t start = 1;
  while (true) {
    std::size_t slash = path.find('/', start);
    segments.push_back(path.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return segments;
}

std::string describe(const Route& route) {
  return "route " + route.method + " " + route.pattern;
}

void checkSegment(const Route& route, const std::string& segment, std::vector<std::string>& names) {
  if (segment.empty()) throw std::invalid_argument(describe(route) + " has an empty path segment");
  if (isParam(segment)) {
    std::string name = paramName(segment);
    if (name.empty() || !std::all_of(name.begin(), name.end(), isNameChar))
      throw std::invalid_argument(describe(route) + " has a malformed parameter '" + segment + "'");
    if (std::find(names.begin(), names.end(), name) != names.end())
      throw std::invalid_argument(describe(route) + " repeats the parameter '" + name + "'");
    names.push_back(name);
  } else if (segment.find_first_of("{}") != std::string::npos) {
    throw std::invalid_argument(describe(route) + " has a malformed segment '" + segment + "'");
  }
}

std::vector<std::string> checkedSegments(const Route& route) {
  if (!route.permission.isStated())
    throw std::invalid_argument(describe(route) + " has no permission (deny by default)");
  if (!route.handler) throw std::invalid_argument(describe(route) + " has no handler");
  if (std::find_if(kMethods.begin(), kMethods.end(),
                   [&](const char* m) { return route.method == m; }) == kMethods.end())
    throw std::invalid_argument(
        describe(route) + " has an unknown method (expected GET, POST, PUT, PATCH or DELETE)");
  if (route.pattern.empty() || route.pattern.front() != '/')
    throw std::invalid_argument(describe(route) + " has a pattern that is not an absolute path");
  std::vector<std::string> segments = split(route.pattern);
  std::vector<std::string> names;
  for (const auto& segment : segments) checkSegment(route, segment, names);
  return segments;
}

/// Two patterns have the same shape when they match the same paths: equal literals, parameters
/// anywhere (whatever their names) at the same positions.
bool sameShape(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (isParam(a[i]) != isParam(b[i])) return false;
    if (!isParam(a[i]) && a[i] != b[i]) return false;
  }
  return true;
}

/// Whether the route's segments match the path's; fills the decoded parameter values.
bool matches(const RegisteredRoute& route, const std::vector<std::string>& path,
             std::map<std::string, std::string>& params) {
  if (route.segments.size() != path.size()) return false;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const std::string& segment = route.segments[i];
    if (path[i].empty()) return false;
    if (!isParam(segment)) {
      if (segment != path[i]) return false;
      continue;
    }
    std::string value;
    try {
      Poco::URI::decode(path[i], value);
    } catch (const Poco::Exception&) {
      return false;
    }
    params[paramName(segment)] = value;
  }
  return true;
}

/// Whether `a` is more specific than `b`: at the first position where one has a literal and the
/// other a parameter, the literal wins.
bool moreSpecific(const RegisteredRoute& a, const RegisteredRoute& b) {
  for (std::size_t i = 0; i < a.segments.size() && i < b.segments.size(); ++i) {
    bool aParam = isParam(a.segments[i]);
    if (aParam != isParam(b.segments[i])) return !aParam;
  }
  return false;
}

}  // namespace

void Router::add(const std::string& owner, Route route) {
  auto entry = std::make_shared<RegisteredRoute>();
  entry->segments = checkedSegments(route);
  entry->owner = owner;
  entry->route = std::move(route);
  std::unique_lock lock(mutex_);
  for (const auto& existing : routes_) {
    if (existing->route.method == entry->route.method &&
        sameShape(existing->segments, entry->segments)) {
      throw std::invalid_argument(describe(entry->route) + " clashes with " +
                                  describe(existing->route) + " of '" + existing->owner + "'");
    }
  }
  routes_.push_back(std::move(entry));
}

void Router::withdraw(const std::string& owner) {
  std::unique_lock lock(mutex_);
  routes_.erase(std::remove_if(routes_.begin(), routes_.end(),
                               [&](const auto& route) { return route->owner == owner; }),
                routes_.end());
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
  RouteMatch result;
  if (path.empty() || path.front() != '/') return result;
  std::vector<std::string> segments = split(path);
  std::shared_lock lock(mutex_);
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!matches(*route, segments, params)) continue;
    if (route->route.method != method) {
      result.pathMatchedOtherMethod = true;
      continue;
    }
    if (!result.route || moreSpecific(*route, *result.route)) {
      result.route = route;
      result.params = std::move(params);
    }
  }
  if (result.route) result.pathMatchedOtherMethod = false;
  return result;
}

std::vector<std::shared_ptr<const RegisteredRoute>> Router::routes() const {
  std::shared_lock lock(mutex_);
  return routes_;
}

}  // namespace cadre::http
