#pragma once

#include "cadre/context.hpp"

namespace cadre::territory {

/// Each declares one collection's routes under /api/v1/territory/. The handlers keep a
/// reference to the context, valid until the plugin stops.
void addOrgUnitRoutes(PluginContext& context);
void addEmployeeRoutes(PluginContext& context);
void addPositionRoutes(PluginContext& context);
void addSalesRoutes(PluginContext& context);
void addImportRoutes(PluginContext& context);

}  // namespace cadre::territory
