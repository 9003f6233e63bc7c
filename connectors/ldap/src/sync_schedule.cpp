#include "sync_schedule.hpp"

#include <stdexcept>

#include "clock_text.hpp"
#include "sync_store.hpp"

namespace cadre::ldap {

JobSpec syncJob(Database& database, SyncRunner runner, std::chrono::minutes interval,
                int fullSyncHour) {
  JobSpec job;
  job.name = "ldap.sync";
  job.interval = interval;
  job.run = [&database, runner = std::move(runner), fullSyncHour] {
    const std::string today = todayLocal();
    auto lastFull = database.inTransaction(
        [](Transaction& tx) { return SyncStore(tx).scheduledFullDate(); }, TxMode::Read);
    SyncRequest request;
    request.startedBy = "job";
    request.full = localHour() >= fullSyncHour && lastFull != today;
    auto result = runner(request);
    if (request.full && result.run.outcome != RunOutcome::Failed) {
      database.inTransaction([&](Transaction& tx) { SyncStore(tx).setScheduledFullDate(today); });
    }
    if (result.run.outcome != RunOutcome::Completed) throw std::runtime_error(result.run.message);
  };
  return job;
}

}  // namespace cadre::ldap
