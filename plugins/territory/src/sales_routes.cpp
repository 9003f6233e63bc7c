// The sales side's REST API under /api/v1/territory/: territory models and territories,
// accounts and assignment rules, rep seats, metrics and the balance report.
#include "sales_routes.hpp"

#include "routes.hpp"

namespace cadre::territory {

void addSalesRoutes(PluginContext& context) {
  addTerritoryModelRoutes(context);
  addAccountRoutes(context);
  addRepSeatRoutes(context);
  addRuleRoutes(context);
  addMetricsRoutes(context);
}

}  // namespace cadre::territory
