#pragma once

#include "cadre/context.hpp"

namespace cadre::ldap {

/// GET /api/v1/ldap/runs (admin; newest first, `limit` and `cursor`) and
/// GET /api/v1/ldap/runs/{id} (admin): the recorded sync runs.
void addRunRoutes(PluginContext& context);

}  // namespace cadre::ldap
