#include "cadre/audit_trail.hpp"

namespace cadre {

AuditTrail requestTrail(AuditLog& log, const Request& request) {
  return [&log, &request](Transaction& tx, const AuditEntry& entry) {
    log.record(tx, request, entry);
  };
}

AuditTrail systemTrail(AuditLog& log, const std::string& actor) {
  return [&log, actor](Transaction& tx, const AuditEntry& entry) {
    log.recordSystem(tx, actor, entry);
  };
}

AuditBatchTrail systemBatchTrail(AuditLog& log, const std::string& actor) {
  return [&log, actor](Transaction& tx, const std::vector<AuditEntry>& entries) {
    log.recordSystemMany(tx, actor, entries);
  };
}

}  // namespace cadre
