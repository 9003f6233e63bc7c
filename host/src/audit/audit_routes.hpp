#pragma once

#include <vector>

#include "audit/audit_store.hpp"
#include "cadre/http.hpp"

namespace cadre::audit {

/// The audit log's routes: only GET /api/v1/audit, for admin and hr. Query parameters: actor,
/// action, objectType, objectId, from, to (YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS[.mmm]Z; a date
/// as `to` includes that whole day), limit, cursor, format (json or csv). JSON answers
/// `{"items":[...],"next":cursor-or-null}`; CSV carries the next cursor in X-Next-Cursor. No
/// route changes or deletes an entry. The store must outlive the routes.
std::vector<Route> auditRoutes(AuditStore& store);

}  // namespace cadre::audit
