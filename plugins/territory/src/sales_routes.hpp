#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "cadre/context.hpp"

namespace cadre::territory {

/// Who may change the sales side: admin and hr.
Permission salesWriters();
/// Who may read reports over people (metrics, balance): admin, hr and managers.
Permission salesReporters();
/// A query parameter that must be a positive id when present; HttpError 400 naming it otherwise.
std::optional<std::int64_t> queryId(const Request& request, const std::string& name);
/// The name a write is recorded under: the user's username.
std::string actorOf(const Request& request);
/// The If-Match version is checked when the header is given (optional precondition).
void checkVersionIfGiven(const Request& request, std::int64_t current);

/// Turns a member function of a routes object into a Handler that keeps the object alive.
template <typename Routes>
Handler bindRoute(const std::shared_ptr<Routes>& routes,
                  void (Routes::*method)(const Request&, Response&)) {
  return [routes, method](const Request& q, Response& r) { ((*routes).*method)(q, r); };
}

/// The parts of the sales REST API, each in its own file.
void addTerritoryModelRoutes(PluginContext& context);
void addAccountRoutes(PluginContext& context);
void addRepSeatRoutes(PluginContext& context);
void addRuleRoutes(PluginContext& context);
void addMetricsRoutes(PluginContext& context);

}  // namespace cadre::territory
