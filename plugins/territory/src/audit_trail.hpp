#pragma once

#include <functional>
#include <string>

#include "cadre/context.hpp"

namespace cadre::territory {

/// Where a domain change writes its audit entry: for a request (actor, address, request id from
/// it) or for the system under a named actor (a sync, another plugin's hire).
using AuditTrail = std::function<void(Transaction&, const AuditEntry&)>;

AuditTrail requestTrail(AuditLog& log, const Request& request);
AuditTrail systemTrail(AuditLog& log, const std::string& actor);

}  // namespace cadre::territory
