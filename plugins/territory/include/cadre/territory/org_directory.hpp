#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/database.hpp"

namespace cadre::territory {

/// The name under which the territory plugin registers its OrgDirectory.
inline constexpr const char* kOrgDirectoryService = "territory.OrgDirectory";

/// Dates are ISO-8601 calendar dates (YYYY-MM-DD). An open-ended period ends on kOpenEnd.
inline constexpr const char* kOpenEnd = "9999-12-31";

/// An employee as they stood on one date: master data plus the assignment in force then.
struct EmployeeRecord {
  std::int64_t id = 0;
  std::string employeeNumber;
  std::string givenName;
  std::string familyName;
  std::string email;
  std::string phone;
  /// active, on_leave, suspended or terminated (as of the date asked for).
  std::string status;
  std::string hireDate;
  std::optional<std::string> terminationDate;
  /// The directory's stable id (entryUUID, objectGUID as hex); empty when not from a directory.
  std::string directoryId;
  std::string directoryDn;
  std::optional<std::int64_t> userId;
  std::optional<std::int64_t> managerId;
  std::optional<std::int64_t> orgUnitId;
  std::optional<std::int64_t> positionId;
  std::string employmentType;
  std::int64_t version = 0;
};

/// The master data of a new employee.
struct NewEmployee {
  std::string employeeNumber;
  std::string givenName;
  std::string familyName;
  std::string email;
  std::string phone;
  std::string directoryId;
  std::string directoryDn;
  std::optional<std::int64_t> userId;
};

/// Where an employee sits from a date on. With a position, the org unit is the position's;
/// without either, a transfer keeps the current ones (a change of manager only). Without a
/// manager, the head of the unit (or of the nearest unit above with a head other than the
/// employee) is the manager.
struct Placement {
  std::optional<std::int64_t> positionId;
  std::optional<std::int64_t> orgUnitId;
  std::optional<std::int64_t> managerId;
  /// full_time, part_time, contractor, intern or temporary; empty keeps the current one (and
  /// means full_time on hire).
  std::string employmentType;
  std::string effectiveDate;
  /// hire, transfer, promotion, reorganization, leave or termination.
  std::string reason = "transfer";
};

/// A sales seat: a rep in a territory of the active model, from the hire date on.
struct TerritorySeat {
  std::int64_t territoryId = 0;
  /// owner, rep or overlay.
  std::string role = "rep";
  double splitPercent = 100.0;
};

/// A person as the company directory describes them (for the LDAP connector). The stable id is
/// the match key; the DN is kept for display and login only.
struct DirectoryPerson {
  std::string directoryId;
  std::string directoryDn;
  std::string employeeNumber;
  std::string givenName;
  std::string familyName;
  std::string email;
  std::string phone;
  /// Where the directory places them, when it can be mapped; std::nullopt leaves it as is.
  std::optional<std::int64_t> orgUnitId;
  /// The manager's directory id, resolved by the caller to an employee id.
  std::optional<std::int64_t> managerId;
  /// The id the person had before, when their entry was deleted and made again: the employee
  /// with that id is this person (and takes the new id).
  std::string formerDirectoryId;
};

/// Which directory employees to read: those with any of these keys. Empty lists match nobody.
struct DirectoryEmployeeKeys {
  std::vector<std::string> directoryIds;
  std::vector<std::string> employeeNumbers;
  std::vector<std::int64_t> employeeIds;
};

/// An employee's id and directory DN, for a caller that compares DNs in its own way.
struct DirectoryDn {
  std::int64_t employeeId = 0;
  std::string dn;
};

/// What upsertFromDirectory did.
enum class DirectoryOutcome { Created, Updated, Unchanged, Reactivated };

/// Writes directory people one after another inside one transaction, as
/// OrgDirectory::upsertFromDirectory does (the same outcomes, the same refusals), but creates
/// new people at the cost of their share of a few multi-row INSERTs: a new person is checked at
/// once and queued, and the queue is written by flush(); what the rules ask of the database (is
/// the unit open, is the manager employed, who heads the unit, which directory ids and employee
/// numbers are taken) is asked once per run. Assumes that while it lives nobody is terminated
/// and no org unit, head, employee number or directory id changes except through it. Made by
/// OrgDirectory::directoryWriter; must not outlive its transaction. Not thread-safe.
class DirectoryWriter {
 public:
  virtual ~DirectoryWriter() = default;
  /// Creates or updates the employee with this directory id (see upsertFromDirectory); a
  /// refusal is thrown at once. A new person is queued (Created) and is in the database only
  /// after flush(). An upsert that asks the database about a person writes the queue first, so
  /// someone with a queued person's employee number or directory id is refused as
  /// upsertFromDirectory refuses them (409), never by the database's unique constraint.
  virtual DirectoryOutcome upsert(const DirectoryPerson& person) = 0;
  /// Writes the queue and returns (directory id, employee id) of everyone hired since the last
  /// flush, in the order of their upserts (those written by an upsert that asked the database
  /// included). A database error propagates: roll back to a savepoint and call forget().
  virtual std::vector<std::pair<std::string, std::int64_t>> flush() = 0;
  /// Forgets what it remembered of the database and drops the queue and the hires flush() has
  /// not returned: call it after rolling back to a savepoint that was taken while it wrote.
  virtual void forget() = 0;
};

/// A territory a rep covers on a date.
struct RepTerritory {
  std::int64_t territoryId = 0;
  std::string code;
  std::string name;
  std::string role;
  double splitPercent = 0;
};

/// An org unit as it stood on one date.
struct OrgUnitRecord {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::optional<std::int64_t> parentId;
  std::optional<std::int64_t> headEmployeeId;
};

/// A position as it stood on one date.
struct PositionRecord {
  std::int64_t id = 0;
  std::int64_t orgUnitId = 0;
  std::string title;
  /// vacant, filled or frozen on the date asked for.
  std::string state;
  std::optional<std::int64_t> holderId;
};

/// A territory, in whichever model it belongs to.
struct TerritoryRecord {
  std::int64_t id = 0;
  std::int64_t modelId = 0;
  std::string code;
  std::string name;
  /// The model's state: active, planning or archived.
  std::string modelState;
};

/// How many more people an org unit's headcount plan allows on a date: the plan in force then,
/// and the people assigned to the unit and every unit below it.
struct HeadcountRoom {
  std::int64_t planId = 0;
  std::string periodStart;
  std::string periodEnd;
  std::int64_t plannedPositions = 0;
  std::int64_t headcount = 0;
  /// plannedPositions - headcount; negative when the unit is already over its plan.
  std::int64_t room = 0;
};

/// The org as other plugins see it. Every call works inside the caller's transaction, so that a
/// hire in recruiting and the employee it creates commit or roll back together. Every write is
/// audited under `actor` and publishes its event (territory.employee.*). Business-rule failures
/// throw cadre::HttpError (404 unknown id, 409 taken employee number or directory id, 422 a
/// rule such as a filled position); they leave the transaction to be rolled back by the caller.
/// Thread-safe: the object holds no per-call state.
class OrgDirectory {
 public:
  virtual ~OrgDirectory() = default;

