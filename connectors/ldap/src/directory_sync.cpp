// One sync run: read the directory, then plan and write in one transaction, and record the run.
#include "directory_sync.hpp"

#include <chrono>
#include <cstdio>
#include <deque>
#include <map>
#include <stdexcept>

#include <Poco/Logger.h>

#include "cadre_state.hpp"
#include "clock_text.hpp"
#include "directory_reader.hpp"
#include "plan_writer.hpp"
#include "sync_store.hpp"

namespace cadre::ldap {
namespace {

constexpr const char* kActor = "ldap-sync";

/// How long each step of a run took, logged at debug level ("cadre.ldap") when the run ends.
class StepTimes {
 public:
  void step(const char* name) {
    auto now = std::chrono::steady_clock::now();
    char line[64];
    std::snprintf(line, sizeof line, "%s%s %.3f s", text_.empty() ? "" : ", ", name,
                  std::chrono::duration<double>(now - last_).count());
    text_ += line;
    last_ = now;
  }
  ~StepTimes() { Poco::Logger::get("cadre.ldap").debug("sync steps: " + text_); }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::string text_;
};

/// Department → org unit id through ldap.departmentMap, looked up once per department.
class DepartmentUnits {
 public:
  DepartmentUnits(Transaction& tx, territory::OrgDirectory& org, const LdapSettings& settings)
      : tx_(tx), org_(org), settings_(settings) {}

  std::optional<std::int64_t> operator()(const std::string& department) {
    auto cached = cache_.find(department);
    if (cached != cache_.end()) return cached->second;
    auto mapped = settings_.departmentMap.find(department);
    std::optional<std::int64_t> unit;
    if (mapped != settings_.departmentMap.end()) {
      unit = org_.findOrgUnitByCode(tx_, mapped->second);
      if (!unit) {
        throw std::runtime_error("ldap.departmentMap maps '" + department + "' to org unit '" +
                                 mapped->second + "', which does not exist; skipped");
      }
    }
    cache_[department] = unit;
    return unit;
  }

