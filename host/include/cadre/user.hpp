#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/export.hpp"

namespace cadre {

/// The four roles of Cadre, from the most to the least privileged.
enum class Role { Admin, Hr, Manager, Employee };

/// The role's name as stored and shown: "admin", "hr", "manager", "employee".
CADRE_SDK_API const char* roleName(Role role);
/// Parses a role name; std::nullopt for anything else.
CADRE_SDK_API std::optional<Role> parseRole(const std::string& name);

/// The person behind a request: a local or directory user with one role.
struct CADRE_SDK_API User {
  std::int64_t id = 0;
  std::string username;
  std::string displayName;
  Role role = Role::Employee;
  /// Where the user logs in: "local" or the name of a login provider such as "ldap".
  std::string source = "local";
};

}  // namespace cadre
