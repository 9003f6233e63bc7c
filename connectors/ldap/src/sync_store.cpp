#include "sync_store.hpp"

#include <algorithm>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

namespace cadre::ldap {
namespace {

constexpr const char* kRunColumns =
    "SELECT id, mode, dry_run, forced, started_by, started_at, finished_at, outcome, message, "
    "entries_read, created, updated, moved, disabled, reactivated, unchanged, error_count, "
    "errors_json, watermark FROM ldap_sync_runs ";

RunOutcome outcomeOf(const std::string& name) {
  if (name == "completed") return RunOutcome::Completed;
  if (name == "stopped") return RunOutcome::Stopped;
  return RunOutcome::Failed;
}

std::vector<EntryError> errorsOf(const std::string& json) {
  std::vector<EntryError> errors;
  auto list = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Array::Ptr>();
  for (std::size_t i = 0; i < list->size(); ++i) {
    auto item = list->getObject(static_cast<unsigned>(i));
    errors.push_back({item->getValue<std::string>("dn"), item->getValue<std::string>("message")});
  }
  return errors;
}

SyncRun runOf(const SqlRow& row) {
  SyncRun run;
  run.id = row.getInt(0);
  run.mode = row.getString(1) == "full" ? SyncMode::Full : SyncMode::Incremental;
  run.dryRun = row.getInt(2) != 0;
  run.forced = row.getInt(3) != 0;
  run.startedBy = row.getString(4);
  run.startedAt = row.getString(5);
  run.finishedAt = row.getString(6);
  run.outcome = outcomeOf(row.getString(7));
  run.message = row.getString(8);
  run.entriesRead = row.getInt(9);
  run.counts.created = row.getInt(10);
  run.counts.updated = row.getInt(11);
  run.counts.moved = row.getInt(12);
  run.counts.disabled = row.getInt(13);
  run.counts.reactivated = row.getInt(14);
  run.counts.unchanged = row.getInt(15);
  run.errorCount = row.getInt(16);
  run.counts.errors = errorsOf(row.getString(17));
  run.watermark = row.getString(18);
  return run;
}

}  // namespace

void SyncStore::lock() {
  tx_.execute("UPDATE ldap_state SET value = value WHERE name = 'lock'");
}

std::optional<std::string> SyncStore::state(const std::string& name) {
  auto row = tx_.queryOne("SELECT value FROM ldap_state WHERE name = ?", {name});
  if (!row) return std::nullopt;
  return row->getString(0);
}

void SyncStore::setState(const std::string& name, const std::string& value) {
  if (tx_.execute("UPDATE ldap_state SET value = ? WHERE name = ?", {value, name}) == 0)
    tx_.execute("INSERT INTO ldap_state (name, value) VALUES (?, ?)", {name, value});
}

std::optional<std::string> SyncStore::watermark() {
  return state("watermark");
}

void SyncStore::setWatermark(const std::string& value) {
  setState("watermark", value);
}

std::map<std::string, std::string> SyncStore::disabledBySync() {
  std::map<std::string, std::string> result;
  for (const auto& row : tx_.query("SELECT directory_id, status FROM ldap_disabled"))
    result[row.getString(0)] = row.getString(1);
  return result;
}

std::map<std::string, std::string> SyncStore::disabledBySync(
    const std::vector<std::string>& directoryIds) {
  // Bound in chunks, far below every engine's limit of parameters.
  constexpr std::size_t kIdsPerQuery = 500;
  std::map<std::string, std::string> result;
  for (std::size_t first = 0; first < directoryIds.size(); first += kIdsPerQuery) {
    const std::size_t last = std::min(first + kIdsPerQuery, directoryIds.size());
    std::string sql = "SELECT directory_id, status FROM ldap_disabled WHERE directory_id IN (";
    SqlParams params;
    for (std::size_t i = first; i < last; ++i) {
      sql += i == first ? "?" : ", ?";
      params.emplace_back(directoryIds[i]);
    }
    for (const auto& row : tx_.query(sql + ")", params))
      result[row.getString(0)] = row.getString(1);
  }
  return result;
}

void SyncStore::markDisabled(const std::string& directoryId, std::int64_t employeeId,
                             const std::string& status, const std::string& reason,
                             const std::string& date) {
  tx_.execute("DELETE FROM ldap_disabled WHERE directory_id = ? OR employee_id = ?",
              {directoryId, employeeId});
  tx_.execute(
      "INSERT INTO ldap_disabled (directory_id, employee_id, status, reason, since) VALUES "
      "(?, ?, ?, ?, ?)",
      {directoryId, employeeId, status, reason, date});
}

void SyncStore::clearDisabled(std::int64_t employeeId) {
  tx_.execute("DELETE FROM ldap_disabled WHERE employee_id = ?", {employeeId});
}

std::int64_t SyncStore::recordRun(const SyncRun& run) {
  auto all = runJson(run)->getArray("errors");
  Poco::JSON::Array::Ptr errors = new Poco::JSON::Array;
  for (std::size_t i = 0; i < all->size() && i < kMaxRecordedErrors; ++i)
    errors->add(all->get(static_cast<unsigned>(i)));
  const auto& c = run.counts;
  return tx_.insert(
      "INSERT INTO ldap_sync_runs (mode, dry_run, forced, started_by, started_at, finished_at, "
      "outcome, message, entries_read, created, updated, moved, disabled, reactivated, "
      "unchanged, error_count, errors_json, watermark) VALUES "
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string(run.mode == SyncMode::Full ? "full" : "incremental"), std::int64_t{run.dryRun},
       std::int64_t{run.forced}, run.startedBy, run.startedAt, run.finishedAt,
       std::string(runOutcomeName(run.outcome)), run.message, run.entriesRead, c.created, c.updated,
       c.moved, c.disabled, c.reactivated, c.unchanged, run.errorCount, jsonText(errors),
       run.watermark});
}

std::vector<SyncRun> SyncStore::runs(std::int64_t beforeId, std::size_t limit) {
  std::vector<SyncRun> result;
  auto rows = beforeId > 0
                  ? tx_.query(std::string(kRunColumns) + "WHERE id < ? ORDER BY id DESC LIMIT ?",
                              {beforeId, static_cast<std::int64_t>(limit)})
                  : tx_.query(std::string(kRunColumns) + "ORDER BY id DESC LIMIT ?",
                              {static_cast<std::int64_t>(limit)});
  for (const auto& row : rows) result.push_back(runOf(row));
  return result;
}

std::optional<SyncRun> SyncStore::run(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kRunColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return runOf(*row);
}

std::optional<std::string> SyncStore::scheduledFullDate() {
  return state("scheduledFullDate");
}

void SyncStore::setScheduledFullDate(const std::string& date) {
  setState("scheduledFullDate", date);
}

}  // namespace cadre::ldap
