#pragma once

#include <string>

namespace cadre::ldap {

/// Today's local date, YYYY-MM-DD: the effective date of a sync's changes.
std::string todayLocal();
/// Now in UTC, ISO-8601 to the second ("2024-05-01T07:30:00Z"): when a run started and ended.
std::string nowUtc();
/// The local hour now (0–23), for the daily full sync.
int localHour();

}  // namespace cadre::ldap
