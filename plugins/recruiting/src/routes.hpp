#pragma once

#include <memory>

#include "cadre/context.hpp"
#include "cadre/territory/org_directory.hpp"

namespace cadre::recruiting {

/// What every recruiting route needs: the host's context and the territory plugin's org
/// directory (looked up once at registration; the territory plugin starts first).
struct RouteContext {
  PluginContext& plugin;
  std::shared_ptr<territory::OrgDirectory> org;
};

/// Each declares one area's routes under /api/v1/recruiting/. The handlers keep the context,
/// valid until the plugin stops. recruiting_plugin.cpp calls every one of them.
void registerRequisitionRoutes(const RouteContext& context);
void registerCandidateRoutes(const RouteContext& context);
void registerApplicationRoutes(const RouteContext& context);
void registerStageRoutes(const RouteContext& context);
void registerAnalyticsRoutes(const RouteContext& context);

/// Adds the daily job that erases candidates whose retention date has passed.
void addCandidateRetentionJob(const RouteContext& context);

}  // namespace cadre::recruiting
