#include "directory_people.hpp"

#include "cadre/http.hpp"
#include "employee_store.hpp"
#include "import_store.hpp"
#include "workforce.hpp"

namespace cadre::territory {

DirectoryPeople::DirectoryPeople(Transaction& tx, AuditTrail audit, AuditBatchTrail auditBatch,
                                 std::string actor, std::string effectiveDate)
    : tx_(tx),
      audit_(std::move(audit)),
      auditBatch_(std::move(auditBatch)),
      actor_(std::move(actor)),
      effectiveDate_(std::move(effectiveDate)) {}

namespace {

/// Hires the database was asked about before the taken keys are read at once: a run that hires
/// a few people (an incremental sync) never reads every employee's keys.
constexpr std::size_t kHiresBeforeReadingTakenKeys = 100;

}  // namespace

bool DirectoryPeople::mayBeKnown(const DirectoryPerson& person) {
  if (!takenLoaded_) {
    if (hiresAsked_ < kHiresBeforeReadingTakenKeys) return true;
    ImportStore store(tx_);
    for (const auto& [number, known] : store.employeesByNumber()) takenNumbers_.insert(number);
    for (const auto& [directoryId, id] : store.employeeIdsByDirectoryId())
      takenDirectoryIds_.insert(directoryId);
    takenLoaded_ = true;
  }
  return person.directoryId.empty() || person.employeeNumber.empty() ||
         takenDirectoryIds_.count(person.directoryId) ||
         (!person.formerDirectoryId.empty() &&
          takenDirectoryIds_.count(person.formerDirectoryId)) ||
         takenNumbers_.count(person.employeeNumber);
}

DirectoryOutcome DirectoryPeople::upsert(const DirectoryPerson& person) {
  const bool known = mayBeKnown(person);
  // Whatever happens below, these keys may be taken from now on.
  takenDirectoryIds_.insert(person.directoryId);
  takenNumbers_.insert(person.employeeNumber);
  if (!known && person.orgUnitId) return queue(person);
  // The database is asked below: it must have the queued people, or one of them with this
  // person's number or directory id would be found by the unique constraint, not by the rules.
  writeQueue();
  Workforce workforce(tx_, audit_, actor_);
  if (workforce.employeeOfDirectoryPerson(person, effectiveDate_) || !person.orgUnitId ||
      EmployeeStore(tx_).idOfNumber(person.employeeNumber)) {
    // Someone Cadre has, or a refusal (no org unit, a taken number) Workforce words.
    auto outcome = workforce.upsertFromDirectory(person, effectiveDate_);
    // A re-activated manager or unit head is employed again: ask the database again. (The
    // queue is empty: it was written above.)
    if (outcome == DirectoryOutcome::Reactivated) hiring_.reset();
    return outcome;
  }
  ++hiresAsked_;
  return queue(person);
}

DirectoryOutcome DirectoryPeople::queue(const DirectoryPerson& person) {
  if (!hiring_) hiring_.emplace(tx_, audit_, actor_, auditBatch_);
  NewEmployee fresh{person.employeeNumber, person.givenName,   person.familyName,  person.email,
                    person.phone,          person.directoryId, person.directoryDn, std::nullopt};
  Placement placement{std::nullopt, person.orgUnitId, person.managerId,
                      "full_time",  effectiveDate_,   "hire"};
  hiring_->queueNewcomer(fresh, placement);
  return DirectoryOutcome::Created;
}

void DirectoryPeople::writeQueue() {
  if (!hiring_) return;
  for (const auto& hired : hiring_->hireQueued()) hired_.emplace_back(hired.directoryId, hired.id);
}

std::vector<std::pair<std::string, std::int64_t>> DirectoryPeople::flush() {
  writeQueue();
  return std::exchange(hired_, {});
}

void DirectoryPeople::forget() {
  hiring_.reset();
  hired_.clear();
}

}  // namespace cadre::territory
