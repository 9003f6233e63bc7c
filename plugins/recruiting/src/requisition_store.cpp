#include "requisition_store.hpp"

#include "cadre/http.hpp"
#include "cadre/sql_values.hpp"

namespace cadre::recruiting {

namespace {

constexpr const char* kRequisitionColumns =
    "SELECT id, title, org_unit_id, position_id, new_position_title, territory_id, "
    "hiring_manager_id, openings, filled, employment_type, salary_min, salary_max, currency, "
    "wanted_start_date, description, state, state_reason, stage_template_id, approval_round, "
    "created_at, created_by, submitted_at, opened_at, filled_at, cancelled_at, "
    "time_to_fill_days, version FROM recruiting_requisitions ";

Requisition requisitionOf(const SqlRow& row) {
  Requisition r;
  r.id = row.getInt(0);
  r.title = row.getString(1);
  r.orgUnitId = row.getInt(2);
  r.positionId = row.getOptionalInt(3);
  r.newPositionTitle = row.getOptionalString(4);
  r.territoryId = row.getOptionalInt(5);
  r.hiringManagerId = row.getInt(6);
  r.openings = row.getInt(7);
  r.filled = row.getInt(8);
  r.employmentType = row.getString(9);
  r.salaryMin = row.getDouble(10);
  r.salaryMax = row.getDouble(11);
  r.currency = row.getString(12);
  r.wantedStartDate = row.getString(13);
  r.description = row.getString(14);
  r.state = row.getString(15);
  r.stateReason = row.getOptionalString(16);
  r.stageTemplateId = row.getInt(17);
  r.approvalRound = row.getInt(18);
  r.createdAt = row.getString(19);
  r.createdBy = row.getString(20);
  r.submittedAt = row.getOptionalString(21);
  r.openedAt = row.getOptionalString(22);
  r.filledAt = row.getOptionalString(23);
  r.cancelledAt = row.getOptionalString(24);
  r.timeToFillDays = row.getOptionalInt(25);
  r.version = row.getInt(26);
  return r;
}

ApprovalStep stepOf(const SqlRow& row) {
  ApprovalStep s;
  s.id = row.getInt(0);
  s.requisitionId = row.getInt(1);
  s.round = row.getInt(2);
  s.order = row.getInt(3);
  s.approverRole = row.getString(4);
  s.approverEmployeeId = row.getOptionalInt(5);
  s.decision = row.getString(6);
  s.comment = row.getOptionalString(7);
  s.decidedAt = row.getOptionalString(8);
  s.decidedBy = row.getOptionalString(9);
  return s;
}

HeadcountOverride overrideOf(const SqlRow& row) {
  HeadcountOverride o;
  o.id = row.getInt(0);
  o.requisitionId = row.getInt(1);
  o.orgUnitId = row.getInt(2);
  o.planId = row.getOptionalInt(3);
  o.plannedPositions = row.getOptionalInt(4);
  o.headcount = row.getOptionalInt(5);
  o.committedOpenings = row.getInt(6);
  o.requestedOpenings = row.getInt(7);
  o.reason = row.getString(8);
  o.grantedBy = row.getString(9);
  o.grantedAt = row.getString(10);
  return o;
}

/// The values of every column a draft and its state set, in the order of kWritable.
SqlParams writable(const Requisition& r) {
  return {r.title,
          r.orgUnitId,
          nullable(r.positionId),
          nullable(r.newPositionTitle),
          nullable(r.territoryId),
          nullable(r.hiringManagerId),
          r.openings,
          r.filled,
          r.employmentType,
          r.salaryMin,
          r.salaryMax,
          r.currency,
          r.wantedStartDate,
          r.description,
          r.state,
          nullable(r.stateReason),
          r.approvalRound,
          nullable(r.submittedAt),
          nullable(r.openedAt),
          nullable(r.filledAt),
          nullable(r.cancelledAt),
          nullable(r.timeToFillDays)};
}

}  // namespace

std::optional<Requisition> RequisitionStore::find(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kRequisitionColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  auto requisition = requisitionOf(*row);
  for (const auto& c :
       tx_.query("SELECT id, name, description, weight FROM recruiting_criteria WHERE "
                 "requisition_id = ? ORDER BY criterion_order",
                 {id})) {
    requisition.criteria.push_back({c.getInt(0), c.getString(1), c.getString(2), c.getDouble(3)});
  }
  for (const auto& a :
       tx_.query("SELECT kind, employee_id FROM recruiting_requisition_approvers WHERE "
                 "requisition_id = ? ORDER BY step_order",
                 {id})) {
    requisition.approvers.push_back({a.getString(0), a.getOptionalInt(1)});
  }
  return requisition;
}

std::vector<Requisition> RequisitionStore::list(const RequisitionFilter& filter) {
  std::string sql = std::string(kRequisitionColumns) + "WHERE id > ?";
  SqlParams params{filter.afterId};
  if (filter.state) {
    sql += " AND state = ?";
    params.push_back(*filter.state);
  }
  if (filter.orgUnitId) {
    sql += " AND org_unit_id = ?";
    params.push_back(*filter.orgUnitId);
  }
  if (filter.hiringManagerId) {
    sql += " AND hiring_manager_id = ?";
    params.push_back(*filter.hiringManagerId);
  }
  if (filter.visibleTo) {
    sql +=
        " AND (hiring_manager_id = ? OR id IN (SELECT requisition_id FROM "
        "recruiting_approval_steps WHERE approver_employee_id = ?))";
    params.push_back(*filter.visibleTo);
    params.push_back(*filter.visibleTo);
  }
  sql += " ORDER BY id LIMIT ?";
  params.push_back(filter.limit);
  std::vector<Requisition> result;
  for (const auto& row : tx_.query(sql, params)) result.push_back(requisitionOf(row));
  return result;
}

std::int64_t RequisitionStore::insert(const Requisition& r) {
  auto templateId =
      tx_.queryOne("SELECT id FROM recruiting_stage_templates WHERE is_default = 1 ORDER BY id")
          ->getInt(0);
  auto params = writable(r);
  params.insert(params.end(), {templateId, r.createdAt, r.createdBy});
  auto id = tx_.insert(
      "INSERT INTO recruiting_requisitions (title, org_unit_id, position_id, "
      "new_position_title, territory_id, hiring_manager_id, openings, filled, employment_type, "
      "salary_min, salary_max, currency, wanted_start_date, description, state, state_reason, "
      "approval_round, submitted_at, opened_at, filled_at, cancelled_at, time_to_fill_days, "
      "stage_template_id, created_at, created_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
      params);
  tx_.execute(
      "INSERT INTO recruiting_requisition_stages (requisition_id, code, name, stage_order, kind) "
      "SELECT ?, code, name, stage_order, kind FROM recruiting_stage_template_stages WHERE "
      "template_id = ?",
      {id, templateId});
  writeCriteria(id, r.criteria);
  writeApprovers(id, r.approvers);
  return id;
}

void RequisitionStore::update(const Requisition& r) {
  auto params = writable(r);
  params.insert(params.end(), {r.id, r.version});
  auto changed = tx_.execute(
      "UPDATE recruiting_requisitions SET title = ?, org_unit_id = ?, position_id = ?, "
      "new_position_title = ?, territory_id = ?, hiring_manager_id = ?, openings = ?, "
      "filled = ?, employment_type = ?, salary_min = ?, salary_max = ?, currency = ?, "
      "wanted_start_date = ?, description = ?, state = ?, state_reason = ?, "
      "approval_round = ?, submitted_at = ?, opened_at = ?, filled_at = ?, cancelled_at = ?, "
      "time_to_fill_days = ?, version = version + 1 WHERE id = ? AND version = ?",
      params);
  // Another write got in between this one's read and its update.
  if (changed != 1) {
    throw HttpError::conflict("requisition " + std::to_string(r.id) +
                              " was changed meanwhile; read it again");
  }
  tx_.execute("DELETE FROM recruiting_criteria WHERE requisition_id = ?", {r.id});
  tx_.execute("DELETE FROM recruiting_requisition_approvers WHERE requisition_id = ?", {r.id});
  writeCriteria(r.id, r.criteria);
  writeApprovers(r.id, r.approvers);
}

void RequisitionStore::writeCriteria(std::int64_t id, const std::vector<Criterion>& criteria) {
  std::int64_t order = 0;
  for (const auto& c : criteria) {
    tx_.execute(
        "INSERT INTO recruiting_criteria (requisition_id, name, description, weight, "
        "criterion_order) VALUES (?, ?, ?, ?, ?)",
        {id, c.name, c.description, c.weight, ++order});
  }
}

void RequisitionStore::writeApprovers(std::int64_t id, const std::vector<ApproverSpec>& approvers) {
  std::int64_t order = 0;
  for (const auto& a : approvers) {
    tx_.execute(
        "INSERT INTO recruiting_requisition_approvers (requisition_id, step_order, kind, "
        "employee_id) VALUES (?, ?, ?, ?)",
        {id, ++order, a.kind, nullable(a.employeeId)});
  }
}

std::vector<ApprovalStep> RequisitionStore::steps(std::int64_t requisitionId) {
  std::vector<ApprovalStep> result;
  for (const auto& row :
       tx_.query("SELECT id, requisition_id, approval_round, step_order, approver_role, "
                 "approver_employee_id, decision, comment, decided_at, decided_by FROM "
                 "recruiting_approval_steps WHERE requisition_id = ? ORDER BY approval_round, "
                 "step_order",
                 {requisitionId})) {
    result.push_back(stepOf(row));
  }
  return result;
}

void RequisitionStore::insertStep(const ApprovalStep& s) {
  tx_.execute(
      "INSERT INTO recruiting_approval_steps (requisition_id, approval_round, step_order, "
      "approver_role, approver_employee_id, decision) VALUES (?, ?, ?, ?, ?, ?)",
      {s.requisitionId, s.round, s.order, s.approverRole, nullable(s.approverEmployeeId),
       s.decision});
}

void RequisitionStore::decide(const ApprovalStep& s) {
  tx_.execute(
      "UPDATE recruiting_approval_steps SET decision = ?, comment = ?, decided_at = ?, "
      "decided_by = ? WHERE id = ?",
      {s.decision, nullable(s.comment), nullable(s.decidedAt), nullable(s.decidedBy), s.id});
}

std::int64_t RequisitionStore::committedOpenings(std::int64_t orgUnitId, std::int64_t exceptId) {
  auto row = tx_.queryOne(
      "SELECT COALESCE(SUM(openings - filled), 0) FROM recruiting_requisitions WHERE "
      "org_unit_id = ? AND id <> ? AND state IN ('pending_approval', 'open', 'on_hold')",
      {orgUnitId, exceptId});
  return row ? row->getInt(0) : 0;
}

std::vector<HeadcountOverride> RequisitionStore::overrides(std::int64_t requisitionId) {
  std::vector<HeadcountOverride> result;
  for (const auto& row :
       tx_.query("SELECT id, requisition_id, org_unit_id, plan_id, planned_positions, headcount, "
                 "committed_openings, requested_openings, reason, granted_by, granted_at FROM "
                 "recruiting_headcount_overrides WHERE requisition_id = ? ORDER BY id",
                 {requisitionId})) {
    result.push_back(overrideOf(row));
  }
  return result;
}

std::int64_t RequisitionStore::insertOverride(const HeadcountOverride& o) {
  return tx_.insert(
      "INSERT INTO recruiting_headcount_overrides (requisition_id, org_unit_id, plan_id, "
      "planned_positions, headcount, committed_openings, requested_openings, reason, "
      "granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {o.requisitionId, o.orgUnitId, nullable(o.planId), nullable(o.plannedPositions),
       nullable(o.headcount), o.committedOpenings, o.requestedOpenings, o.reason, o.grantedBy,
       o.grantedAt});
}

}  // namespace cadre::recruiting
