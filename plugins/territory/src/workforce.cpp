#include "workforce.hpp"

#include <algorithm>
#include <set>

#include "cadre/dates.hpp"
#include "cadre/http.hpp"
#include "cadre/json_text.hpp"
#include "employee_json.hpp"
#include "org_unit_store.hpp"
#include "rep_seat_store.hpp"
#include "rep_seats.hpp"
#include "vocabulary.hpp"

namespace cadre::territory {

namespace {

std::string who(std::int64_t employeeId) {
  return "employee " + std::to_string(employeeId);
}

bool samePlace(const Assignment& a, const Assignment& b) {
  return a.positionId == b.positionId && a.orgUnitId == b.orgUnitId && a.managerId == b.managerId &&
         a.employmentType == b.employmentType;
}

}  // namespace

EmployeeRecord Workforce::requireEmployed(std::int64_t employeeId, const std::string& date) {
  auto employee = employees_.find(employeeId, date);
  if (!employee) {
    if (!employees_.exists(employeeId)) throw HttpError::notFound("there is no " + who(employeeId));
    throw HttpError::unprocessable(who(employeeId) + " is not yet hired on " + date,
                                   {{"effectiveDate", "before the hire date"}});
  }
  if (employee->status == "terminated") {
    throw HttpError::unprocessable(who(employeeId) + " is terminated on " + date,
                                   {{"effectiveDate", "the employee is terminated then"}});
  }
  return *employee;
}

void Workforce::checkUnique(std::int64_t employeeId, const std::string& number,
                            const std::string& directoryId,
                            const std::optional<std::int64_t>& userId) {
  auto byNumber = employees_.idOfNumber(number);
  if (byNumber && *byNumber != employeeId) {
    throw HttpError::conflict("employee number '" + number + "' belongs to " + who(*byNumber));
  }
  if (!directoryId.empty()) {
    auto byDirectory = employees_.idOfDirectoryId(directoryId);
    if (byDirectory && *byDirectory != employeeId) {
      throw HttpError::conflict("directory id '" + directoryId + "' belongs to " +
                                who(*byDirectory));
    }
  }
  if (userId && users_ && !users_->findById(tx_, *userId)) {
    throw HttpError::unprocessable("there is no user " + std::to_string(*userId),
                                   {{"userId", "no such user"}});
  }
  if (userId) {
    auto byUser = employees_.idOfUser(*userId);
    if (byUser && *byUser != employeeId) {
      throw HttpError::conflict("user " + std::to_string(*userId) + " belongs to " + who(*byUser));
    }
  }
}

void Workforce::checkPosition(std::int64_t employeeId, std::int64_t positionId,
                              const std::string& date, std::int64_t& orgUnitId) {
  auto row = tx_.queryOne(
      "SELECT org_unit_id, frozen, opened_on, closed_on FROM territory_positions WHERE id = ?",
      {positionId});
  if (!row) {
    throw HttpError::unprocessable("there is no position " + std::to_string(positionId),
                                   {{"positionId", "no such position"}});
  }
  if (row->getString(2) > date || (!row->isNull(3) && row->getString(3) <= date)) {
    throw HttpError::unprocessable(
        "position " + std::to_string(positionId) + " is not open on " + date,
        {{"positionId", "not open on " + date}});
  }
  if (row->getInt(1) != 0) {
    throw HttpError::unprocessable("position " + std::to_string(positionId) + " is frozen",
                                   {{"positionId", "frozen"}});
  }
  if (auto holder = employees_.positionHolderFrom(positionId, date, employeeId)) {
    throw HttpError::unprocessable("position " + std::to_string(positionId) + " is filled by " +
                                       who(*holder) + " on or after " + date,
                                   {{"positionId", "filled"}});
  }
  orgUnitId = row->getInt(0);
}

void Workforce::checkManager(std::int64_t employeeId, std::int64_t managerId,
                             const std::string& date) {
  if (managerId == employeeId) {
    throw HttpError::unprocessable("an employee cannot be their own manager",
                                   {{"managerId", "is the employee"}});
  }
  auto manager = employees_.find(managerId, date);
  if (!manager || manager->status == "terminated" || !manager->orgUnitId) {
    throw HttpError::unprocessable(who(managerId) + " is not employed on " + date,
                                   {{"managerId", "not employed on " + date}});
  }
  auto chain = employees_.managerChain(managerId, date);
  if (std::find(chain.begin(), chain.end(), employeeId) != chain.end()) {
    throw HttpError::unprocessable("making " + who(managerId) + " the manager of " +
                                       who(employeeId) + " would make a cycle: " + who(managerId) +
                                       " reports to them on " + date,
                                   {{"managerId", "reports to the employee"}});
  }
}

std::optional<std::int64_t> Workforce::defaultManager(std::int64_t employeeId,
                                                      std::int64_t orgUnitId,
                                                      const std::string& date) {
  OrgUnitStore units(tx_);
  auto path = units.ancestors(orgUnitId, date);
  path.insert(path.begin(), orgUnitId);
  for (auto unitId : path) {
    auto unit = units.find(unitId, date);
    if (!unit || !unit->headEmployeeId || *unit->headEmployeeId == employeeId) continue;
    auto head = employees_.find(*unit->headEmployeeId, date);
    if (head && head->status != "terminated" && head->orgUnitId) return head->id;
  }
  return std::nullopt;
}

Assignment Workforce::resolve(std::int64_t employeeId, const Placement& placement) {
  const auto& date = placement.effectiveDate;
  Assignment next;
  next.employeeId = employeeId;
  next.positionId = placement.positionId;
  next.employmentType = placement.employmentType;
  if (!kEmploymentTypes.count(next.employmentType)) {
    throw HttpError::unprocessable("employment type '" + next.employmentType + "' is unknown",
                                   {{"employmentType", "unknown"}});
  }
  if (placement.positionId) {
    std::int64_t unitOfPosition = 0;
    checkPosition(employeeId, *placement.positionId, date, unitOfPosition);
    if (placement.orgUnitId && *placement.orgUnitId != unitOfPosition) {
      throw HttpError::unprocessable("position " + std::to_string(*placement.positionId) +
                                         " is in org unit " + std::to_string(unitOfPosition) +
                                         ", not " + std::to_string(*placement.orgUnitId),
                                     {{"orgUnitId", "differs from the position's org unit"}});
    }
    next.orgUnitId = unitOfPosition;
  } else if (placement.orgUnitId) {
    next.orgUnitId = *placement.orgUnitId;
  } else {
    throw HttpError::unprocessable("an org unit or a position is required",
                                   {{"orgUnitId", "required without a position"}});
  }
  if (!OrgUnitStore(tx_).find(next.orgUnitId, date)) {
    throw HttpError::unprocessable(
        "org unit " + std::to_string(next.orgUnitId) + " is not open on " + date,
        {{"orgUnitId", "not open on " + date}});
  }
  if (placement.managerId) {
    checkManager(employeeId, *placement.managerId, date);
    next.managerId = placement.managerId;
  } else {
    next.managerId = defaultManager(employeeId, next.orgUnitId, date);
  }
  next.reason = placement.reason;
  next.validFrom = date;
  next.validTo = kOpenEnd;
  next.recordedAt = nowTimestamp();
  next.recordedBy = actor_;
  return next;
}

std::string Workforce::snapshot(std::int64_t employeeId, const std::string& date) {
  auto employee = employees_.find(employeeId, date);
  return employee ? toJson(employeeJson(*employee)) : "";
}

void Workforce::record(const std::string& action, std::int64_t employeeId,
                       const std::string& before, const std::string& after) {
  audit_(tx_,
         {"territory.employee." + action, "employee", std::to_string(employeeId), before, after});
}

EmployeeRecord Workforce::hire(const NewEmployee& person, const Placement& placement,
                               const std::optional<TerritorySeat>& seat) {
  const auto& date = placement.effectiveDate;
  checkUnique(0, person.employeeNumber, person.directoryId, person.userId);
  auto id = employees_.insert(person, date);
  employees_.addStatus(id, {"active", date, "hire", nowTimestamp(), actor_});
  Placement first = placement;
  first.reason = "hire";
  if (first.employmentType.empty()) first.employmentType = "full_time";
  employees_.addAssignment(resolve(id, first));
  if (seat) placeInTerritory(id, *seat, date);
  auto after = snapshot(id, date);
  tx_.publish("territory.employee.hired", after);
  record("hire", id, "", after);
  return *employees_.find(id, date);
}

EmployeeRecord Workforce::transfer(std::int64_t employeeId, const Placement& placement) {
  const auto& date = placement.effectiveDate;
  requireEmployed(employeeId, date);
  auto latest = employees_.latestAssignment(employeeId);
  if (latest && latest->validFrom > date) {
    throw HttpError::unprocessable(
        who(employeeId) + " has a change planned on " + latest->validFrom +
            "; a change must be dated on or after it",
        {{"effectiveDate", "before the planned change of " + latest->validFrom}});
  }
  auto current = employees_.assignmentOn(employeeId, date);
  Placement wanted = placement;
  if (current) {
    if (!wanted.positionId && !wanted.orgUnitId) {
      wanted.positionId = current->positionId;
      wanted.orgUnitId = current->orgUnitId;
    }
    if (wanted.employmentType.empty()) wanted.employmentType = current->employmentType;
    if (!wanted.managerId && wanted.orgUnitId == current->orgUnitId &&
        wanted.positionId == current->positionId) {
      wanted.managerId = current->managerId;
    }
  }
  if (wanted.employmentType.empty()) wanted.employmentType = "full_time";
  auto next = resolve(employeeId, wanted);
  if (current && samePlace(*current, next)) {
    throw HttpError::unprocessable("the " + placement.reason + " changes nothing for " +
                                   who(employeeId) + " on " + date);
  }
  auto before = snapshot(employeeId, date);
  // The assignment in force ends where the new one begins; a change on the day it began leaves
  // it as an empty period, so the history shows the correction.
  if (current) employees_.endAssignment(current->id, date);
  employees_.addAssignment(next);
  employees_.bumpVersion(employeeId);
  auto after = snapshot(employeeId, date);
  auto payload = orderedObject();
  payload->set("employeeId", employeeId);
  payload->set("effectiveDate", date);
  payload->set("reason", placement.reason);
  if (current) payload->set("from", assignmentJson(*current));
  payload->set("to", assignmentJson(next));
  tx_.publish("territory.employee.transferred", toJson(payload));
  record(placement.reason, employeeId, before, after);
  return *employees_.find(employeeId, date);
}

EmployeeRecord Workforce::terminate(std::int64_t employeeId, const std::string& effectiveDate,
                                    const std::string& reason) {
  requireEmployed(employeeId, effectiveDate);
  auto latest = employees_.latestAssignment(employeeId);
  if (latest && latest->validFrom > effectiveDate) {
    throw HttpError::unprocessable(who(employeeId) + " has a change planned on " +
                                       latest->validFrom + "; cancel it before terminating",
                                   {{"effectiveDate", "before a planned change"}});
  }
  auto statuses = employees_.statusChanges(employeeId);
  if (!statuses.empty() && statuses.back().effectiveOn > effectiveDate) {
    throw HttpError::unprocessable(
        who(employeeId) + " has a status change planned on " + statuses.back().effectiveOn,
        {{"effectiveDate", "before a planned status change"}});
  }
  auto before = snapshot(employeeId, effectiveDate);
  if (auto current = employees_.assignmentOn(employeeId, effectiveDate)) {
    employees_.endAssignment(current->id, effectiveDate);
  }
  employees_.addStatus(employeeId, {"terminated", effectiveDate, reason, nowTimestamp(), actor_});
  employees_.setTerminationDate(employeeId, effectiveDate);
  employees_.bumpVersion(employeeId);
  endTerritorySeats(employeeId, effectiveDate);
  auto after = snapshot(employeeId, effectiveDate);
  tx_.publish("territory.employee.terminated", after);
  record("terminate", employeeId, before, after);
  return *employees_.find(employeeId, effectiveDate);
}

EmployeeRecord Workforce::changeStatus(std::int64_t employeeId, const std::string& status,
                                       const std::string& effectiveDate,
                                       const std::string& reason) {
  if (status != "active" && status != "on_leave" && status != "suspended") {
    throw HttpError::unprocessable("status '" + status + "' cannot be set this way",
                                   {{"status", "must be active, on_leave or suspended"}});
  }
  auto current = requireEmployed(employeeId, effectiveDate);
  auto statuses = employees_.statusChanges(employeeId);
  if (!statuses.empty() && statuses.back().effectiveOn > effectiveDate) {
    throw HttpError::unprocessable(
        who(employeeId) + " has a status change planned on " + statuses.back().effectiveOn,
        {{"effectiveDate", "before a planned status change"}});
  }
  if (current.status == status) {
    throw HttpError::unprocessable(
        who(employeeId) + " is already " + status + " on " + effectiveDate,
        {{"status", "unchanged"}});
  }
  auto before = snapshot(employeeId, effectiveDate);
  employees_.addStatus(employeeId, {status, effectiveDate, reason, nowTimestamp(), actor_});
  employees_.bumpVersion(employeeId);
  auto after = snapshot(employeeId, effectiveDate);
  tx_.publish("territory.employee.status-changed", after);
  record("status", employeeId, before, after);
  return *employees_.find(employeeId, effectiveDate);
}

EmployeeRecord Workforce::editMasterData(std::int64_t employeeId, const MasterDataEdit& edit) {
  auto date = today();
  auto current = employees_.find(employeeId, date);
  if (!current) {
    if (!employees_.exists(employeeId)) throw HttpError::notFound("there is no " + who(employeeId));
    // Hired in the future: read them on their hire date.
    auto row = tx_.queryOne("SELECT hire_date FROM territory_employees WHERE id = ?", {employeeId});
    date = row->getString(0);
    current = employees_.find(employeeId, date);
  }
  EmployeeMasterData data{current->employeeNumber, current->givenName, current->familyName,
                          current->email,          current->phone,     current->directoryId,
                          current->directoryDn,    current->userId};
  if (edit.employeeNumber) data.employeeNumber = *edit.employeeNumber;
  if (edit.givenName) data.givenName = *edit.givenName;
  if (edit.familyName) data.familyName = *edit.familyName;
  if (edit.email) data.email = *edit.email;
  if (edit.phone) data.phone = *edit.phone;
  if (edit.directoryId) data.directoryId = *edit.directoryId;
  if (edit.directoryDn) data.directoryDn = *edit.directoryDn;
  if (edit.userId) data.userId = *edit.userId;
  checkUnique(employeeId, data.employeeNumber, data.directoryId, data.userId);
  auto before = toJson(employeeJson(*current));
  employees_.updateMasterData(employeeId, data);
  auto after = snapshot(employeeId, date);
  tx_.publish("territory.employee.updated", after);
  record("update", employeeId, before, after);
  return *employees_.find(employeeId, date);
}

std::optional<std::int64_t> Workforce::employeeOfDirectoryPerson(const DirectoryPerson& person,
                                                                 const std::string& effectiveDate) {
  auto id = employees_.idOfDirectoryId(person.directoryId);
  if (!id && !person.formerDirectoryId.empty())
    id = employees_.idOfDirectoryId(person.formerDirectoryId);
  if (!id && !person.employeeNumber.empty()) {
    // A person imported before the directory was connected is adopted, not duplicated.
    auto byNumber = employees_.idOfNumber(person.employeeNumber);
    if (byNumber && employees_.find(*byNumber, effectiveDate) &&
        employees_.find(*byNumber, effectiveDate)->directoryId.empty()) {
      id = byNumber;
    }
  }
  return id;
}

DirectoryOutcome Workforce::upsertFromDirectory(const DirectoryPerson& person,
                                                const std::string& effectiveDate) {
  auto id = employeeOfDirectoryPerson(person, effectiveDate);
  if (!id) {
    if (!person.orgUnitId) {
      throw HttpError::unprocessable("a new employee from the directory needs an org unit",
                                     {{"orgUnitId", "required for a new employee"}});
    }
    NewEmployee fresh{person.employeeNumber, person.givenName,   person.familyName,  person.email,
                      person.phone,          person.directoryId, person.directoryDn, std::nullopt};
    Placement placement{std::nullopt, person.orgUnitId, person.managerId,
                        "full_time",  effectiveDate,    "hire"};
    hire(fresh, placement, std::nullopt);
    return DirectoryOutcome::Created;
  }
  auto current = employees_.find(*id, effectiveDate);
  if (!current) {
    throw HttpError::unprocessable(who(*id) + " is not yet hired on " + effectiveDate);
  }
  DirectoryOutcome outcome = DirectoryOutcome::Unchanged;
  if (current->employeeNumber != person.employeeNumber || current->givenName != person.givenName ||
      current->familyName != person.familyName || current->email != person.email ||
      current->phone != person.phone || current->directoryId != person.directoryId ||
      current->directoryDn != person.directoryDn) {
    MasterDataEdit edit;
    edit.employeeNumber = person.employeeNumber;
    edit.givenName = person.givenName;
    edit.familyName = person.familyName;
    edit.email = person.email;
    edit.phone = person.phone;
    edit.directoryId = person.directoryId;
    edit.directoryDn = person.directoryDn;
    editMasterData(*id, edit);
    outcome = DirectoryOutcome::Updated;
  }
  if (current->status == "terminated") {
    auto before = snapshot(*id, effectiveDate);
    employees_.addStatus(*id, {"active", effectiveDate, "rehire", nowTimestamp(), actor_});
    employees_.setTerminationDate(*id, std::nullopt);
    auto last = employees_.latestAssignment(*id);
    Placement back{std::nullopt, person.orgUnitId, person.managerId, "", effectiveDate, "hire"};
    if (!back.orgUnitId && last) back.orgUnitId = last->orgUnitId;
    back.employmentType = last ? last->employmentType : "full_time";
    employees_.addAssignment(resolve(*id, back));
    employees_.bumpVersion(*id);
    auto after = snapshot(*id, effectiveDate);
    tx_.publish("territory.employee.hired", after);
    record("rehire", *id, before, after);
    return DirectoryOutcome::Reactivated;
  }
  bool moved = person.orgUnitId && person.orgUnitId != current->orgUnitId;
  bool newManager = person.managerId && person.managerId != current->managerId;
  if (moved || newManager) {
    Placement placement{std::nullopt, person.orgUnitId, person.managerId,
                        "",           effectiveDate,    "reorganization"};
    if (!moved) {
      placement.orgUnitId = current->orgUnitId;
      placement.positionId = current->positionId;
    }
    transfer(*id, placement);
    outcome = DirectoryOutcome::Updated;
  }
  return outcome;
}

void Workforce::placeInTerritory(std::int64_t employeeId, const TerritorySeat& seat,
                                 const std::string& date) {
  auto state = RepSeatStore(tx_).modelStateOf(seat.territoryId);
  if (!state || *state != "active") {
    throw HttpError::unprocessable(
        "territory " + std::to_string(seat.territoryId) + " is not in the active model",
        {{"territoryId", "not a territory of the active model"}});
  }
  // The seat rules (roles, splits per territory) are the same as for a seat placed later.
  RepSeats(tx_, actor_)
      .place({0, seat.territoryId, employeeId, seat.role, seat.splitPercent, date, kOpenEnd});
}

void Workforce::endTerritorySeats(std::int64_t employeeId, const std::string& date) {
  RepSeatStore(tx_).endAllOf(employeeId, date);
}

}  // namespace cadre::territory
