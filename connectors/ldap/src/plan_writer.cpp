#include "plan_writer.hpp"

#include <algorithm>

#include "cadre/http.hpp"

namespace cadre::ldap {
namespace {

constexpr const char* kSavepoint = "ldap_person";
constexpr const char* kBatchSavepoint = "ldap_batch";
const std::string kDisabledReason = "disabled in the directory";
const std::string kEnabledReason = "enabled in the directory again";
const std::string kGoneReason = "removed from the directory";

std::string messageOf(const std::exception& e) {
  if (const auto* http = dynamic_cast<const HttpError*>(&e)) {
    std::string text = http->what();
    for (const auto& field : http->fields()) text += "; " + field.field + ": " + field.message;
    return text;
  }
  return e.what();
}

}  // namespace

PlanWriter::PlanWriter(Transaction& tx, territory::OrgDirectory& org, std::string today,
                       std::string actor,
                       const std::vector<territory::EmployeeRecord>& employeesBefore)
    : tx_(tx),
      org_(org),
      people_(org.directoryWriter(tx, today, actor)),
      store_(tx),
      today_(std::move(today)),
      actor_(std::move(actor)) {
  rememberEmployees(employeesBefore);
}

void PlanWriter::rememberEmployees(const std::vector<territory::EmployeeRecord>& employees) {
  for (const auto& e : employees) employeeIds_[e.directoryId] = e.id;
}

void PlanWriter::writeChanges(const std::vector<PlannedChange>& changes, SyncCounts& counts) {
  for (std::size_t first = 0; first < changes.size(); first += kBatchSize) {
    const std::size_t last = std::min(first + kBatchSize, changes.size());
    if (!writeBatch(changes, first, last, counts)) {
      for (std::size_t i = first; i < last; ++i) writeAlone(changes[i], counts);
    }
  }
}

bool PlanWriter::writeBatch(const std::vector<PlannedChange>& changes, std::size_t first,
                            std::size_t last, SyncCounts& counts) {
  const SyncCounts before{counts.created,
                          counts.updated,
                          counts.moved,
                          counts.disabled,
                          counts.reactivated,
                          counts.unchanged,
                          {}};
  const std::size_t errorsBefore = counts.errors.size();
  newIds_.clear();
  tx_.execute(std::string("SAVEPOINT ") + kBatchSavepoint);
  try {
    for (std::size_t i = first; i < last; ++i) write(changes[i], counts);
    // Inside the savepoint: a failure to write the queue rolls the batch back like a refusal.
    flushPeople();
    tx_.execute(std::string("RELEASE SAVEPOINT ") + kBatchSavepoint);
    return true;
  } catch (const std::exception&) {
    // Someone in the batch was refused: undo the batch (in the database and here) and let the
    // caller write it again one person at a time, so that only the refused one is left out.
    tx_.execute(std::string("ROLLBACK TO SAVEPOINT ") + kBatchSavepoint);
    tx_.execute(std::string("RELEASE SAVEPOINT ") + kBatchSavepoint);
    for (const auto& id : newIds_) employeeIds_.erase(id);
    newIds_.clear();
    people_->forget();
    std::vector<EntryError> errors(
        counts.errors.begin(), counts.errors.begin() + static_cast<std::ptrdiff_t>(errorsBefore));
    counts = before;
    counts.errors = std::move(errors);
    return false;
  }
}

void PlanWriter::writeAlone(const PlannedChange& change, SyncCounts& counts) {
  newIds_.clear();
  tx_.execute(std::string("SAVEPOINT ") + kSavepoint);
  try {
    write(change, counts);
    flushPeople();
    tx_.execute(std::string("RELEASE SAVEPOINT ") + kSavepoint);
  } catch (const std::exception& e) {
    tx_.execute(std::string("ROLLBACK TO SAVEPOINT ") + kSavepoint);
    tx_.execute(std::string("RELEASE SAVEPOINT ") + kSavepoint);
    for (const auto& id : newIds_) employeeIds_.erase(id);
    people_->forget();
    counts.errors.push_back({change.dn, messageOf(e)});
  }
}

void PlanWriter::write(const PlannedChange& change, SyncCounts& counts) {
  switch (change.status) {
    case StatusAction::Terminate:
      flushPeople();  // forget() below would drop the queue
      org_.terminate(tx_, *change.employeeId, today_, kGoneReason, actor_);
      people_->forget();  // whoever it remembered as employed may not be any more
      store_.markDisabled(change.directoryId, *change.employeeId, "terminated", kGoneReason,
                          today_);
      ++counts.disabled;
      return;
    case StatusAction::Suspend:
      if (change.upsert) upsert(change, counts);
      org_.changeStatus(tx_, *change.employeeId, "suspended", today_, kDisabledReason, actor_);
      store_.markDisabled(change.directoryId, *change.employeeId, "suspended", kDisabledReason,
                          today_);
      ++counts.disabled;
      return;
    case StatusAction::Unsuspend:
      if (change.upsert) upsert(change, counts);
      org_.changeStatus(tx_, *change.employeeId, "active", today_, kEnabledReason, actor_);
      store_.clearDisabled(*change.employeeId);
      ++counts.reactivated;
      return;
    case StatusAction::None:
      upsert(change, counts);
      return;
  }
}

/// Writes master data and placement. Under a status change the counting is the status's.
void PlanWriter::upsert(const PlannedChange& change, SyncCounts& counts) {
  const DirectoryRecord& r = *change.record;
  territory::DirectoryPerson person{
      r.directoryId, r.dn,    r.employeeNumber, r.givenName,  r.familyName,
      r.email,       r.phone, change.orgUnitId, std::nullopt, change.formerDirectoryId};
  if (!change.managerDirectoryId.empty()) {
    person.managerId = employeeOf(change.managerDirectoryId);
    if (!person.managerId) {
      counts.errors.push_back(
          {r.dn, "manager '" + r.managerDn + "' was not synced; the manager is left as it is"});
    }
  }
  auto outcome = people_->upsert(person);
  if (outcome == territory::DirectoryOutcome::Reactivated && change.employeeId)
    store_.clearDisabled(*change.employeeId);
  if (change.status == StatusAction::None) count(change, outcome, counts);
}

void PlanWriter::count(const PlannedChange& change, territory::DirectoryOutcome outcome,
                       SyncCounts& counts) const {
  switch (outcome) {
    case territory::DirectoryOutcome::Created:
      ++counts.created;
      return;
    case territory::DirectoryOutcome::Reactivated:
      ++counts.reactivated;
      return;
    case territory::DirectoryOutcome::Updated:
      ++(change.kind == ChangeKind::Moved ? counts.moved : counts.updated);
      return;
    case territory::DirectoryOutcome::Unchanged:
      ++counts.unchanged;
      return;
  }
}

std::optional<std::int64_t> PlanWriter::employeeOf(const std::string& directoryId) {
  auto known = employeeIds_.find(directoryId);
  if (known != employeeIds_.end()) return known->second;
  // The manager may be queued in the writer, with no id yet.
  flushPeople();
  known = employeeIds_.find(directoryId);
  if (known != employeeIds_.end()) return known->second;
  auto found = org_.findByDirectoryId(tx_, directoryId);
  if (!found) return std::nullopt;
  employeeIds_[directoryId] = found->id;
  newIds_.push_back(directoryId);
  return found->id;
}

void PlanWriter::flushPeople() {
  // Their reports (written after them) find them here instead of asking the database.
  for (const auto& [directoryId, employeeId] : people_->flush()) {
    employeeIds_[directoryId] = employeeId;
    newIds_.push_back(directoryId);
  }
}

}  // namespace cadre::ldap
