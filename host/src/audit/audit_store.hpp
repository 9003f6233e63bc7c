#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/iso_time.hpp"
#include "cadre/context.hpp"

namespace cadre::audit {

/// One row of the audit log as queries return it. `beforeJson`/`afterJson` are "" when absent;
/// `actorRole` is "" for anonymous and system actors.
struct AuditRecord {
  std::int64_t id = 0;
  std::string at;
  std::string actor;
  std::string actorRole;
  std::string action;
  std::string objectType;
  std::string objectId;
  std::string beforeJson;
  std::string afterJson;
  std::string outcome;
  std::string clientAddress;
  std::string requestId;
};

/// What to read from the audit log: every filter set must match (exact text); `from` and `to`
/// bound `at` inclusively and are compared as stored timestamps (see auth::isoUtc).
struct AuditQuery {
  std::optional<std::string> actor;
  std::optional<std::string> action;
  std::optional<std::string> objectType;
  std::optional<std::string> objectId;
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::size_t limit = 50;
  /// Start after this entry (the id of the last one on the previous page).
  std::optional<std::int64_t> beforeId;
};

/// One page, newest first, and the id to continue from when more entries match.
struct AuditPage {
  std::vector<AuditRecord> items;
  std::optional<std::int64_t> nextBeforeId;
};

/// The `audit_log` table. Writes go into the caller's transaction; there is no update or delete.
/// Thread-safe.
class AuditStore : public AuditLog {
 public:
  /// The database must outlive the store.
  explicit AuditStore(Database& database, auth::Clock clock = auth::systemClock());

  /// Actor is the request's user ("anonymous" without one), with role, address and request id.
  void record(Transaction& tx, const Request& request, const AuditEntry& entry) override;
  /// Actor is `actor` ("cli", "job:<name>", a provider); no role, address or request id.
  void recordSystem(Transaction& tx, const std::string& actor, const AuditEntry& entry) override;
  /// recordSystem for each entry, in order, kRowsPerInsert rows to a statement; each row is
  /// stamped with the clock as it is added, as recordSystem stamps its one.
  void recordSystemMany(Transaction& tx, const std::string& actor,
                        const std::vector<AuditEntry>& entries) override;
  /// Records a refused request ("access.denied" on object "route" "<METHOD> <path>", outcome
  /// "denied", the reason in after) in a transaction of its own: the request itself writes
  /// nothing. Never throws; a failure to record is swallowed after logging to "cadre.audit".
  void recordDenied(const Request& request, const std::string& reason);
  /// Entries matching `query`, newest first.
  AuditPage query(const AuditQuery& query);

  /// Rows in one INSERT of recordSystemMany: 11 values each, far below the bound values a
  /// statement may have (32,766 on SQLite, 65,535 on PostgreSQL).
  static constexpr std::size_t kRowsPerInsert = 500;

 private:
  void insert(Transaction& tx, const AuditEntry& entry, const std::string& actor,
              const std::string& actorRole, const std::string& clientAddress,
              const std::string& requestId);
  /// Appends the values of one row, in the column order of the INSERTs, stamped now.
  void appendRow(SqlParams& params, const AuditEntry& entry, const std::string& actor,
                 const std::string& actorRole, const std::string& clientAddress,
                 const std::string& requestId);

  Database& database_;
  auth::Clock clock_;
};

}  // namespace cadre::audit
