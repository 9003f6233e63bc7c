#pragma once

#include "cadre/context.hpp"
#include "cadre/territory/org_directory.hpp"

namespace cadre::territory {

/// The OrgDirectory other plugins call: the Workforce rules inside the caller's transaction,
/// audited under the actor they name.
class OrgDirectoryProvider : public OrgDirectory {
 public:
  /// With `users`, a hire or an edit that links a login checks that the user exists. Both must
  /// outlive the provider.
  explicit OrgDirectoryProvider(AuditLog& audit, UserAccounts* users = nullptr)
      : audit_(audit), users_(users) {}

  std::optional<EmployeeRecord> findEmployee(Transaction& tx, std::int64_t employeeId,
                                             const std::string& asOf) override;
  std::optional<EmployeeRecord> findByDirectoryId(Transaction& tx,
                                                  const std::string& directoryId) override;
  std::optional<EmployeeRecord> findByEmployeeNumber(Transaction& tx,
                                                     const std::string& number) override;
  std::optional<EmployeeRecord> findByUser(Transaction& tx, std::int64_t userId) override;
  std::vector<EmployeeRecord> directoryEmployees(Transaction& tx, const std::string& asOf) override;
  std::vector<EmployeeRecord> directoryEmployeesWith(Transaction& tx, const std::string& asOf,
                                                     const DirectoryEmployeeKeys& keys) override;
  std::vector<DirectoryDn> directoryDns(Transaction& tx, const std::string& asOf) override;
  std::optional<std::int64_t> findOrgUnitByCode(Transaction& tx, const std::string& code) override;
  EmployeeRecord hire(Transaction& tx, const NewEmployee& person, const Placement& placement,
                      const std::optional<TerritorySeat>& seat, const std::string& actor) override;
  EmployeeRecord transfer(Transaction& tx, std::int64_t employeeId, const Placement& placement,
                          const std::string& actor) override;
  EmployeeRecord terminate(Transaction& tx, std::int64_t employeeId,
                           const std::string& effectiveDate, const std::string& reason,
                           const std::string& actor) override;
  EmployeeRecord changeStatus(Transaction& tx, std::int64_t employeeId, const std::string& status,
                              const std::string& effectiveDate, const std::string& reason,
                              const std::string& actor) override;
  DirectoryOutcome upsertFromDirectory(Transaction& tx, const DirectoryPerson& person,
                                       const std::string& effectiveDate,
                                       const std::string& actor) override;
  std::unique_ptr<DirectoryWriter> directoryWriter(Transaction& tx,
                                                   const std::string& effectiveDate,
                                                   const std::string& actor) override;
  EmployeeRecord linkUser(Transaction& tx, std::int64_t employeeId,
                          std::optional<std::int64_t> userId, const std::string& actor) override;
  std::vector<std::int64_t> managerChain(Transaction& tx, std::int64_t employeeId,
                                         const std::string& asOf) override;
  std::vector<std::int64_t> reports(Transaction& tx, std::int64_t managerId,
                                    const std::string& asOf, bool indirect) override;
  std::vector<std::int64_t> subtreeEmployees(Transaction& tx, std::int64_t orgUnitId,
                                             const std::string& asOf) override;
  std::vector<RepTerritory> territoriesOf(Transaction& tx, std::int64_t employeeId,
                                          const std::string& asOf) override;
  std::vector<std::int64_t> accountsOf(Transaction& tx, std::int64_t employeeId,
                                       const std::string& asOf) override;
  std::optional<OrgUnitRecord> findOrgUnit(Transaction& tx, std::int64_t orgUnitId,
                                           const std::string& asOf) override;
  std::optional<PositionRecord> findPosition(Transaction& tx, std::int64_t positionId,
                                             const std::string& asOf) override;
  std::optional<TerritoryRecord> findTerritory(Transaction& tx, std::int64_t territoryId) override;
  std::optional<HeadcountRoom> headcountRoom(Transaction& tx, std::int64_t orgUnitId,
                                             const std::string& date) override;
  PositionRecord openPosition(Transaction& tx, std::int64_t orgUnitId, const std::string& title,
                              double budgetedCost, const std::string& openedOn,
                              const std::string& actor) override;

 private:
  AuditLog& audit_;
  UserAccounts* users_;
};

/// The host's scope hook: a user is the employee linked to their account, and manages everyone
/// below that employee in the reporting lines on a date.
class OrgScope : public ScopeHook {
 public:
  explicit OrgScope(Database& database) : database_(database) {}
  std::optional<std::int64_t> employeeOf(const User& user) override;
  bool manages(const User& user, std::int64_t employeeId, const std::string& isoDate) override;

 private:
  Database& database_;
};

}  // namespace cadre::territory
