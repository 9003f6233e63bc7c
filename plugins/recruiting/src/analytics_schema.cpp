#include "analytics_schema.hpp"

namespace cadre::recruiting {

Migration analyticsMigration() {
  return {3,
          "the funnel's covering index on stage moves",
          {"CREATE INDEX recruiting_stage_moves_funnel ON recruiting_stage_moves "
           "(requisition_id, to_stage_id, application_id, from_stage_id)",
           "DROP INDEX recruiting_stage_moves_requisition"}};
}

}  // namespace cadre::recruiting
