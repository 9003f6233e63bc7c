#include "org_unit_store.hpp"

#include "cadre/sql_values.hpp"

#include "org_sql.hpp"

namespace cadre::territory {

namespace {

constexpr const char* kOrgUnitSelect =
    "SELECT u.id, u.code, p.name, u.type, p.parent_id, p.head_employee_id, u.opened_on, "
    "u.closed_on, u.version, p.id, p.valid_from, p.valid_to "
    "FROM territory_org_units u JOIN territory_org_unit_periods p ON p.org_unit_id = u.id ";

OrgUnit unitOf(const SqlRow& row) {
  OrgUnit unit;
  unit.id = row.getInt(0);
  unit.code = row.getString(1);
  unit.name = row.getString(2);
  unit.type = row.getString(3);
  unit.parentId = row.getOptionalInt(4);
  unit.headEmployeeId = row.getOptionalInt(5);
  unit.openedOn = row.getString(6);
  unit.closedOn = row.getOptionalString(7);
  unit.version = row.getInt(8);
  unit.periodId = row.getInt(9);
  unit.periodFrom = row.getString(10);
  unit.periodTo = row.getString(11);
  return unit;
}

}  // namespace

std::optional<OrgUnit> OrgUnitStore::find(std::int64_t id, const std::string& asOf) {
  auto row = tx_.queryOne(
      std::string(kOrgUnitSelect) + "WHERE u.id = ? AND p.valid_from <= ? AND p.valid_to > ?",
      {id, asOf, asOf});
  if (!row) return std::nullopt;
  return unitOf(*row);
}

std::optional<OrgUnit> OrgUnitStore::findLatest(std::int64_t id) {
  auto row = tx_.queryOne(
      std::string(kOrgUnitSelect) + "WHERE u.id = ? ORDER BY p.valid_from DESC, p.id DESC LIMIT 1",
      {id});
  if (!row) return std::nullopt;
  return unitOf(*row);
}

std::optional<std::int64_t> OrgUnitStore::idOfCode(const std::string& code) {
  auto row = tx_.queryOne("SELECT id FROM territory_org_units WHERE code = ?", {code});
  if (!row) return std::nullopt;
  return row->getInt(0);
}

std::vector<OrgUnit> OrgUnitStore::list(const OrgUnitFilter& filter, const std::string& asOf) {
  std::string sql =
      std::string(kOrgUnitSelect) + "WHERE p.valid_from <= ? AND p.valid_to > ? AND u.id > ?";
  SqlParams params{asOf, asOf, filter.afterId};
  if (filter.rootsOnly) sql += " AND p.parent_id IS NULL";
  if (filter.parentId) {
    sql += " AND p.parent_id = ?";
    params.push_back(*filter.parentId);
  }
  if (filter.type) {
    sql += " AND u.type = ?";
    params.push_back(*filter.type);
  }
  if (filter.code) {
    sql += " AND u.code = ?";
    params.push_back(*filter.code);
  }
  sql += " ORDER BY u.id LIMIT ?";
  params.push_back(filter.limit);
  std::vector<OrgUnit> units;
  for (const auto& row : tx_.query(sql, params)) units.push_back(unitOf(row));
  return units;
}

std::vector<OrgUnitPeriod> OrgUnitStore::periods(std::int64_t id) {
  std::vector<OrgUnitPeriod> result;
  for (const auto& row :
       tx_.query("SELECT name, parent_id, head_employee_id, valid_from, valid_to, reason FROM "
                 "territory_org_unit_periods WHERE org_unit_id = ? ORDER BY valid_from, id",
                 {id})) {
    result.push_back({row.getString(0), row.getOptionalInt(1), row.getOptionalInt(2),
                      row.getString(3), row.getString(4), row.getString(5)});
  }
  return result;
}

bool OrgUnitStore::typeExists(const std::string& type) {
  return tx_.queryOne("SELECT 1 FROM territory_org_unit_types WHERE code = ?", {type}).has_value();
}

std::int64_t OrgUnitStore::insert(const std::string& code, const std::string& type,
                                  const std::string& openedOn) {
  return tx_.insert(
      "INSERT INTO territory_org_units (code, type, opened_on, closed_on, version) "
      "VALUES (?, ?, ?, NULL, 1)",
      {code, type, openedOn});
}

void OrgUnitStore::addPeriod(std::int64_t id, const OrgUnitPeriod& period) {
  tx_.insert(
      "INSERT INTO territory_org_unit_periods (org_unit_id, name, parent_id, head_employee_id, "
      "valid_from, valid_to, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {id, period.name, nullable(period.parentId), nullable(period.headEmployeeId),
       period.validFrom, period.validTo, period.reason});
}