  /// The employee as of `asOf` (YYYY-MM-DD; "" for today); std::nullopt when unknown.
  virtual std::optional<EmployeeRecord> findEmployee(Transaction& tx, std::int64_t employeeId,
                                                     const std::string& asOf) = 0;
  virtual std::optional<EmployeeRecord> findByDirectoryId(Transaction& tx,
                                                          const std::string& directoryId) = 0;
  virtual std::optional<EmployeeRecord> findByEmployeeNumber(Transaction& tx,
                                                             const std::string& number) = 0;
  virtual std::optional<EmployeeRecord> findByUser(Transaction& tx, std::int64_t userId) = 0;
  /// Every employee hired on or before `asOf` who carries a directory id, as of that date, in id
  /// order: what a directory sync compares the directory with, in one read.
  virtual std::vector<EmployeeRecord> directoryEmployees(Transaction& tx,
                                                         const std::string& asOf) = 0;
  /// The employees of directoryEmployees(tx, asOf) that have one of `keys`, each once, in id
  /// order: what an incremental sync needs of the people it read, without reading everyone.
  virtual std::vector<EmployeeRecord> directoryEmployeesWith(Transaction& tx,
                                                             const std::string& asOf,
                                                             const DirectoryEmployeeKeys& keys) = 0;
  /// The id and DN of each of directoryEmployees(tx, asOf), in id order: two columns of every
  /// row instead of the whole record, for finding people by a DN compared the caller's way.
  virtual std::vector<DirectoryDn> directoryDns(Transaction& tx, const std::string& asOf) = 0;
  /// The id of the org unit with this code; std::nullopt when there is none.
  virtual std::optional<std::int64_t> findOrgUnitByCode(Transaction& tx,
                                                        const std::string& code) = 0;

