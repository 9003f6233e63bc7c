#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cadre/context.hpp"
#include "cadre/export.hpp"

namespace cadre {

/// Where a domain change writes its audit entry, so that domain code need not know whether it
/// runs for a request or for the system: inside the caller's transaction.
using AuditTrail = std::function<void(Transaction&, const AuditEntry&)>;

/// Entries under the request's user, address and request id. The request must outlive the trail.
CADRE_SDK_API AuditTrail requestTrail(AuditLog& log, const Request& request);
/// Entries under a named actor (a job, a sync, another plugin's call).
CADRE_SDK_API AuditTrail systemTrail(AuditLog& log, const std::string& actor);

/// Where a domain change of many objects at once writes their audit entries, in order, inside
/// the caller's transaction.
using AuditBatchTrail = std::function<void(Transaction&, const std::vector<AuditEntry>&)>;

/// Many entries under a named actor, written together (AuditLog::recordSystemMany).
CADRE_SDK_API AuditBatchTrail systemBatchTrail(AuditLog& log, const std::string& actor);

}  // namespace cadre
