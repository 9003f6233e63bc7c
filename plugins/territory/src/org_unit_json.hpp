#pragma once

#include <Poco/JSON/Object.h>

#include "org_unit_store.hpp"

namespace cadre::territory {

/// An org unit as the API answers it, the audit log records it and events carry it.
Poco::JSON::Object::Ptr unitJson(const OrgUnit& unit);

}  // namespace cadre::territory
