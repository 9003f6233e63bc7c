#pragma once

#include "cadre/database.hpp"

namespace cadre::recruiting {

/// Step 2 of the plugin's schema: the training programs an onboarding template assigns to
/// every plan made from it. Appended to recruitingMigrations().
Migration onboardingTrainingMigration();

}  // namespace cadre::recruiting
