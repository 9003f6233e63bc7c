#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cadre/territory/org_directory.hpp"
#include "directory_record.hpp"
#include "sync_plan.hpp"

namespace cadre::ldap {

/// The manager of each record as a directory id (empty for none), resolved after every record
/// was read, so the order of the entries does not matter.
struct ManagerLinks {
  /// Parallel to the records.
  std::vector<std::string> managerIds;
  /// Managers outside the filter and manager cycles, one per entry concerned.
  std::vector<EntryError> errors;
};

/// Resolves the manager DNs of the records: first among the records themselves, then (in an
/// incremental run, which reads only what changed) among the people Cadre has from the
/// directory. A manager found nowhere is reported, never invented; the members of a cycle
/// (A manages B manages A, or someone their own manager) are reported and get no manager.
ManagerLinks linkManagers(const std::vector<const DirectoryRecord*>& records,
                          const std::vector<territory::EmployeeRecord>& employees, SyncMode mode);

/// The records in an order where each manager comes before the people reporting to them.
std::vector<std::size_t> managersFirst(const std::vector<const DirectoryRecord*>& records,
                                       const std::vector<std::string>& managerIds);

}  // namespace cadre::ldap
