#pragma once

#include <functional>
#include <string>

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

}  // namespace cadre
