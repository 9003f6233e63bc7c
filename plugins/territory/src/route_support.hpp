#pragma once

#include "cadre/context.hpp"
#include "cadre/handler_support.hpp"

namespace cadre::territory {

// Ids in queries, nullable ids, the actor, optional If-Match, CSV requests and handler binding
// come from the SDK (cadre/handler_support.hpp).

/// Who may change the org and the sales side: admin and hr.
Permission hrWriters();
/// Who may read reports over people (plans, metrics, balance): admin, hr and managers.
Permission peopleReporters();

}  // namespace cadre::territory
