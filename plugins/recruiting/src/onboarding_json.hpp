#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "onboarding.hpp"

namespace cadre::recruiting {

/// The JSON forms of onboarding objects, one each for the API, the audit log and events.
Poco::JSON::Object::Ptr templateJson(const OnboardingTemplate& t);
Poco::JSON::Object::Ptr programJson(const TrainingProgram& p);
/// The plan with its progress (tasks, done, overdue, trainings, trainingsCompleted, percent).
Poco::JSON::Object::Ptr planJson(const OnboardingPlan& plan);
/// A task; `overdue` when it is open and was due before `today`.
Poco::JSON::Object::Ptr taskJson(const PlanTask& task, const std::string& today);
Poco::JSON::Object::Ptr trainingJson(const PlanTraining& training, const std::string& today);

/// The columns of a plan list as CSV, and one plan's row.
std::vector<std::string> planCsvHeader();
std::vector<std::string> planCsvRow(const OnboardingPlan& plan);

}  // namespace cadre::recruiting
