#pragma once

#include <cstdint>

#include "cadre/database.hpp"
#include "cadre/territory/org_directory.hpp"

namespace cadre::recruiting {

/// Queues the invitation of an interview, its .ics attached, to each interviewer with a mail
/// address: once per interviewer and calendar sequence, so a new time or place or a
/// cancellation (each raises the sequence) sends an update and an interviewer added later gets
/// theirs, while a change calendars need not see sends nothing. An interview that is done, or
/// not there, sends nothing. Returns how many were queued.
std::int64_t queueInterviewInvitations(Transaction& tx, territory::OrgDirectory& org,
                                       std::int64_t interviewId);

}  // namespace cadre::recruiting
