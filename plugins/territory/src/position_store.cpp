#include "position_store.hpp"

#include "org_sql.hpp"

namespace cadre::territory {

namespace {

// The holder subquery's date comes first, then the open-on-date check's.
constexpr const char* kPositionSelect =
    "SELECT * FROM (SELECT p.id, p.org_unit_id, p.title, p.fte, p.budgeted_cost, p.frozen, "
    "p.opened_on, p.closed_on, p.version, (SELECT a.employee_id FROM territory_assignments a "
    "WHERE a.position_id = p.id AND a.valid_from <= ? AND a.valid_to > ? LIMIT 1) AS holder "
    "FROM territory_positions p) x ";

Position positionOf(const SqlRow& row) {
  Position p;
  p.id = row.getInt(0);
  p.orgUnitId = row.getInt(1);
  p.title = row.getString(2);
  p.fte = row.getDouble(3);
  p.budgetedCost = row.getDouble(4);
  p.frozen = row.getInt(5) != 0;
  p.openedOn = row.getString(6);
  p.closedOn = row.getOptionalString(7);
  p.version = row.getInt(8);
  p.holderId = row.getOptionalInt(9);
  p.state = p.frozen ? "frozen" : p.holderId ? "filled" : "vacant";
  return p;
}

HeadcountPlan planOf(const SqlRow& row) {
  return {row.getInt(0), row.getInt(1),    row.getString(2), row.getString(3),
          row.getInt(4), row.getDouble(5), row.getString(6), row.getInt(7)};
}

constexpr const char* kPlanColumns =
    "SELECT id, org_unit_id, period_start, period_end, planned_positions, planned_budget, note, "
    "version FROM territory_headcount_plans ";

constexpr const char* kOpenOn = "x.opened_on <= ? AND (x.closed_on IS NULL OR x.closed_on > ?)";

}  // namespace

std::optional<Position> PositionStore::find(std::int64_t id, const std::string& asOf) {
  auto row = tx_.queryOne(std::string(kPositionSelect) + "WHERE x.id = ? AND " + kOpenOn,
                          {asOf, asOf, id, asOf, asOf});
  if (!row) return std::nullopt;
  return positionOf(*row);
}

std::optional<Position> PositionStore::findAny(std::int64_t id, const std::string& asOf) {
  auto row = tx_.queryOne(std::string(kPositionSelect) + "WHERE x.id = ?", {asOf, asOf, id});
  if (!row) return std::nullopt;
  return positionOf(*row);
}

std::vector<Position> PositionStore::list(const PositionFilter& filter, const std::string& asOf) {
  std::string sql;
  SqlParams params;
  if (filter.orgUnitId && filter.subtree) {
    sql = kSubtreeUnits;
    params = {*filter.orgUnitId, asOf, asOf};
  }
  sql += std::string(kPositionSelect) + "WHERE x.id > ? AND " + kOpenOn;
  params.insert(params.end(), {asOf, asOf, filter.afterId, asOf, asOf});
  if (filter.orgUnitId) {
    sql += filter.subtree ? " AND x.org_unit_id IN (SELECT id FROM sub)" : " AND x.org_unit_id = ?";
    if (!filter.subtree) params.push_back(*filter.orgUnitId);
  }
  if (filter.state == std::optional<std::string>("frozen")) sql += " AND x.frozen <> 0";
  if (filter.state == std::optional<std::string>("filled")) {
    sql += " AND x.frozen = 0 AND x.holder IS NOT NULL";
  }
  if (filter.state == std::optional<std::string>("vacant")) {
    sql += " AND x.frozen = 0 AND x.holder IS NULL";
  }
  sql += " ORDER BY x.id LIMIT ?";
  params.push_back(filter.limit);
  std::vector<Position> result;
  for (const auto& row : tx_.query(sql, params)) result.push_back(positionOf(row));
  return result;
}

std::int64_t PositionStore::insert(const Position& p) {
  return tx_.insert(
      "INSERT INTO territory_positions (org_unit_id, title, fte, budgeted_cost, frozen, "
      "opened_on, closed_on, version) VALUES (?, ?, ?, ?, ?, ?, NULL, 1)",
      {p.orgUnitId, p.title, p.fte, p.budgetedCost, std::int64_t{p.frozen ? 1 : 0}, p.openedOn});
}

void PositionStore::update(const Position& p) {
  tx_.execute(
      "UPDATE territory_positions SET title = ?, fte = ?, budgeted_cost = ?, frozen = ?, "
      "version = version + 1 WHERE id = ?",
      {p.title, p.fte, p.budgetedCost, std::int64_t{p.frozen ? 1 : 0}, p.id});
}

void PositionStore::close(std::int64_t id, const std::string& closedOn) {
  tx_.execute("UPDATE territory_positions SET closed_on = ?, version = version + 1 WHERE id = ?",
              {closedOn, id});
}

HeadcountActuals PositionStore::actuals(std::int64_t orgUnitId, const std::string& asOf) {
  HeadcountActuals actuals;
  for (const auto& p : list({orgUnitId, true, std::nullopt, 0, 1000000}, asOf)) {
    ++actuals.positions;
    if (p.state == "filled") ++actuals.filled;
    if (p.state == "vacant") ++actuals.vacant;
    if (p.state == "frozen") ++actuals.frozen;
    if (!p.frozen) actuals.budget += p.budgetedCost;
  }
  auto people =
      tx_.queryOne(std::string(kSubtreeUnits) +
                       "SELECT COUNT(*) FROM territory_assignments a JOIN sub ON "
                       "a.org_unit_id = sub.id WHERE a.valid_from <= ? AND a.valid_to > ?",
                   {orgUnitId, asOf, asOf, asOf, asOf});
  actuals.headcount = people ? people->getInt(0) : 0;
  return actuals;
}

std::optional<HeadcountPlan> PositionStore::findPlan(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kPlanColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return planOf(*row);
}

std::vector<HeadcountPlan> PositionStore::plans(const std::optional<std::int64_t>& orgUnitId) {
  std::vector<HeadcountPlan> result;
  auto rows =
      orgUnitId
          ? tx_.query(std::string(kPlanColumns) + "WHERE org_unit_id = ? ORDER BY period_start, id",
                      {*orgUnitId})
          : tx_.query(std::string(kPlanColumns) + "ORDER BY org_unit_id, period_start, id");
  for (const auto& row : rows) result.push_back(planOf(row));
  return result;
}

bool PositionStore::planOverlaps(std::int64_t orgUnitId, const std::string& start,
                                 const std::string& end, std::int64_t exceptId) {
  return tx_
      .queryOne(
          "SELECT 1 FROM territory_headcount_plans WHERE org_unit_id = ? AND id <> ? AND "
          "period_start <= ? AND period_end >= ?",
          {orgUnitId, exceptId, end, start})
      .has_value();
}

std::int64_t PositionStore::insertPlan(const HeadcountPlan& plan) {
  return tx_.insert(
      "INSERT INTO territory_headcount_plans (org_unit_id, period_start, period_end, "
      "planned_positions, planned_budget, note, version) VALUES (?, ?, ?, ?, ?, ?, 1)",
      {plan.orgUnitId, plan.periodStart, plan.periodEnd, plan.plannedPositions, plan.plannedBudget,
       plan.note});
}

void PositionStore::updatePlan(const HeadcountPlan& plan) {
  tx_.execute(
      "UPDATE territory_headcount_plans SET period_start = ?, period_end = ?, "
      "planned_positions = ?, planned_budget = ?, note = ?, version = version + 1 WHERE id = ?",
      {plan.periodStart, plan.periodEnd, plan.plannedPositions, plan.plannedBudget, plan.note,
       plan.id});
}

}  // namespace cadre::territory