void OrgUnitStore::endPeriod(std::int64_t periodId, const std::string& validTo) {
  tx_.execute("UPDATE territory_org_unit_periods SET valid_to = ? WHERE id = ?",
              {validTo, periodId});
}

void OrgUnitStore::rewritePeriod(std::int64_t periodId, const OrgUnitPeriod& period) {
  tx_.execute(
      "UPDATE territory_org_unit_periods SET name = ?, parent_id = ?, head_employee_id = ?, "
      "valid_to = ?, reason = ? WHERE id = ?",
      {period.name, nullable(period.parentId), nullable(period.headEmployeeId), period.validTo,
       period.reason, periodId});
}

void OrgUnitStore::markClosed(std::int64_t id, const std::string& closedOn) {
  tx_.execute("UPDATE territory_org_units SET closed_on = ?, version = version + 1 WHERE id = ?",
              {closedOn, id});
}

void OrgUnitStore::bumpVersion(std::int64_t id) {
  tx_.execute("UPDATE territory_org_units SET version = version + 1 WHERE id = ?", {id});
}

std::vector<std::int64_t> OrgUnitStore::subtree(std::int64_t id, const std::string& asOf) {
  auto rows = tx_.query(std::string(kSubtreeUnits) + "SELECT id FROM sub ORDER BY depth, id",
                        {id, asOf, asOf});
  std::vector<std::int64_t> ids;
  for (const auto& row : rows) ids.push_back(row.getInt(0));
  return ids;
}

std::vector<std::int64_t> OrgUnitStore::ancestors(std::int64_t id, const std::string& asOf) {
  auto rows = tx_.query(
      "WITH RECURSIVE up(id, depth) AS (SELECT p.parent_id, 1 FROM territory_org_unit_periods p "
      "WHERE p.org_unit_id = ? AND p.valid_from <= ? AND p.valid_to > ? UNION ALL "
      "SELECT p.parent_id, up.depth + 1 FROM territory_org_unit_periods p JOIN up "
      "ON p.org_unit_id = up.id WHERE p.valid_from <= ? AND p.valid_to > ? AND up.depth < 64) "
      "SELECT id FROM up WHERE id IS NOT NULL ORDER BY depth",
      {id, asOf, asOf, asOf, asOf});
  std::vector<std::int64_t> ids;
  for (const auto& row : rows) ids.push_back(row.getInt(0));
  return ids;
}

std::optional<std::string> OrgUnitStore::plannedChangeAfter(std::int64_t id,
                                                            const std::string& date) {
  auto row = tx_.queryOne(
      "SELECT MAX(valid_from) FROM territory_org_unit_periods WHERE org_unit_id = ? AND "
      "valid_from > ?",
      {id, date});
  if (!row || row->isNull(0)) return std::nullopt;
  return row->getString(0);
}

std::int64_t OrgUnitStore::openChildrenFrom(std::int64_t id, const std::string& date) {
  auto row = tx_.queryOne(
      "SELECT COUNT(DISTINCT org_unit_id) FROM territory_org_unit_periods WHERE parent_id = ? "
      "AND valid_to > ?",
      {id, date});
  return row ? row->getInt(0) : 0;
}

}  // namespace cadre::territory
