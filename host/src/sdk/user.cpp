#include "cadre/user.hpp"

namespace cadre {

const char* roleName(Role role) {
  switch (role) {
    case Role::Admin:
      return "admin";
    case Role::Hr:
      return "hr";
    case Role::Manager:
      return "manager";
    case Role::Employee:
      return "employee";
  }
  return "employee";
}

std::optional<Role> parseRole(const std::string& name) {
  for (Role role : {Role::Admin, Role::Hr, Role::Manager, Role::Employee}) {
    if (name == roleName(role)) return role;
  }
  return std::nullopt;
}

}  // namespace cadre
