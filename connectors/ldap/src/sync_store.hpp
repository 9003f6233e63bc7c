#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "sync_run.hpp"

namespace cadre::ldap {

/// The SQL of the connector's own tables (ldap_schema.hpp), inside the caller's transaction.
class SyncStore {
 public:
  explicit SyncStore(Transaction& tx) : tx_(tx) {}

  /// Takes the sync's row lock: a second run (another host, the CLI beside the job) waits until
  /// this transaction ends. On SQLite the write transaction holds the database lock already.
  void lock();

  /// The change mark the next incremental run starts from; std::nullopt before the first run.
  std::optional<std::string> watermark();
  void setWatermark(const std::string& value);

  /// The people this connector suspended or terminated: directory id → status.
  std::map<std::string, std::string> disabledBySync();
  /// The same, of these directory ids only.
  std::map<std::string, std::string> disabledBySync(const std::vector<std::string>& directoryIds);
  void markDisabled(const std::string& directoryId, std::int64_t employeeId,
                    const std::string& status, const std::string& reason, const std::string& date);
  /// Forgets that the sync disabled this employee (they are back).
  void clearDisabled(std::int64_t employeeId);

  /// Records a run and returns its id.
  std::int64_t recordRun(const SyncRun& run);
  /// Runs newest first, starting after the run with id `beforeId` (0 for the newest).
  std::vector<SyncRun> runs(std::int64_t beforeId, std::size_t limit);
  std::optional<SyncRun> run(std::int64_t id);
  /// The local date (YYYY-MM-DD) the scheduled job last ran its daily full sync.
  std::optional<std::string> scheduledFullDate();
  void setScheduledFullDate(const std::string& date);

 private:
  std::optional<std::string> state(const std::string& name);
  void setState(const std::string& name, const std::string& value);

  Transaction& tx_;
};

}  // namespace cadre::ldap
