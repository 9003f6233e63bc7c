// What a sync reads of Cadre: everyone for a full run, the people concerned for an incremental one.
#include "cadre_state.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace cadre::ldap {
namespace {

using territory::EmployeeRecord;

/// The manager DN keys of `records` that are the DN key of no record the planner keeps (the first
/// with each directory id): managers not read this run, whom it looks for among Cadre's people.
std::unordered_set<std::string> managerKeysNotRead(const std::deque<DirectoryRecord>& records) {
  std::unordered_set<std::string_view> keptIds;
  std::unordered_set<std::string_view> readKeys;
  readKeys.reserve(records.size());
  for (const auto& record : records) {
    if (keptIds.insert(record.directoryId).second) readKeys.insert(record.dnKey);
  }
  std::unordered_set<std::string> wanted;
  for (const auto& record : records) {
    if (!record.managerDnKey.empty() && !readKeys.count(record.managerDnKey))
      wanted.insert(record.managerDnKey);
  }
  return wanted;
}

/// The employees whose DN has one of `keys`. Cadre keeps the DN as text and cannot key it the
/// connector's way (dnKey()), so every directory employee's id and DN are read and keyed here:
/// two columns a row, far less than their records (status, assignment).
std::vector<std::int64_t> employeesAtDnKeys(Transaction& tx, territory::OrgDirectory& org,
                                            const std::string& today,
                                            const std::unordered_set<std::string>& keys) {
  std::vector<std::int64_t> ids;
  if (keys.empty()) return ids;
  for (const auto& person : org.directoryDns(tx, today)) {
    if (keys.count(dnKey(person.dn))) ids.push_back(person.employeeId);
  }
  return ids;
}

/// Adds the managers of `employees` as Cadre has them today, theirs in turn, and so on to the
/// top (one read per level): a manager cycle found by the planner may run through any of them.
/// A manager without a directory id is not a directory employee and ends the chain, as it does
/// for the planner.
void addEveryoneAbove(Transaction& tx, territory::OrgDirectory& org, const std::string& today,
                      std::vector<EmployeeRecord>& employees) {
  std::unordered_set<std::int64_t> asked;
  for (const auto& e : employees) asked.insert(e.id);
  for (std::size_t from = 0; from < employees.size();) {
    territory::DirectoryEmployeeKeys managers;
    for (std::size_t i = from; i < employees.size(); ++i) {
      const auto& managerId = employees[i].managerId;
      if (managerId && asked.insert(*managerId).second) managers.employeeIds.push_back(*managerId);
    }
    from = employees.size();
    if (managers.employeeIds.empty()) break;
    for (auto& manager : org.directoryEmployeesWith(tx, today, managers))
      employees.push_back(std::move(manager));
  }
  // In id order, as readWholeCadre has them: of two people at one DN key, the planner takes the
  // first.
  std::sort(employees.begin(), employees.end(),
            [](const EmployeeRecord& a, const EmployeeRecord& b) { return a.id < b.id; });
}

}  // namespace

CadreState readWholeCadre(Transaction& tx, territory::OrgDirectory& org, SyncStore& store,
                          const std::string& today) {
  return CadreState{org.directoryEmployees(tx, today), store.disabledBySync()};
}

CadreState readCadreFor(Transaction& tx, territory::OrgDirectory& org, SyncStore& store,
                        const std::string& today, const std::deque<DirectoryRecord>& records) {
  territory::DirectoryEmployeeKeys keys;
  keys.directoryIds.reserve(records.size());
  keys.employeeNumbers.reserve(records.size());
  for (const auto& record : records) {
    keys.directoryIds.push_back(record.directoryId);
    keys.employeeNumbers.push_back(record.employeeNumber);
  }
  keys.employeeIds = employeesAtDnKeys(tx, org, today, managerKeysNotRead(records));
  CadreState cadre;
  cadre.employees = org.directoryEmployeesWith(tx, today, keys);
  addEveryoneAbove(tx, org, today, cadre.employees);
  std::vector<std::string> directoryIds;
  directoryIds.reserve(cadre.employees.size());
  for (const auto& e : cadre.employees) directoryIds.push_back(e.directoryId);
  cadre.disabledBySync = store.disabledBySync(directoryIds);
  return cadre;
}

}  // namespace cadre::ldap
