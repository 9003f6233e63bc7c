#pragma once

#include <vector>

#include "cadre/database.hpp"

namespace cadre::territory {

/// The plugin's schema steps: 1 the org (units, positions, employees, assignments, headcount
/// plans), 2 the sales side (territory models, territories, accounts, rules, rep seats).
/// Periods are half-open: a row holds on D when valid_from <= D < valid_to.
std::vector<Migration> territoryMigrations();

}  // namespace cadre::territory
