#pragma once

#include <string>

#include "onboarding.hpp"

namespace cadre::recruiting {

/// Reads the payload of the hire event (kHireCompleted, hiring.hpp): {"applicationId",
/// "employeeId", "requisitionId", "startDate", "positionId", "orgUnitId", "managerEmployeeId", …}
/// and optionally "mentorEmployeeId"; employeeId and startDate are required, the ids may be
/// null, other fields are not read. Throws std::invalid_argument naming what is missing or
/// malformed (which rolls the hire back: a hire without its plan is not kept).
HireFacts hireFactsFrom(const std::string& payloadJson);

}  // namespace cadre::recruiting
