#include "bulk_hiring.hpp"

#include <algorithm>
#include <set>

#include "cadre/dates.hpp"
#include "cadre/http.hpp"
#include "cadre/json_text.hpp"
#include "employee_json.hpp"
#include "import_store.hpp"
#include "org_unit_store.hpp"
#include "vocabulary.hpp"

namespace cadre::territory {

namespace {

// The same as Workforce's.

std::string who(std::int64_t employeeId) {
  return "employee " + std::to_string(employeeId);
}

// What EmployeeStore::find(id, date) reads back after a hire, without reading it.
EmployeeRecord hiredRecord(std::int64_t id, const NewEmployee& person, const Assignment& first) {
  EmployeeRecord hired;
  hired.id = id;
  hired.employeeNumber = person.employeeNumber;
  hired.givenName = person.givenName;
  hired.familyName = person.familyName;
  hired.email = person.email;
  hired.phone = person.phone;
  hired.status = "active";
  hired.hireDate = first.validFrom;
  hired.directoryId = person.directoryId;
  hired.directoryDn = person.directoryDn;
  hired.managerId = first.managerId;
  hired.orgUnitId = first.orgUnitId;
  hired.employmentType = first.employmentType;
  hired.version = 1;
  return hired;
}

AuditEntry hireEntry(std::int64_t id, const std::string& after) {
  return {"territory.employee.hire", "employee", std::to_string(id), "", after};
}

}  // namespace

BulkHiring::BulkHiring(Transaction& tx, AuditTrail audit, std::string actor,
                       AuditBatchTrail auditBatch)
    : tx_(tx),
      employees_(tx),
      audit_(std::move(audit)),
      actor_(std::move(actor)),
      auditBatch_(std::move(auditBatch)) {}

void BulkHiring::checkUnique(const NewEmployee& person) {
  if (!keysLoaded_) {
    ImportStore store(tx_);
    for (const auto& [number, known] : store.employeesByNumber()) idOfNumber_[number] = known.id;
    idOfDirectoryId_ = store.employeeIdsByDirectoryId();
    keysLoaded_ = true;
  }
  // What is remembered may be stale only where the caller changed a directory id since; a
  // conflict is therefore confirmed with the database before it is reported.
  auto number = idOfNumber_.find(person.employeeNumber);
  if (number != idOfNumber_.end()) {
    throw HttpError::conflict("employee number '" + person.employeeNumber + "' belongs to " +
                              who(number->second));
  }
  if (person.directoryId.empty()) return;
  auto directory = idOfDirectoryId_.find(person.directoryId);
  if (directory != idOfDirectoryId_.end()) {
    auto holder = employees_.idOfDirectoryId(person.directoryId);
    if (holder) {
      throw HttpError::conflict("directory id '" + person.directoryId + "' belongs to " +
                                who(*holder));
    }
  }
}

void BulkHiring::checkUnitOpen(std::int64_t orgUnitId, const std::string& date) {
  auto key = std::make_pair(orgUnitId, date);
  auto known = unitOpen_.find(key);
  if (known == unitOpen_.end()) {
    known = unitOpen_.emplace(key, OrgUnitStore(tx_).find(orgUnitId, date).has_value()).first;
  }
  if (!known->second) {
    throw HttpError::unprocessable(
        "org unit " + std::to_string(orgUnitId) + " is not open on " + date,
        {{"orgUnitId", "not open on " + date}});
  }
}

void BulkHiring::checkManagerEmployed(std::int64_t managerId, const std::string& date) {
  auto key = std::make_pair(managerId, date);
  auto known = managerEmployed_.find(key);
  if (known == managerEmployed_.end()) {
    auto manager = employees_.find(managerId, date);
    bool employed = manager && manager->status != "terminated" && manager->orgUnitId;
    known = managerEmployed_.emplace(key, employed).first;
  }
  if (!known->second) {
    throw HttpError::unprocessable(who(managerId) + " is not employed on " + date,
                                   {{"managerId", "not employed on " + date}});
  }
}

std::optional<std::int64_t> BulkHiring::defaultManager(std::int64_t orgUnitId,
                                                       const std::string& date) {
  auto key = std::make_pair(orgUnitId, date);
  auto known = defaultManager_.find(key);
  if (known != defaultManager_.end()) return known->second;
  // Workforce::defaultManager: the head of the unit or of the nearest unit above with a head
  // who is employed then. Nobody hired now heads a unit, so none is the person themself.
  OrgUnitStore units(tx_);
  auto path = units.ancestors(orgUnitId, date);
  path.insert(path.begin(), orgUnitId);
  std::optional<std::int64_t> found;
  for (auto unitId : path) {
    auto unit = units.find(unitId, date);
    if (!unit || !unit->headEmployeeId) continue;
    auto head = employees_.find(*unit->headEmployeeId, date);
    if (head && head->status != "terminated" && head->orgUnitId) {
      found = head->id;
      break;
    }
  }
  defaultManager_.emplace(key, found);
  return found;
}

EmployeeRecord BulkHiring::hire(const NewEmployee& person, const Placement& placement) {
  checkUnique(person);
  auto hired = hireNewcomer(person, placement);
  if (keysLoaded_) {
    idOfNumber_[person.employeeNumber] = hired.id;
    if (!person.directoryId.empty()) idOfDirectoryId_[person.directoryId] = hired.id;
  }
  return hired;
}

Assignment BulkHiring::firstAssignment(const Placement& placement) {
  const auto& date = placement.effectiveDate;
  Assignment first;
  first.employmentType = placement.employmentType.empty() ? "full_time" : placement.employmentType;
  if (!kEmploymentTypes.count(first.employmentType)) {
    throw HttpError::unprocessable("employment type '" + first.employmentType + "' is unknown",
                                   {{"employmentType", "unknown"}});
  }
  if (!placement.orgUnitId) {
    throw HttpError::unprocessable("an org unit or a position is required",
                                   {{"orgUnitId", "required without a position"}});
  }
  first.orgUnitId = *placement.orgUnitId;
  checkUnitOpen(first.orgUnitId, date);
  if (placement.managerId) {
    checkManagerEmployed(*placement.managerId, date);
    first.managerId = placement.managerId;
  } else {
    first.managerId = defaultManager(first.orgUnitId, date);
  }
  first.reason = "hire";
  first.validFrom = date;
  first.validTo = kOpenEnd;
  first.recordedBy = actor_;
  return first;
}

EmployeeRecord BulkHiring::hireNewcomer(const NewEmployee& person, const Placement& placement) {
  // The rows of hireTogether, one statement each: hiring through a group of one (multi-row
  // SQL with RETURNING for a single row) made the import of 100,000 people (ImportSpeedTest)
  // take 6.9–7.5 s instead of 4.0 s.
  auto first = firstAssignment(placement);
  auto now = nowTimestamp();
  first.employeeId = employees_.insert(person, first.validFrom);
  first.recordedAt = now;
  employees_.addStatus(first.employeeId, {"active", first.validFrom, "hire", now, actor_});
  employees_.addAssignment(first);
  auto hired = hiredRecord(first.employeeId, person, first);
  auto after = employeeJsonText(hired);
  tx_.publish("territory.employee.hired", after);
  audit_(tx_, hireEntry(hired.id, after));
  return hired;
}

void BulkHiring::queueNewcomer(const NewEmployee& person, const Placement& placement) {
  queued_.push_back({person, firstAssignment(placement)});
}

std::vector<EmployeeRecord> BulkHiring::hireQueued() {
  std::vector<QueuedHire> queued;
  queued.swap(queued_);
  std::vector<EmployeeRecord> hired;
  hired.reserve(queued.size());
  for (std::size_t first = 0; first < queued.size(); first += kRowsPerInsert) {
    hireTogether(queued, first, std::min(first + kRowsPerInsert, queued.size()), hired);
  }
  return hired;
}

void BulkHiring::hireTogether(std::vector<QueuedHire>& queued, std::size_t first, std::size_t last,
                              std::vector<EmployeeRecord>& hired) {
  std::vector<NewHire> people;
  for (std::size_t i = first; i < last; ++i) {
    people.push_back({queued[i].person, queued[i].first.validFrom});
  }
  const auto ids = employees_.insertMany(people);
  // The rows of one statement are recorded at one time.
  const auto now = nowTimestamp();
  std::vector<std::pair<std::int64_t, StatusChange>> statuses;
  std::vector<Assignment> assignments;
  for (std::size_t i = first; i < last; ++i) {
    Assignment& assignment = queued[i].first;
    assignment.employeeId = ids[i - first];
    assignment.recordedAt = now;
    statuses.push_back(
        {assignment.employeeId, {"active", assignment.validFrom, "hire", now, actor_}});
    assignments.push_back(assignment);
  }
  employees_.addStatuses(statuses);
  employees_.addAssignments(assignments);
  std::vector<AuditEntry> entries;
  for (std::size_t i = first; i < last; ++i) {
    auto record = hiredRecord(queued[i].first.employeeId, queued[i].person, queued[i].first);
    auto after = employeeJsonText(record);
    tx_.publish("territory.employee.hired", after);
    entries.push_back(hireEntry(record.id, after));
    hired.push_back(std::move(record));
  }
  if (auditBatch_) {
    auditBatch_(tx_, entries);
  } else {
    for (const auto& entry : entries) audit_(tx_, entry);
  }
}

}  // namespace cadre::territory
