#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "sync_plan.hpp"

namespace cadre::ldap {

/// How a run ended: completed (written, or only shown for a dry run), stopped before writing
/// (the disable guard), or failed (the directory or the database failed; nothing written).
enum class RunOutcome { Completed, Stopped, Failed };
const char* runOutcomeName(RunOutcome outcome);

/// The counts of a run per outcome. Every entry read counts once (created, updated, moved,
/// disabled, reactivated or unchanged) unless it was skipped with an error; `disabled` counts
/// the people suspended (disabled in the directory) and terminated (gone from it).
struct SyncCounts {
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t moved = 0;
  std::int64_t disabled = 0;
  std::int64_t reactivated = 0;
  std::int64_t unchanged = 0;
  std::vector<EntryError> errors;
  bool changedNothing() const {
    return created == 0 && updated == 0 && moved == 0 && disabled == 0 && reactivated == 0;
  }
};

/// One sync run as recorded in ldap_sync_runs and answered by the API and `--json`.
struct SyncRun {
  std::int64_t id = 0;
  SyncMode mode = SyncMode::Full;
  bool dryRun = false;
  bool forced = false;
  /// "cli" or "job".
  std::string startedBy;
  /// ISO-8601 UTC timestamps.
  std::string startedAt;
  std::string finishedAt;
  RunOutcome outcome = RunOutcome::Completed;
  /// What happened, in a sentence (the reason a run stopped or failed).
  std::string message;
  std::int64_t entriesRead = 0;
  SyncCounts counts;
  /// All errors of the run; `counts.errors` keeps the first kMaxRecordedErrors once recorded.
  std::int64_t errorCount = 0;
  /// The change mark an incremental run starts from next (empty: none yet).
  std::string watermark;
};

/// How many of a run's errors are kept with it.
inline constexpr std::size_t kMaxRecordedErrors = 1000;

/// The run as JSON: {"id", "mode", "dryRun", "forced", "startedBy", "startedAt", "finishedAt",
/// "outcome", "message", "entriesRead", "created", "updated", "moved", "disabled",
/// "reactivated", "unchanged", "errorCount", "errors": [{"dn", "message"}]}.
Poco::JSON::Object::Ptr runJson(const SyncRun& run);

/// The planned changes as JSON, for a dry run: [{"kind", "dn", "directoryId", "employeeId",
/// "fields": [{"field", "from", "to"}]}].
Poco::JSON::Array::Ptr changesJson(const std::vector<PlannedChange>& changes);

/// The compact JSON text of a value.
std::string jsonText(const Poco::Dynamic::Var& value);

}  // namespace cadre::ldap
