#include "onboarding_schema.hpp"

namespace cadre::recruiting {

Migration onboardingTrainingMigration() {
  return {2,
          "the training programs of an onboarding template",
          {"CREATE TABLE recruiting_onboarding_template_trainings ("
           "template_id ${bigint} NOT NULL REFERENCES recruiting_onboarding_templates(id), "
           "program_id ${bigint} NOT NULL REFERENCES recruiting_training_programs(id), "
           "PRIMARY KEY (template_id, program_id))",
           "CREATE INDEX recruiting_onboarding_template_trainings_program ON "
           "recruiting_onboarding_template_trainings (program_id)"}};
}

}  // namespace cadre::recruiting
