#include "employee_store.hpp"

#include "cadre/sql_values.hpp"

#include <algorithm>
#include <unordered_map>

#include "org_sql.hpp"

namespace cadre::territory {

namespace {

// The status subquery comes first, so its date is the first parameter, then the assignment's.
constexpr const char* kEmployeeSelect =
    "SELECT e.id, e.employee_number, e.given_name, e.family_name, e.email, e.phone, "
    "e.hire_date, e.termination_date, e.directory_id, e.directory_dn, e.user_id, e.version, "
    "(SELECT s.status FROM territory_status_changes s WHERE s.employee_id = e.id AND "
    "s.effective_on <= ? ORDER BY s.effective_on DESC, s.id DESC LIMIT 1) AS status, "
    "a.manager_id, a.org_unit_id, a.position_id, a.employment_type "
    "FROM territory_employees e LEFT JOIN territory_assignments a ON a.employee_id = e.id "
    "AND a.valid_from <= ? AND a.valid_to > ? ";

// The INSERTs of a hire, as heads and the placeholders of one row, so that one row and many
// are the same SQL.
constexpr const char* kEmployeeInsertHead =
    "INSERT INTO territory_employees (employee_number, given_name, family_name, email, phone, "
    "hire_date, termination_date, directory_id, directory_dn, user_id, version) VALUES ";
constexpr const char* kEmployeeRowValues = "(?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 1)";
constexpr const char* kStatusInsertHead =
    "INSERT INTO territory_status_changes (employee_id, status, effective_on, reason, "
    "recorded_at, recorded_by) VALUES ";
constexpr const char* kStatusRowValues = "(?, ?, ?, ?, ?, ?)";
constexpr const char* kAssignmentInsertHead =
    "INSERT INTO territory_assignments (employee_id, position_id, org_unit_id, manager_id, "
    "employment_type, reason, valid_from, valid_to, recorded_at, recorded_by) VALUES ";
constexpr const char* kAssignmentRowValues = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// `head` and `rows` copies of `row`, separated by commas.
std::string manyRowsSql(const char* head, const char* row, std::size_t rows) {
  std::string sql = head;
  for (std::size_t i = 0; i < rows; ++i) {
    if (i > 0) sql += ", ";
    sql += row;
  }
  return sql;
}

void appendEmployeeValues(SqlParams& params, const NewEmployee& person,
                          const std::string& hireDate) {
  params.insert(params.end(), {person.employeeNumber, person.givenName, person.familyName,
                               person.email, person.phone, hireDate, textOrNull(person.directoryId),
                               person.directoryDn, nullable(person.userId)});
}

void appendStatusValues(SqlParams& params, std::int64_t id, const StatusChange& change) {
  params.insert(params.end(), {id, change.status, change.effectiveOn, change.reason,
                               change.recordedAt, change.recordedBy});
}

void appendAssignmentValues(SqlParams& params, const Assignment& a) {
  params.insert(params.end(),
                {a.employeeId, nullable(a.positionId), a.orgUnitId, nullable(a.managerId),
                 a.employmentType, a.reason, a.validFrom, a.validTo, a.recordedAt, a.recordedBy});
}

EmployeeRecord recordOf(const SqlRow& row) {
  EmployeeRecord e;
  e.id = row.getInt(0);
  e.employeeNumber = row.getString(1);
  e.givenName = row.getString(2);
  e.familyName = row.getString(3);
  e.email = row.getString(4);
  e.phone = row.getString(5);
  e.hireDate = row.getString(6);
  e.terminationDate = row.getOptionalString(7);
  e.directoryId = row.getOptionalString(8).value_or("");
  e.directoryDn = row.getString(9);
  e.userId = row.getOptionalInt(10);
  e.version = row.getInt(11);
  e.status = row.getOptionalString(12).value_or("active");
  e.managerId = row.getOptionalInt(13);
  e.orgUnitId = row.getOptionalInt(14);
  e.positionId = row.getOptionalInt(15);
  e.employmentType = row.getOptionalString(16).value_or("");
  return e;
}

Assignment assignmentOf(const SqlRow& row) {
  return {row.getInt(0),         row.getInt(1),    row.getOptionalInt(2), row.getInt(3),
          row.getOptionalInt(4), row.getString(5), row.getString(6),      row.getString(7),
          row.getString(8),      row.getString(9), row.getString(10)};
}

constexpr const char* kAssignmentColumns =
    "SELECT id, employee_id, position_id, org_unit_id, manager_id, employment_type, reason, "
    "valid_from, valid_to, recorded_at, recorded_by FROM territory_assignments ";

std::vector<std::int64_t> ids(const std::vector<SqlRow>& rows) {
  std::vector<std::int64_t> result;
  result.reserve(rows.size());
  for (const auto& row : rows) result.push_back(row.getInt(0));
  return result;
}

std::optional<std::int64_t> firstId(const std::optional<SqlRow>& row) {
  if (!row) return std::nullopt;
  return row->getInt(0);
}

// Keys bound to one query of withDirectoryKeys: well below every engine's limit of parameters.
constexpr std::size_t kKeysPerQuery = 500;

// "(?, ?, ?)" for `count` parameters.
std::string inListSql(std::size_t count) {
  std::string sql = "(";
  for (std::size_t i = 0; i < count; ++i) sql += i == 0 ? "?" : ", ?";
  return sql + ")";
}

}  // namespace

std::optional<EmployeeRecord> EmployeeStore::find(std::int64_t id, const std::string& asOf) {
  auto row = tx_.queryOne(std::string(kEmployeeSelect) + "WHERE e.id = ? AND e.hire_date <= ?",
                          {asOf, asOf, asOf, id, asOf});
  if (!row) return std::nullopt;
  return recordOf(*row);
}

bool EmployeeStore::exists(std::int64_t id) {
  return tx_.queryOne("SELECT 1 FROM territory_employees WHERE id = ?", {id}).has_value();
}

std::optional<std::int64_t> EmployeeStore::idOfNumber(const std::string& number) {
  return firstId(
      tx_.queryOne("SELECT id FROM territory_employees WHERE employee_number = ?", {number}));
}

std::optional<std::int64_t> EmployeeStore::idOfDirectoryId(const std::string& directoryId) {
  return firstId(
      tx_.queryOne("SELECT id FROM territory_employees WHERE directory_id = ?", {directoryId}));
}

std::optional<std::int64_t> EmployeeStore::idOfUser(std::int64_t userId) {
  return firstId(tx_.queryOne("SELECT id FROM territory_employees WHERE user_id = ?", {userId}));
}

std::vector<EmployeeRecord> EmployeeStore::list(const EmployeeFilter& filter,
                                                const std::string& asOf) {
  std::string sql;
  SqlParams params;
  bool fromUnits = false;
  if (filter.orgUnitId && filter.subtree) {
    sql = kSubtreeUnits;
    params = {*filter.orgUnitId, asOf, asOf};
    fromUnits = smallSubtree(*filter.orgUnitId, asOf, filter.limit);
  }
  sql += "SELECT * FROM (" + std::string(kEmployeeSelect) + "WHERE e.hire_date <= ? AND e.id > ?";
  params.insert(params.end(), {asOf, asOf, asOf, asOf, filter.afterId});
  if (fromUnits) {
    // Redundant with the filter on x.org_unit_id below, but it lets SQLite start from the
    // units' assignments instead of reading every employee.
    sql +=
        " AND e.id IN (SELECT a2.employee_id FROM territory_assignments a2 JOIN sub ON "
        "a2.org_unit_id = sub.id WHERE a2.valid_from <= ? AND a2.valid_to > ?)";
    params.insert(params.end(), {asOf, asOf});
  }
  sql += ") x WHERE 1 = 1";
  if (filter.orgUnitId) {
    sql += filter.subtree ? " AND x.org_unit_id IN (SELECT id FROM sub)" : " AND x.org_unit_id = ?";
    if (!filter.subtree) params.push_back(*filter.orgUnitId);
  }
  if (filter.employeeNumber) {
    sql += " AND x.employee_number = ?";
    params.push_back(*filter.employeeNumber);
  }
  if (filter.managerId) {
    sql += " AND x.manager_id = ?";
    params.push_back(*filter.managerId);
  }
  if (filter.status) {
    sql += " AND x.status = ?";
    params.push_back(*filter.status);
  }
  if (filter.nameStartsWith) {
    sql +=
        " AND (LOWER(x.given_name) LIKE ? OR LOWER(x.family_name) LIKE ? OR "
        "LOWER(x.employee_number) LIKE ?)";
    std::string pattern;
    for (char c : *filter.nameStartsWith) {
      if (c == '%' || c == '_' || c == '\\') continue;
      pattern += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    pattern += "%";
    params.insert(params.end(), {pattern, pattern, pattern});
  }
  sql += " ORDER BY x.id LIMIT ?";
  params.push_back(filter.limit);
  std::vector<EmployeeRecord> result;
  for (const auto& row : tx_.query(sql, params)) result.push_back(recordOf(row));
  return result;
}

std::vector<EmployeeRecord> EmployeeStore::withDirectoryId(const std::string& asOf) {
  std::vector<EmployeeRecord> result;
  for (const auto& row :
       tx_.query(std::string(kEmployeeSelect) +
                     "WHERE e.directory_id IS NOT NULL AND e.hire_date <= ? ORDER BY e.id",
                 {asOf, asOf, asOf, asOf})) {
    result.push_back(recordOf(row));
  }
  return result;
}

std::vector<EmployeeRecord> EmployeeStore::withDirectoryKeys(const std::string& asOf,
                                                             const DirectoryEmployeeKeys& keys) {
  std::unordered_map<std::int64_t, EmployeeRecord> found;
  // Each column is indexed (unique): one indexed lookup per key, in chunks of bound parameters.
  auto readBy = [&](const char* column, const auto& values) {
    for (std::size_t first = 0; first < values.size(); first += kKeysPerQuery) {
      const std::size_t count = std::min(kKeysPerQuery, values.size() - first);
      SqlParams params{asOf, asOf, asOf};
      for (std::size_t i = first; i < first + count; ++i) params.emplace_back(values[i]);
      params.emplace_back(asOf);
      auto rows =
          tx_.query(std::string(kEmployeeSelect) + "WHERE " + column + " IN " + inListSql(count) +
                        " AND e.directory_id IS NOT NULL AND e.hire_date <= ?",
                    params);
      for (const auto& row : rows) {
        EmployeeRecord e = recordOf(row);
        found.emplace(e.id, std::move(e));
      }
    }
  };
  readBy("e.directory_id", keys.directoryIds);
  readBy("e.employee_number", keys.employeeNumbers);
  readBy("e.id", keys.employeeIds);
  std::vector<EmployeeRecord> result;
  result.reserve(found.size());
  for (auto& [id, e] : found) result.push_back(std::move(e));
  std::sort(result.begin(), result.end(),
            [](const EmployeeRecord& a, const EmployeeRecord& b) { return a.id < b.id; });
  return result;
}

std::vector<DirectoryDn> EmployeeStore::directoryDns(const std::string& asOf) {
  std::vector<DirectoryDn> result;
  for (const auto& row : tx_.query("SELECT id, directory_dn FROM territory_employees WHERE "
                                   "directory_id IS NOT NULL AND hire_date <= ? ORDER BY id",
                                   {asOf})) {
    result.push_back({row.getInt(0), row.getString(1)});
  }
  return result;
}

bool EmployeeStore::smallSubtree(std::int64_t orgUnitId, const std::string& asOf,
                                 std::int64_t limit) {
  // Reading employees in id order costs about min(all, limit / share) rows, where share is the
  // subtree's part of the org; starting from the subtree's assignments costs about 3 rows (an
  // index entry, the assignment, a sort) per person in it. The units stand in for the people.
  auto row = tx_.queryOne(std::string(kSubtreeUnits) +
                              "SELECT (SELECT COUNT(*) FROM sub), (SELECT COUNT(*) FROM "
                              "territory_org_units), (SELECT MAX(id) FROM territory_employees)",
                          {orgUnitId, asOf, asOf});
  if (!row || row->isNull(2) || row->getInt(1) == 0) return false;
  double share = static_cast<double>(row->getInt(0)) / static_cast<double>(row->getInt(1));
  double everyone = static_cast<double>(row->getInt(2));
  double byId = std::min(everyone, static_cast<double>(limit) / share);
  return 3 * share * everyone < byId;
}

std::int64_t EmployeeStore::insert(const NewEmployee& person, const std::string& hireDate) {
  SqlParams params;
  appendEmployeeValues(params, person, hireDate);
  return tx_.insert(std::string(kEmployeeInsertHead) + kEmployeeRowValues, params);
}

std::vector<std::int64_t> EmployeeStore::insertMany(const std::vector<NewHire>& hires) {
  SqlParams params;
  for (const auto& hire : hires) appendEmployeeValues(params, hire.person, hire.hireDate);
  // RETURNING promises no order, so the ids are matched by employee number.
  auto rows = tx_.query(manyRowsSql(kEmployeeInsertHead, kEmployeeRowValues, hires.size()) +
                            " RETURNING id, employee_number",
                        params);
  std::unordered_map<std::string, std::int64_t> idOfNumber;
  for (const auto& row : rows) idOfNumber.emplace(row.getString(1), row.getInt(0));
  std::vector<std::int64_t> ids;
  ids.reserve(hires.size());
  for (const auto& hire : hires) ids.push_back(idOfNumber.at(hire.person.employeeNumber));
  return ids;
}

void EmployeeStore::updateMasterData(std::int64_t id, const EmployeeMasterData& data) {
  tx_.execute(
      "UPDATE territory_employees SET employee_number = ?, given_name = ?, family_name = ?, "
      "email = ?, phone = ?, directory_id = ?, directory_dn = ?, user_id = ?, "
      "version = version + 1 WHERE id = ?",
      {data.employeeNumber, data.givenName, data.familyName, data.email, data.phone,
       textOrNull(data.directoryId), data.directoryDn, nullable(data.userId), id});
}

void EmployeeStore::setTerminationDate(std::int64_t id, const std::optional<std::string>& date) {
  SqlValue value = nullptr;
  if (date) value = *date;
  tx_.execute("UPDATE territory_employees SET termination_date = ? WHERE id = ?", {value, id});
}

void EmployeeStore::bumpVersion(std::int64_t id) {
  tx_.execute("UPDATE territory_employees SET version = version + 1 WHERE id = ?", {id});
}

void EmployeeStore::addStatus(std::int64_t id, const StatusChange& change) {
  SqlParams params;
  appendStatusValues(params, id, change);
  tx_.insert(std::string(kStatusInsertHead) + kStatusRowValues, params);
}

void EmployeeStore::addStatuses(const std::vector<std::pair<std::int64_t, StatusChange>>& changes) {
  SqlParams params;
  for (const auto& [id, change] : changes) appendStatusValues(params, id, change);
  tx_.execute(manyRowsSql(kStatusInsertHead, kStatusRowValues, changes.size()), params);
}

std::vector<StatusChange> EmployeeStore::statusChanges(std::int64_t id) {
  std::vector<StatusChange> result;
  for (const auto& row :
       tx_.query("SELECT status, effective_on, reason, recorded_at, recorded_by FROM "
                 "territory_status_changes WHERE employee_id = ? ORDER BY effective_on, id",
                 {id})) {
    result.push_back(
        {row.getString(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4)});
  }
  return result;
}

std::optional<Assignment> EmployeeStore::assignmentOn(std::int64_t employeeId,
                                                      const std::string& date) {
  auto row = tx_.queryOne(std::string(kAssignmentColumns) +
                              "WHERE employee_id = ? AND valid_from <= ? AND valid_to > ?",
                          {employeeId, date, date});
  if (!row) return std::nullopt;
  return assignmentOf(*row);
}

std::optional<Assignment> EmployeeStore::latestAssignment(std::int64_t employeeId) {
  auto row = tx_.queryOne(std::string(kAssignmentColumns) +
                              "WHERE employee_id = ? ORDER BY valid_from DESC, id DESC LIMIT 1",
                          {employeeId});
  if (!row) return std::nullopt;
  return assignmentOf(*row);
}

std::vector<Assignment> EmployeeStore::assignments(std::int64_t employeeId) {
  std::vector<Assignment> result;
  for (const auto& row :
       tx_.query(std::string(kAssignmentColumns) + "WHERE employee_id = ? ORDER BY valid_from, id",
                 {employeeId})) {
    result.push_back(assignmentOf(row));
  }
  return result;
}

std::int64_t EmployeeStore::addAssignment(const Assignment& a) {
  SqlParams params;
  appendAssignmentValues(params, a);
  return tx_.insert(std::string(kAssignmentInsertHead) + kAssignmentRowValues, params);
}

void EmployeeStore::addAssignments(const std::vector<Assignment>& assignments) {
  SqlParams params;
  for (const auto& a : assignments) appendAssignmentValues(params, a);
  tx_.execute(manyRowsSql(kAssignmentInsertHead, kAssignmentRowValues, assignments.size()), params);
}

void EmployeeStore::endAssignment(std::int64_t assignmentId, const std::string& validTo) {
  tx_.execute("UPDATE territory_assignments SET valid_to = ? WHERE id = ?",
              {validTo, assignmentId});
}

std::optional<std::int64_t> EmployeeStore::positionHolderFrom(std::int64_t positionId,
                                                              const std::string& date,
                                                              std::int64_t exceptEmployee) {
  return firstId(tx_.queryOne(
      "SELECT employee_id FROM territory_assignments WHERE position_id = ? AND valid_to > ? "
      "AND valid_from < valid_to AND employee_id <> ? LIMIT 1",
      {positionId, date, exceptEmployee}));
}

std::vector<std::int64_t> EmployeeStore::managerChain(std::int64_t employeeId,
                                                      const std::string& asOf) {
  return ids(tx_.query(
      "WITH RECURSIVE up(id, depth) AS (SELECT a.manager_id, 1 FROM territory_assignments a "
      "WHERE a.employee_id = ? AND a.valid_from <= ? AND a.valid_to > ? UNION ALL "
      "SELECT a.manager_id, up.depth + 1 FROM territory_assignments a JOIN up "
      "ON a.employee_id = up.id WHERE a.valid_from <= ? AND a.valid_to > ? AND up.depth < 64) "
      "SELECT id FROM up WHERE id IS NOT NULL ORDER BY depth",
      {employeeId, asOf, asOf, asOf, asOf}));
}

std::vector<std::int64_t> EmployeeStore::reports(std::int64_t managerId, const std::string& asOf,
                                                 bool indirect) {
  if (!indirect) {
    return ids(tx_.query(
        "SELECT employee_id FROM territory_assignments WHERE manager_id = ? AND valid_from <= ? "
        "AND valid_to > ? ORDER BY employee_id",
        {managerId, asOf, asOf}));
  }
  return ids(tx_.query(
      "WITH RECURSIVE down(id, depth) AS (SELECT CAST(? AS BIGINT), 0 UNION ALL "
      "SELECT a.employee_id, down.depth + 1 FROM territory_assignments a JOIN down "
      "ON a.manager_id = down.id WHERE a.valid_from <= ? AND a.valid_to > ? AND down.depth < 64) "
      "SELECT id FROM down WHERE depth > 0 ORDER BY depth, id",
      {managerId, asOf, asOf}));
}

std::vector<std::int64_t> EmployeeStore::assignedToSubtree(std::int64_t orgUnitId,
                                                           const std::string& asOf) {
  return ids(tx_.query(std::string(kSubtreeUnits) +
                           "SELECT a.employee_id FROM territory_assignments a JOIN sub ON "
                           "a.org_unit_id = sub.id WHERE a.valid_from <= ? AND a.valid_to > ? "
                           "ORDER BY a.employee_id",
                       {orgUnitId, asOf, asOf, asOf, asOf}));
}

}  // namespace cadre::territory
