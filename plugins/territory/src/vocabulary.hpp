#pragma once

#include <set>
#include <string>

namespace cadre::territory {

/// The values the API, the imports and the domain services accept for an account's size.
inline const std::set<std::string> kAccountSizes{"small", "medium", "large", "enterprise"};

/// The values accepted for an account's status.
inline const std::set<std::string> kAccountStatuses{"prospect", "active"};

/// The values of an employee's status.
inline const std::set<std::string> kEmployeeStatuses{"active", "on_leave", "suspended",
                                                     "terminated"};

/// The values accepted for an employment type.
inline const std::set<std::string> kEmploymentTypes{"full_time", "part_time", "contractor",
                                                    "intern", "temporary"};

}  // namespace cadre::territory
