#pragma once

#include <vector>

#include "cadre/database.hpp"

namespace cadre::recruiting {

/// The plugin's schema steps: 1 the whole data model (requisitions and approvals, stages,
/// candidates and CVs, applications and moves, interviews and scorecards, offers, onboarding,
/// training, the notification outbox); 3 the funnel's index (analytics_schema.hpp). Ids of the
/// territory plugin's rows (org units, positions, territories, employees) are kept without foreign
/// keys: another plugin's tables are read through its service, never tied into ours.
std::vector<Migration> recruitingMigrations();

}  // namespace cadre::recruiting
