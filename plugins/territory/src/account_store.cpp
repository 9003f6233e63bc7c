#include "account_store.hpp"

#include "cadre/sql_values.hpp"

#include <algorithm>

#include "cadre/territory/org_directory.hpp"

namespace cadre::territory {

namespace {

const char* kAccountColumns =
    "SELECT id, name, region, postal_code, industry, size, status, external_id, potential, "
    "version FROM territory_accounts ";
const char* kAccountAssignmentColumns =
    "SELECT aa.id, aa.account_id, aa.territory_id, aa.cause, aa.rule_id, aa.valid_from, "
    "aa.valid_to FROM territory_account_assignments aa JOIN territory_territories t ON "
    "t.id = aa.territory_id ";

Account accountOf(const SqlRow& row) {
  return {row.getInt(0),    row.getString(1), row.getString(2), row.getString(3),
          row.getString(4), row.getString(5), row.getString(6), row.getOptionalString(7),
          row.getDouble(8), row.getInt(9)};
}

AccountAssignment accountAssignmentOf(const SqlRow& row) {
  return {row.getInt(0),         row.getInt(1),    row.getInt(2),   row.getString(3),
          row.getOptionalInt(4), row.getString(5), row.getString(6)};
}

std::vector<AccountAssignment> assignments(Transaction& tx, const std::string& sql,
                                           const SqlParams& params) {
  std::vector<AccountAssignment> result;
  for (const auto& row : tx.query(std::string(kAccountAssignmentColumns) + sql, params))
    result.push_back(accountAssignmentOf(row));
  return result;
}

}  // namespace

std::vector<Account> AccountStore::list(const AccountFilter& filter) {
  std::string sql = std::string(kAccountColumns) + "WHERE id > ?";
  SqlParams params{filter.afterId};
  auto equal = [&](const char* column, const std::optional<std::string>& value) {
    if (!value) return;
    sql += std::string(" AND ") + column + " = ?";
    params.push_back(*value);
  };
  equal("status", filter.status);
  equal("region", filter.region);
  equal("industry", filter.industry);
  if (filter.nameStartsWith) {
    // A prefix match without LIKE, so that % and _ in the input mean themselves.
    sql += " AND SUBSTR(LOWER(name), 1, ?) = LOWER(?)";
    params.push_back(static_cast<std::int64_t>(filter.nameStartsWith->size()));
    params.push_back(*filter.nameStartsWith);
  }
  if (filter.territoryId) {
    sql +=
        " AND id IN (SELECT account_id FROM territory_account_assignments WHERE territory_id = ? "
        "AND valid_from <= ? AND valid_to > ?)";
    params.insert(params.end(), {*filter.territoryId, filter.territoryDate, filter.territoryDate});
  }
  sql += " ORDER BY id";
  std::vector<Account> result;
  for (const auto& row : tx_.query(sql, params)) {
    auto account = accountOf(row);
    if (filter.onlyIds && !filter.onlyIds->count(account.id)) continue;
    result.push_back(account);
    if (static_cast<std::int64_t>(result.size()) >= filter.limit) break;
  }
  return result;
}

std::optional<Account> AccountStore::find(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kAccountColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return accountOf(*row);
}

bool AccountStore::externalIdTaken(const std::string& externalId, std::int64_t exceptId) {
  return tx_
      .queryOne("SELECT 1 FROM territory_accounts WHERE external_id = ? AND id <> ?",
                {externalId, exceptId})
      .has_value();
}

std::int64_t AccountStore::insert(const Account& a) {
  return tx_.insert(
      "INSERT INTO territory_accounts (name, region, postal_code, industry, size, status, "
      "external_id, potential, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
      {a.name, a.region, a.postalCode, a.industry, a.size, a.status, nullable(a.externalId),
       a.potential});
}

bool AccountStore::update(const Account& a) {
  return tx_.execute(
             "UPDATE territory_accounts SET name = ?, region = ?, postal_code = ?, industry = ?, "
             "size = ?, status = ?, external_id = ?, potential = ?, version = version + 1 WHERE id "
             "= ? "
             "AND version = ?",
             {a.name, a.region, a.postalCode, a.industry, a.size, a.status, nullable(a.externalId),
              a.potential, a.id, a.version}) == 1;
}

void AccountStore::bumpVersion(std::int64_t id) {
  tx_.execute("UPDATE territory_accounts SET version = version + 1 WHERE id = ?", {id});
}

std::optional<AccountAssignment> AccountStore::assignmentOn(std::int64_t accountId,
                                                            const std::string& date) {
  auto found = assignments(tx_,
                           "JOIN territory_models m ON m.id = t.model_id WHERE aa.account_id = ? "
                           "AND m.state <> 'planning' AND aa.valid_from <= ? AND aa.valid_to > ? "
                           "ORDER BY aa.valid_from DESC, aa.id DESC",
                           {accountId, date, date});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<AccountAssignment> AccountStore::assignmentIn(std::int64_t accountId,
                                                            std::int64_t modelId,
                                                            const std::string& date) {
  auto found = assignments(tx_,
                           "WHERE aa.account_id = ? AND t.model_id = ? AND aa.valid_from <= ? AND "
                           "aa.valid_to > ? ORDER BY aa.id DESC",
                           {accountId, modelId, date, date});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<AccountAssignment> AccountStore::latestIn(std::int64_t accountId,
                                                        std::int64_t modelId) {
  auto found = assignments(tx_,
                           "WHERE aa.account_id = ? AND t.model_id = ? AND aa.valid_to > "
                           "aa.valid_from ORDER BY aa.valid_from DESC, aa.id DESC",
                           {accountId, modelId});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<AccountAssignment> AccountStore::assignmentsIn(std::int64_t modelId,
                                                           const std::string& date) {
  return assignments(tx_,
                     "WHERE t.model_id = ? AND aa.valid_from <= ? AND aa.valid_to > ? ORDER BY "
                     "aa.account_id",
                     {modelId, date, date});
}

std::vector<AccountAssignment> AccountStore::openIn(std::int64_t modelId) {
  return assignments(tx_, "WHERE t.model_id = ? AND aa.valid_to = ? ORDER BY aa.account_id",
                     {modelId, std::string(kOpenEnd)});
}

std::vector<AccountAssignment> AccountStore::historyOf(std::int64_t accountId) {
  return assignments(tx_,
                     "WHERE aa.account_id = ? AND aa.valid_to > aa.valid_from ORDER BY "
                     "aa.valid_from, aa.id",
                     {accountId});
}

std::vector<AccountAssignment> AccountStore::ofTerritory(std::int64_t territoryId,
                                                         const std::string& date) {
  return assignments(tx_,
                     "WHERE aa.territory_id = ? AND aa.valid_from <= ? AND aa.valid_to > ? ORDER "
                     "BY aa.account_id",
                     {territoryId, date, date});
}

std::int64_t AccountStore::addAssignment(const AccountAssignment& a, const std::string& actor,
                                         const std::string& recordedAt) {
  return tx_.insert(
      "INSERT INTO territory_account_assignments (territory_id, account_id, cause, rule_id, "
      "valid_from, valid_to, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {a.territoryId, a.accountId, a.cause, nullable(a.ruleId), a.validFrom, a.validTo, recordedAt,
       actor});
}

void AccountStore::endAssignment(std::int64_t assignmentId, const std::string& validTo) {
  tx_.execute("UPDATE territory_account_assignments SET valid_to = ? WHERE id = ?",
              {validTo, assignmentId});
}

namespace {

constexpr std::size_t kChunk = 200;

/// "?, ?, …" for n values (the statement text depends on a count only, never on input).
std::string placeholders(std::size_t n, const std::string& one) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i ? ", " : "") + one;
  return out;
}

}  // namespace

void AccountStore::endAssignments(const std::vector<std::int64_t>& ids,
                                  const std::string& validTo) {
  for (std::size_t at = 0; at < ids.size(); at += kChunk) {
    auto n = std::min(kChunk, ids.size() - at);
    SqlParams params{validTo, validTo};
    params.insert(params.end(), ids.begin() + at, ids.begin() + at + n);
    tx_.execute(
        "UPDATE territory_account_assignments SET valid_to = CASE WHEN valid_from > ? THEN "
        "valid_from ELSE ? END WHERE id IN (" +
            placeholders(n, "?") + ")",
        params);
  }
}

void AccountStore::addAssignments(const std::vector<AccountAssignment>& rows,
                                  const std::string& actor, const std::string& recordedAt) {
  for (std::size_t at = 0; at < rows.size(); at += kChunk) {
    auto n = std::min(kChunk, rows.size() - at);
    SqlParams params;
    for (std::size_t i = at; i < at + n; ++i) {
      const auto& a = rows[i];
      params.insert(params.end(), {a.territoryId, a.accountId, a.cause, nullable(a.ruleId),
                                   a.validFrom, a.validTo, recordedAt, actor});
    }
    tx_.execute(
        "INSERT INTO territory_account_assignments (territory_id, account_id, cause, rule_id, "
        "valid_from, valid_to, recorded_at, recorded_by) VALUES " +
            placeholders(n, "(?, ?, ?, ?, ?, ?, ?, ?)"),
        params);
  }
}

void AccountStore::bumpVersions(const std::vector<std::int64_t>& ids) {
  for (std::size_t at = 0; at < ids.size(); at += kChunk) {
    auto n = std::min(kChunk, ids.size() - at);
    SqlParams params(ids.begin() + at, ids.begin() + at + n);
    tx_.execute("UPDATE territory_accounts SET version = version + 1 WHERE id IN (" +
                    placeholders(n, "?") + ")",
                params);
  }
}

std::map<std::int64_t, std::string> AccountStore::latestStartsIn(std::int64_t modelId) {
  std::map<std::int64_t, std::string> result;
  for (const auto& row : tx_.query(
           "SELECT aa.account_id, MAX(aa.valid_from) FROM territory_account_assignments aa JOIN "
           "territory_territories t ON t.id = aa.territory_id WHERE t.model_id = ? AND "
           "aa.valid_to > aa.valid_from GROUP BY aa.account_id",
           {modelId})) {
    result[row.getInt(0)] = row.getString(1);
  }
  return result;
}

void AccountStore::endModelAt(std::int64_t modelId, const std::string& date) {
  const std::string inModel =
      " AND territory_id IN (SELECT id FROM territory_territories WHERE model_id = ?)";
  tx_.execute(
      "UPDATE territory_account_assignments SET valid_to = ? WHERE valid_to > ? AND "
      "valid_from < ?" +
          inModel,
      {date, date, date, modelId});
  tx_.execute(
      "UPDATE territory_account_assignments SET valid_to = valid_from WHERE "
      "valid_from >= ?" +
          inModel,
      {date, modelId});
}

void AccountStore::beginModelAt(std::int64_t modelId, const std::string& date) {
  const std::string inModel =
      " AND territory_id IN (SELECT id FROM territory_territories WHERE model_id = ?)";
  std::string open(kOpenEnd);
  tx_.execute("DELETE FROM territory_account_assignments WHERE valid_to <> ?" + inModel,
              {open, modelId});
  tx_.execute(
      "UPDATE territory_account_assignments SET valid_from = ? WHERE valid_to = ?" + inModel,
      {date, open, modelId});
}

void AccountStore::forgetRule(std::int64_t ruleId) {
  tx_.execute("UPDATE territory_account_assignments SET rule_id = NULL WHERE rule_id = ?",
              {ruleId});
}

std::vector<std::int64_t> AccountStore::accountsOfRep(std::int64_t employeeId,
                                                      const std::string& date) {
  std::vector<std::int64_t> result;
  for (const auto& row :
       tx_.query("SELECT DISTINCT aa.account_id FROM territory_account_assignments aa "
                 "JOIN territory_rep_assignments r ON r.territory_id = aa.territory_id "
                 "JOIN territory_territories t ON t.id = r.territory_id JOIN territory_models m "
                 "ON m.id = t.model_id WHERE m.state <> 'planning' AND r.employee_id = ? AND "
                 "r.valid_from <= ? AND r.valid_to > ? AND aa.valid_from <= ? AND "
                 "aa.valid_to > ? ORDER BY aa.account_id",
                 {employeeId, date, date, date, date})) {
    result.push_back(row.getInt(0));
  }
  return result;
}

}  // namespace cadre::territory
