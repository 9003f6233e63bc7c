#include "route_support.hpp"

namespace cadre::territory {

Permission hrWriters() {
  return Permission::roles({Role::Admin, Role::Hr});
}

Permission peopleReporters() {
  return Permission::roles({Role::Admin, Role::Hr, Role::Manager});
}

}  // namespace cadre::territory
