#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "cadre/context.hpp"
#include "route_support.hpp"

namespace cadre::territory {

/// The parts of the sales REST API, each in its own file.
void addTerritoryModelRoutes(PluginContext& context);
void addAccountRoutes(PluginContext& context);
void addRepSeatRoutes(PluginContext& context);
void addRuleRoutes(PluginContext& context);
void addMetricsRoutes(PluginContext& context);

}  // namespace cadre::territory