  /// Hires a person into a placement (reason "hire"): creates the employee and their first
  /// assignment, fills the position and, with a seat, places them in the territory.
  virtual EmployeeRecord hire(Transaction& tx, const NewEmployee& person,
                              const Placement& placement, const std::optional<TerritorySeat>& seat,
                              const std::string& actor) = 0;
  /// Ends the assignment in force on the placement's date and begins the new one.
  virtual EmployeeRecord transfer(Transaction& tx, std::int64_t employeeId,
                                  const Placement& placement, const std::string& actor) = 0;
  /// Terminates from `effectiveDate` on (the first day no longer employed): every assignment and
  /// territory seat ends there; all history is kept.
  virtual EmployeeRecord terminate(Transaction& tx, std::int64_t employeeId,
                                   const std::string& effectiveDate, const std::string& reason,
                                   const std::string& actor) = 0;
  /// Sets the status (active, on_leave, suspended) from a date on, with its reason.
  virtual EmployeeRecord changeStatus(Transaction& tx, std::int64_t employeeId,
                                      const std::string& status, const std::string& effectiveDate,
                                      const std::string& reason, const std::string& actor) = 0;
  /// Creates or updates the employee with this directory id. A terminated person who comes back
  /// is re-activated (same id, history kept). Without an org unit a new person is refused (422).
  virtual DirectoryOutcome upsertFromDirectory(Transaction& tx, const DirectoryPerson& person,
                                               const std::string& effectiveDate,
                                               const std::string& actor) = 0;
  /// A writer of many directory people in `tx`, dated `effectiveDate` and audited under `actor`.
  virtual std::unique_ptr<DirectoryWriter> directoryWriter(Transaction& tx,
                                                           const std::string& effectiveDate,
                                                           const std::string& actor) = 0;
  /// Links the employee to the user account they log in with (std::nullopt unlinks), so that
  /// the security layer knows whom the user manages. Throws HttpError 404 for an unknown
  /// employee and 409 when the user belongs to another employee.
  virtual EmployeeRecord linkUser(Transaction& tx, std::int64_t employeeId,
                                  std::optional<std::int64_t> userId, const std::string& actor) = 0;

  /// The managers above an employee, nearest first, as of a date.
  virtual std::vector<std::int64_t> managerChain(Transaction& tx, std::int64_t employeeId,
                                                 const std::string& asOf) = 0;
  /// The employees reporting to a manager, directly or (with `indirect`) at any depth.
  virtual std::vector<std::int64_t> reports(Transaction& tx, std::int64_t managerId,
                                            const std::string& asOf, bool indirect) = 0;
  /// The employees assigned to an org unit or any unit below it, as of a date.
  virtual std::vector<std::int64_t> subtreeEmployees(Transaction& tx, std::int64_t orgUnitId,
                                                     const std::string& asOf) = 0;
  /// The territories a rep covers on a date, in the model in force then (the active one, or for
  /// a date before its activation the archived one it replaced); planning models never count.
  virtual std::vector<RepTerritory> territoriesOf(Transaction& tx, std::int64_t employeeId,
                                                  const std::string& asOf) = 0;
  /// The accounts in those territories.
  virtual std::vector<std::int64_t> accountsOf(Transaction& tx, std::int64_t employeeId,
                                               const std::string& asOf) = 0;

  /// The org unit open on a date (its name, parent and head then); std::nullopt otherwise.
  virtual std::optional<OrgUnitRecord> findOrgUnit(Transaction& tx, std::int64_t orgUnitId,
                                                   const std::string& asOf) = 0;
  /// The position open on a date, with its state then; std::nullopt otherwise.
  virtual std::optional<PositionRecord> findPosition(Transaction& tx, std::int64_t positionId,
                                                     const std::string& asOf) = 0;
  virtual std::optional<TerritoryRecord> findTerritory(Transaction& tx,
                                                       std::int64_t territoryId) = 0;
  /// The room left in the headcount plan of exactly this org unit that covers `date`;
  /// std::nullopt when no plan of the unit covers it.
  virtual std::optional<HeadcountRoom> headcountRoom(Transaction& tx, std::int64_t orgUnitId,
                                                     const std::string& date) = 0;
  /// Opens a vacant position in an org unit from `openedOn` on, under the rules of positions
  /// opened through the territory API (the unit open on that date, a cost not below 0);
  /// audited as territory.position.create under `actor`.
  virtual PositionRecord openPosition(Transaction& tx, std::int64_t orgUnitId,
                                      const std::string& title, double budgetedCost,
                                      const std::string& openedOn, const std::string& actor) = 0;
};

}  // namespace cadre::territory
