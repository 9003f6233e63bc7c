#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/audit_trail.hpp"
#include "cadre/territory/org_directory.hpp"
#include "employee_store.hpp"

namespace cadre::territory {

/// The master data an HR user may edit after hire; unset members keep their value.
struct MasterDataEdit {
  std::optional<std::string> employeeNumber;
  std::optional<std::string> givenName;
  std::optional<std::string> familyName;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> directoryId;
  std::optional<std::string> directoryDn;
  std::optional<std::optional<std::int64_t>> userId;
};

/// The rules of employment: hire, transfer and promotion, status changes and termination, each
/// one transaction that never rewrites the past (a change is dated on or after the latest one),
/// keeps reporting lines free of cycles, fills and frees positions, publishes its event
/// (territory.employee.hired/transferred/status-changed/terminated/updated) and writes its audit
/// entry. Throws cadre::HttpError (404, 409, 422) and leaves rollback to the caller.
class Workforce {
 public:
  /// With `users`, a login linked to an employee must be one of the host's users (422 naming
  /// `userId` otherwise); the host's accounts must outlive the Workforce.
  Workforce(Transaction& tx, AuditTrail audit, std::string actor, UserAccounts* users = nullptr)
      : tx_(tx),
        employees_(tx),
        audit_(std::move(audit)),
        actor_(std::move(actor)),
        users_(users) {}

  EmployeeRecord hire(const NewEmployee& person, const Placement& placement,
                      const std::optional<TerritorySeat>& seat);
  EmployeeRecord transfer(std::int64_t employeeId, const Placement& placement);
  EmployeeRecord terminate(std::int64_t employeeId, const std::string& effectiveDate,
                           const std::string& reason);
  EmployeeRecord changeStatus(std::int64_t employeeId, const std::string& status,
                              const std::string& effectiveDate, const std::string& reason);
  EmployeeRecord editMasterData(std::int64_t employeeId, const MasterDataEdit& edit);
  DirectoryOutcome upsertFromDirectory(const DirectoryPerson& person,
                                       const std::string& effectiveDate);
  /// The employee a directory person is: the one with their directory id (or former one), or
  /// an employee without a directory id who has their employee number (adopted, not duplicated);
  /// std::nullopt for a new person.
  std::optional<std::int64_t> employeeOfDirectoryPerson(const DirectoryPerson& person,
                                                        const std::string& effectiveDate);

 private:
  EmployeeRecord requireEmployed(std::int64_t employeeId, const std::string& date);
  Assignment resolve(std::int64_t employeeId, const Placement& placement);
  std::optional<std::int64_t> defaultManager(std::int64_t employeeId, std::int64_t orgUnitId,
                                             const std::string& date);
  void checkManager(std::int64_t employeeId, std::int64_t managerId, const std::string& date);
  void checkPosition(std::int64_t employeeId, std::int64_t positionId, const std::string& date,
                     std::int64_t& orgUnitId);
  void checkUnique(std::int64_t employeeId, const std::string& number,
                   const std::string& directoryId, const std::optional<std::int64_t>& userId);
  void placeInTerritory(std::int64_t employeeId, const TerritorySeat& seat,
                        const std::string& date);
  void endTerritorySeats(std::int64_t employeeId, const std::string& date);
  void record(const std::string& action, std::int64_t employeeId, const std::string& before,
              const std::string& after);
  std::string snapshot(std::int64_t employeeId, const std::string& date);

  Transaction& tx_;
  EmployeeStore employees_;
  AuditTrail audit_;
  std::string actor_;
  UserAccounts* users_;
};

}  // namespace cadre::territory
