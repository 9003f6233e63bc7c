// The sales side's REST API under /api/v1/territory/: territory models and territories,
// accounts and assignment rules, rep seats, metrics and the balance report.
#include "sales_routes.hpp"

#include "routes.hpp"

namespace cadre::territory {

Permission salesWriters() {
  return Permission::roles({Role::Admin, Role::Hr});
}

Permission salesReporters() {
  return Permission::roles({Role::Admin, Role::Hr, Role::Manager});
}

std::optional<std::int64_t> queryId(const Request& request, const std::string& name) {
  auto text = request.queryParam(name);
  if (!text) return std::nullopt;
  try {
    std::size_t used = 0;
    auto value = std::stoll(*text, &used);
    if (used == text->size() && value > 0) return value;
  } catch (const std::exception&) {
  }
  throw HttpError::badRequest(name + " must be a positive id", {{name, "not a positive id"}});
}

std::string actorOf(const Request& request) {
  return request.user ? request.user->username : "system";
}

void checkVersionIfGiven(const Request& request, std::int64_t current) {
  if (request.ifMatchVersion()) request.requireVersion(current);
}

void addSalesRoutes(PluginContext& context) {
  addTerritoryModelRoutes(context);
  addAccountRoutes(context);
  addRepSeatRoutes(context);
  addRuleRoutes(context);
  addMetricsRoutes(context);
}

}  // namespace cadre::territory
