#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/database.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

/// What interviews, scorecards, offers and the hire need to know of an application: its
/// candidate, its requisition and hiring manager, and the stage it is in.
struct ApplicationFacts {
  std::int64_t id = 0;
  std::int64_t candidateId = 0;
  std::string candidateGivenName;
  std::string candidateFamilyName;
  /// Given and family name, as written.
  std::string candidateName;
  std::optional<std::string> candidateEmail;
  std::optional<std::string> candidatePhone;
  std::int64_t requisitionId = 0;
  std::string requisitionTitle;
  std::string requisitionState;
  std::int64_t hiringManagerId = 0;
  std::int64_t stageId = 0;
  std::string stageCode;
  /// active, hired, rejected or withdrawn.
  std::string stageKind;
  std::optional<std::int64_t> hiredEmployeeId;
  std::int64_t version = 0;
};

/// The application, or std::nullopt when there is none.
std::optional<ApplicationFacts> findApplication(Transaction& tx, std::int64_t applicationId);

/// Whether the caller runs the hiring of this application: HR, or the requisition's hiring
/// manager.
bool runsHiring(const Caller& caller, const ApplicationFacts& application);

/// Whether `employeeId` interviews for this application (on an interview not cancelled).
bool interviewsFor(Transaction& tx, std::int64_t employeeId, std::int64_t applicationId);

/// The application when the caller may see it (those who run its hiring and its interviewers);
/// 404 "there is no application N" otherwise, so that others learn nothing of it.
ApplicationFacts visibleApplication(Transaction& tx, const Caller& caller,
                                    std::int64_t applicationId);

/// The application when the caller runs its hiring; 404 when they may not see it, 403 when
/// they see it as an interviewer only.
ApplicationFacts managedApplication(Transaction& tx, const Caller& caller,
                                    std::int64_t applicationId);

/// Throws 422 naming the stage unless the application is still in an active stage.
void requireActive(const ApplicationFacts& application);

}  // namespace cadre::recruiting
