// HTTP for requisitions and their approvals: parse and validate, then the domain does the work.
#include "routes.hpp"

namespace cadre::recruiting {

void registerRequisitionRoutes(const RouteContext& /*context*/) {}

}  // namespace cadre::recruiting