 private:
  Transaction& tx_;
  territory::OrgDirectory& org_;
  const LdapSettings& settings_;
  std::map<std::string, std::optional<std::int64_t>> cache_;
};

std::optional<std::int64_t> defaultUnit(Transaction& tx, territory::OrgDirectory& org,
                                        const std::string& code) {
  if (code.empty()) return std::nullopt;
  auto unit = org.findOrgUnitByCode(tx, code);
  if (!unit) throw std::runtime_error("ldap.defaultOrgUnit '" + code + "' names no org unit");
  return unit;
}

/// A failure of the writes made while the directory is read, told apart from the read's own.
class WriteFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The directory failing while it is read.
class ReadFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

const std::string kReadFailed = "reading the directory failed; nothing was written: ";

/// Moves written (or, dry, planned) changes to the run's result, without their records.
void keepChanges(std::vector<PlannedChange>& changes, std::vector<PlannedChange>& kept) {
  for (auto& change : changes) {
    change.record = nullptr;
    kept.push_back(std::move(change));
  }
  changes.clear();
}

std::string plural(std::int64_t count, const char* what) {
  return std::to_string(count) + " " + what;
}

}  // namespace

std::string completedMessage(const SyncRun& run) {
  const auto& c = run.counts;
  std::string prefix = run.dryRun ? "dry run, nothing written: " : "";
  if (c.changedNothing() && run.errorCount == 0)
    return prefix + "no change: the directory and Cadre agree (" +
           plural(c.unchanged, "unchanged") + ")";
  return prefix + plural(c.created, "created") + ", " + plural(c.updated, "updated") + ", " +
         plural(c.moved, "moved") + ", " + plural(c.disabled, "disabled") + ", " +
         plural(c.reactivated, "re-activated") + ", " + plural(c.unchanged, "unchanged") + ", " +
         plural(run.errorCount, "error(s)");
}

DirectorySync::DirectorySync(Database& database, std::shared_ptr<territory::OrgDirectory> org,
                             DirectoryConnector connect)
    : database_(database), org_(std::move(org)), connect_(std::move(connect)) {}

SyncResult DirectorySync::run(const LdapSettings& settings, const std::string& defaultOrgUnit,
                              const SyncRequest& request) {
  SyncResult result;
  SyncRun& run = result.run;
  run.startedBy = request.startedBy;
  run.startedAt = nowUtc();
  run.dryRun = request.dryRun;
  run.forced = request.force;
  StepTimes steps;
  std::unique_ptr<LdapConnection> connection;
  std::string filter;
  try {
    auto watermark = database_.inTransaction(
        [](Transaction& tx) { return SyncStore(tx).watermark(); }, TxMode::Read);
    run.mode = request.full || !watermark ? SyncMode::Full : SyncMode::Incremental;
    run.watermark = watermark.value_or("");
    filter = syncFilter(settings, run.mode, watermark, settings.overlap);
    connection = connect_(settings);
  } catch (const std::exception& e) {
    return finish(std::move(result), RunOutcome::Failed, kReadFailed + e.what());
  }
  steps.step("connect");
  try {
    auto tx = database_.begin(TxMode::Write);
    SyncStore store(*tx);
    store.lock();
    const std::string today = todayLocal();
    // A full run compares with everyone; an incremental one reads the people it concerns once
    // the directory was read (nothing is planned before: see SyncPlanner).
    const bool full = run.mode == SyncMode::Full;
    CadreState cadre = full ? readWholeCadre(*tx, *org_, store, today) : CadreState{};
    PlanOptions options{run.mode, DepartmentUnits(*tx, *org_, settings),
                        defaultUnit(*tx, *org_, defaultOrgUnit), settings.maxDisableShare,
                        request.force};
    SyncPlanner planner(cadre, options);
    PlanWriter writer(*tx, *org_, today, kActor, cadre.employees);
    steps.step("state");
    // The records outlive the planner's changes, which point at them.
    std::deque<DirectoryRecord> records;
    std::vector<PlannedChange> ready;
    SyncCounts written;
    DirectoryRead read;
    try {
      read = readEachRecord(
          *connection, settings, filter,
          [&](DirectoryRecord&& record) {
            try {
              records.push_back(std::move(record));
              planner.add(records.back(), ready);
              if (ready.size() < PlanWriter::kBatchSize) return;
              writer.writeChanges(ready, written);
              keepChanges(ready, result.changes);
            } catch (const std::exception& e) {
              throw WriteFailed(e.what());
            }
          },
          observer_);
    } catch (const WriteFailed&) {
      throw;
    } catch (const std::exception& e) {
      throw ReadFailed(e.what());
    }
    run.entriesRead = static_cast<std::int64_t>(read.entries);
    steps.step("read and write");
    if (!full) {
      cadre = readCadreFor(*tx, *org_, store, today, records);
      writer.rememberEmployees(cadre.employees);
      steps.step("state of the people read");
    }
    options.unreadableIds = std::move(read.unreadableIds);
    options.unreadableDnKeys = std::move(read.unreadableDnKeys);
    auto plan = planner.finish();
    std::vector<EntryError> errors = std::move(read.errors);
    errors.insert(errors.end(), plan.errors.begin(), plan.errors.end());
    steps.step("plan the rest");
    if (plan.stopReason) {
      keepChanges(ready, result.changes);
      keepChanges(plan.changes, result.changes);
      run.counts.errors = std::move(errors);
      tx.reset();  // rolls back: nothing was written
      return finish(std::move(result), RunOutcome::Stopped, *plan.stopReason);
    }
    writer.writeChanges(ready, written);
    keepChanges(ready, result.changes);
    writer.writeChanges(plan.changes, written);
    keepChanges(plan.changes, result.changes);
    run.counts = std::move(written);
    // A disabled account of someone Cadre does not have is left alone: nothing changes for it.
    run.counts.unchanged += static_cast<std::int64_t>(plan.unchanged + plan.disabledAndAbsent);
    errors.insert(errors.end(), run.counts.errors.begin(), run.counts.errors.end());
    run.counts.errors = std::move(errors);
    run.errorCount = static_cast<std::int64_t>(run.counts.errors.size());
    steps.step("write the rest");
    if (request.dryRun) {
      tx.reset();  // rolls the writes back
      return finish(std::move(result), RunOutcome::Completed, "");
    }
    run.watermark = laterMark(run.watermark, read.highestMark);
    store.setWatermark(run.watermark);
    run.outcome = RunOutcome::Completed;
    run.message = completedMessage(run);
    run.finishedAt = nowUtc();
    run.id = store.recordRun(run);
    tx->commit();
    steps.step("commit");
  } catch (const ReadFailed& e) {
    // Everything written while reading was rolled back with the transaction.
    return finish(std::move(result), RunOutcome::Failed, kReadFailed + e.what());
  } catch (const std::exception& e) {
    return finish(std::move(result), RunOutcome::Failed,
                  std::string("writing failed; nothing was written: ") + e.what());
  }
  return result;
}

SyncResult DirectorySync::finish(SyncResult result, RunOutcome outcome,
                                 const std::string& message) {
  SyncRun& run = result.run;
  run.outcome = outcome;
  run.errorCount = static_cast<std::int64_t>(run.counts.errors.size());
  run.message = outcome == RunOutcome::Completed ? completedMessage(run) : message;
  run.finishedAt = nowUtc();
  if (outcome != RunOutcome::Completed) {
    // Nothing was written: only the errors found on the way are kept.
    SyncCounts none;
    none.errors = std::move(run.counts.errors);
    run.counts = std::move(none);
  }
  try {
    run.id = database_.inTransaction([&](Transaction& tx) { return SyncStore(tx).recordRun(run); });
  } catch (const std::exception&) {
    // The database is what failed: the caller still gets the run, without an id.
    run.id = 0;
  }
  return result;
}

}  // namespace cadre::ldap
