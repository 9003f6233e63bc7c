#pragma once

#include <string>

#include "onboarding.hpp"

namespace cadre::recruiting {

/// The event a hire publishes inside its transaction; onboarding begins the new hire's plan in
/// the same transaction. Payload (JSON): {"applicationId", "employeeId", "requisitionId",
/// "startDate", "positionId", "orgUnitId", "managerEmployeeId"} and optionally
/// "mentorEmployeeId"; employeeId and startDate are required, the others may be null.
inline constexpr const char* kHireCompletedEvent = "recruiting.hire.completed";

/// Reads the hire event's payload; throws std::invalid_argument naming what is missing or
/// malformed (which rolls the hire back: a hire without its plan is not kept).
HireFacts hireFactsFrom(const std::string& payloadJson);

}  // namespace cadre::recruiting
