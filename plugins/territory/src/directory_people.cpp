#include "directory_people.hpp"

#include "cadre/http.hpp"
#include "employee_store.hpp"
#include "workforce.hpp"

namespace cadre::territory {

DirectoryPeople::DirectoryPeople(Transaction& tx, AuditTrail audit, std::string actor,
                                 std::string effectiveDate)
    : tx_(tx),
      audit_(std::move(audit)),
      actor_(std::move(actor)),
      effectiveDate_(std::move(effectiveDate)) {}

DirectoryOutcome DirectoryPeople::upsert(const DirectoryPerson& person) {
  Workforce workforce(tx_, audit_, actor_);
  if (workforce.employeeOfDirectoryPerson(person, effectiveDate_) || !person.orgUnitId ||
      EmployeeStore(tx_).idOfNumber(person.employeeNumber)) {
    // Someone Cadre has, or a refusal (no org unit, a taken number) Workforce words.
    auto outcome = workforce.upsertFromDirectory(person, effectiveDate_);
    // A re-activated manager or unit head is employed again: ask the database again.
    if (outcome == DirectoryOutcome::Reactivated) forget();
    return outcome;
  }
  if (!hiring_) hiring_.emplace(tx_, audit_, actor_);
  NewEmployee fresh{person.employeeNumber, person.givenName,   person.familyName,  person.email,
                    person.phone,          person.directoryId, person.directoryDn, std::nullopt};
  Placement placement{std::nullopt, person.orgUnitId, person.managerId,
                      "full_time",  effectiveDate_,   "hire"};
  hiring_->hireNewcomer(fresh, placement);
  return DirectoryOutcome::Created;
}

void DirectoryPeople::forget() {
  hiring_.reset();
}

}  // namespace cadre::territory
