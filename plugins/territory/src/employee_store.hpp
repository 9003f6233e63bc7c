#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/database.hpp"
#include "cadre/territory/org_directory.hpp"

namespace cadre::territory {

/// One effective-dated assignment: where an employee sat from valid_from until valid_to.
struct Assignment {
  std::int64_t id = 0;
  std::int64_t employeeId = 0;
  std::optional<std::int64_t> positionId;
  std::int64_t orgUnitId = 0;
  std::optional<std::int64_t> managerId;
  std::string employmentType;
  std::string reason;
  std::string validFrom;
  std::string validTo;
  std::string recordedAt;
  std::string recordedBy;
};

/// One effective-dated status: it holds from effectiveOn until the next one.
struct StatusChange {
  std::string status;
  std::string effectiveOn;
  std::string reason;
  std::string recordedAt;
  std::string recordedBy;
};

/// A new employee and the date they are hired on, for EmployeeStore::insertMany.
struct NewHire {
  NewEmployee person;
  std::string hireDate;
};

/// Filters of an employee list; unset ones do not filter.
struct EmployeeFilter {
  std::optional<std::string> employeeNumber;
  /// Only people assigned to this unit (and, with `subtree`, to any unit below it).
  std::optional<std::int64_t> orgUnitId;
  bool subtree = false;
  std::optional<std::int64_t> managerId;
  std::optional<std::string> status;
  /// A case-insensitive prefix of the given name, family name or employee number.
  std::optional<std::string> nameStartsWith;
  std::int64_t afterId = 0;
  std::int64_t limit = 50;
};

/// The master data fields that can change after hire: those of a new employee.
using EmployeeMasterData = NewEmployee;

/// The SQL of employees, their statuses and assignments, and the reporting lines they make.
/// Every read of the org is as of a date.
class EmployeeStore {
 public:
  explicit EmployeeStore(Transaction& tx) : tx_(tx) {}

  /// The employee as of a date, or std::nullopt when unknown or not yet hired then.
  std::optional<EmployeeRecord> find(std::int64_t id, const std::string& asOf);
  bool exists(std::int64_t id);
  std::optional<std::int64_t> idOfNumber(const std::string& number);
  std::optional<std::int64_t> idOfDirectoryId(const std::string& directoryId);
  std::optional<std::int64_t> idOfUser(std::int64_t userId);
  std::vector<EmployeeRecord> list(const EmployeeFilter& filter, const std::string& asOf);
  /// Everyone hired by `asOf` with a directory id, in id order.
  std::vector<EmployeeRecord> withDirectoryId(const std::string& asOf);
  /// Those of withDirectoryId(asOf) with one of `keys`, each once, in id order.
  std::vector<EmployeeRecord> withDirectoryKeys(const std::string& asOf,
                                                const DirectoryEmployeeKeys& keys);
  /// The id and DN of each of withDirectoryId(asOf), in id order.
  std::vector<DirectoryDn> directoryDns(const std::string& asOf);

  std::int64_t insert(const NewEmployee& person, const std::string& hireDate);
  /// insert() for each of `hires` in one statement; their ids in the order given. The employee
  /// numbers must differ from each other (a taken one fails as insert() would).
  std::vector<std::int64_t> insertMany(const std::vector<NewHire>& hires);
  void updateMasterData(std::int64_t id, const EmployeeMasterData& data);
  void setTerminationDate(std::int64_t id, const std::optional<std::string>& date);
  void bumpVersion(std::int64_t id);

  void addStatus(std::int64_t id, const StatusChange& change);
  /// addStatus() for each (employee id, change), in order, in one statement.
  void addStatuses(const std::vector<std::pair<std::int64_t, StatusChange>>& changes);
  std::vector<StatusChange> statusChanges(std::int64_t id);

  std::optional<Assignment> assignmentOn(std::int64_t employeeId, const std::string& date);
  std::optional<Assignment> latestAssignment(std::int64_t employeeId);
  std::vector<Assignment> assignments(std::int64_t employeeId);
  std::int64_t addAssignment(const Assignment& assignment);
  /// addAssignment() for each, in order, in one statement.
  void addAssignments(const std::vector<Assignment>& assignments);
  void endAssignment(std::int64_t assignmentId, const std::string& validTo);
  /// Who holds a position on `date` or later (a planned hire counts), if anyone.
  std::optional<std::int64_t> positionHolderFrom(std::int64_t positionId, const std::string& date,
                                                 std::int64_t exceptEmployee);

  /// Managers above an employee on a date, nearest first.
  std::vector<std::int64_t> managerChain(std::int64_t employeeId, const std::string& asOf);
  /// Direct reports, or (indirect) everyone below at any depth, on a date.
  std::vector<std::int64_t> reports(std::int64_t managerId, const std::string& asOf, bool indirect);
  /// Everyone assigned to a unit or any unit below it on a date.
  std::vector<std::int64_t> assignedToSubtree(std::int64_t orgUnitId, const std::string& asOf);

 private:
  /// Whether a subtree list of up to `limit` rows is cheaper from the units' assignments than
  /// from the employees in id order (the results are the same either way).
  bool smallSubtree(std::int64_t orgUnitId, const std::string& asOf, std::int64_t limit);

  Transaction& tx_;
};

}  // namespace cadre::territory
