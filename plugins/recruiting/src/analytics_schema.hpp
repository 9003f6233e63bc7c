#pragma once

#include "cadre/database.hpp"

namespace cadre::recruiting {

/// Step 3 of the plugin's schema (2 is onboarding's): the funnel's index on the stage moves,
/// (requisition_id, to_stage_id, application_id, from_stage_id), which answers the funnel's
/// counts from the index alone and in the order that counts distinct applications without a
/// sort; it takes the place of (requisition_id, to_stage_id), which it starts with.
Migration analyticsMigration();

}  // namespace cadre::recruiting
