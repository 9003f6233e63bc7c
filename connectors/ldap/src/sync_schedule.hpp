#pragma once

#include "cadre/context.hpp"
#include "directory_sync.hpp"
#include "sync_command.hpp"

namespace cadre::ldap {

/// The scheduled sync "ldap.sync", every ldap.syncIntervalMinutes: incremental, except for the
/// first run at or after ldap.fullSyncHour (local time) each day, which is full. A run that
/// failed throws (the host counts the job failed), and a failed daily full sync is tried again
/// at the next interval; one the disable guard stopped waits for the next day (or a human).
JobSpec syncJob(Database& database, SyncRunner runner, std::chrono::minutes interval,
                int fullSyncHour);

}  // namespace cadre::ldap
