#include "audit/audit_store.hpp"

#include <algorithm>
#include <sstream>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Logger.h>

namespace cadre::audit {
namespace {

constexpr const char* kAuditInsertInto =
    "INSERT INTO audit_log (at, actor, actor_role, action, object_type, object_id, before_json, "
    "after_json, outcome, client_address, request_id) VALUES ";
constexpr const char* kAuditRowValues = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

SqlValue orNull(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
}

AuditRecord readRecord(const SqlRow& row) {
  AuditRecord record;
  record.id = row.getInt(0);
  record.at = row.getString(1);
  record.actor = row.getString(2);
  record.actorRole = row.getOptionalString(3).value_or("");
  record.action = row.getString(4);
  record.objectType = row.getString(5);
  record.objectId = row.getString(6);
  record.beforeJson = row.getOptionalString(7).value_or("");
  record.afterJson = row.getOptionalString(8).value_or("");
  record.outcome = row.getString(9);
  record.clientAddress = row.getOptionalString(10).value_or("");
  record.requestId = row.getOptionalString(11).value_or("");
  return record;
}

// The WHERE clause of a query: fixed fragments, one per filter set, each with a bound value.
void addFilter(std::string& where, SqlParams& params, const char* fragment,
               const std::optional<std::string>& value) {
  if (!value) return;
  where += where.empty() ? " WHERE " : " AND ";
  where += fragment;
  params.emplace_back(*value);
}

}  // namespace

AuditStore::AuditStore(Database& database, auth::Clock clock)
    : database_(database), clock_(std::move(clock)) {}

void AuditStore::record(Transaction& tx, const Request& request, const AuditEntry& entry) {
  std::string actor = request.user ? request.user->username : "anonymous";
  std::string role = request.user ? roleName(request.user->role) : "";
  insert(tx, entry, actor, role, request.clientAddress, request.requestId);
}

void AuditStore::recordSystem(Transaction& tx, const std::string& actor, const AuditEntry& entry) {
  insert(tx, entry, actor, "", "", "");
}

void AuditStore::recordDenied(const Request& request, const std::string& reason) {
  Poco::JSON::Object after;
  after.set("reason", reason);
  std::ostringstream json;
  Poco::JSON::Stringifier::condense(after, json);
  AuditEntry entry{"access.denied", "route", request.method + " " + request.path, "",
                   json.str(),      "denied"};
  try {
    database_.inTransaction([&](Transaction& tx) { record(tx, request, entry); });
  } catch (const std::exception& e) {
    Poco::Logger::get("cadre.audit")
        .error("could not record a denied request (" + request.requestId + "): " + e.what());
  }
}

void AuditStore::recordSystemMany(Transaction& tx, const std::string& actor,
                                  const std::vector<AuditEntry>& entries) {
  for (std::size_t first = 0; first < entries.size(); first += kRowsPerInsert) {
    const std::size_t last = std::min(first + kRowsPerInsert, entries.size());
    std::string sql = kAuditInsertInto;
    SqlParams params;
    for (std::size_t i = first; i < last; ++i) {
      if (i > first) sql += ", ";
      sql += kAuditRowValues;
      appendRow(params, entries[i], actor, "", "", "");
    }
    tx.execute(sql, params);
  }
}

void AuditStore::insert(Transaction& tx, const AuditEntry& entry, const std::string& actor,
                        const std::string& actorRole, const std::string& clientAddress,
                        const std::string& requestId) {
  SqlParams params;
  appendRow(params, entry, actor, actorRole, clientAddress, requestId);
  tx.insert(std::string(kAuditInsertInto) + kAuditRowValues, params);
}

void AuditStore::appendRow(SqlParams& params, const AuditEntry& entry, const std::string& actor,
                           const std::string& actorRole, const std::string& clientAddress,
                           const std::string& requestId) {
  params.insert(params.end(),
                {auth::isoUtc(clock_()), actor, orNull(actorRole), entry.action, entry.objectType,
                 entry.objectId, orNull(entry.beforeJson), orNull(entry.afterJson), entry.outcome,
                 orNull(clientAddress), orNull(requestId)});
}

AuditPage AuditStore::query(const AuditQuery& query) {
  std::string where;
  SqlParams params;
  addFilter(where, params, "actor = ?", query.actor);
  addFilter(where, params, "action = ?", query.action);
  addFilter(where, params, "object_type = ?", query.objectType);
  addFilter(where, params, "object_id = ?", query.objectId);
  addFilter(where, params, "at >= ?", query.from);
  addFilter(where, params, "at <= ?", query.to);
  if (query.beforeId) {
    where += where.empty() ? " WHERE " : " AND ";
    where += "id < ?";
    params.emplace_back(*query.beforeId);
  }
  params.emplace_back(static_cast<std::int64_t>(query.limit + 1));
  auto tx = database_.begin(TxMode::Read);
  auto rows = tx->query(
      "SELECT id, at, actor, actor_role, action, object_type, object_id, before_json, after_json, "
      "outcome, client_address, request_id FROM audit_log" +
          where + " ORDER BY id DESC LIMIT ?",
      params);
  tx->commit();
  AuditPage page;
  for (std::size_t i = 0; i < rows.size() && i < query.limit; ++i) {
    page.items.push_back(readRecord(rows[i]));
  }
  if (rows.size() > query.limit && !page.items.empty()) page.nextBeforeId = page.items.back().id;
  return page;
}

}  // namespace cadre::audit
