#include "application_store.hpp"

#include "cadre/http.hpp"
#include "cadre/sql_values.hpp"

namespace cadre::recruiting {

namespace {

constexpr const char* kApplicationColumns =
    "SELECT a.id, a.candidate_id, a.requisition_id, s.id, s.code, s.name, s.stage_order, s.kind, "
    "a.stage_entered_at, a.furthest_order, a.closed_reason, a.applied_at, a.created_by, "
    "a.hired_employee_id, a.version, c.given_name, c.family_name FROM recruiting_applications a "
    "JOIN recruiting_requisition_stages s ON s.id = a.stage_id JOIN recruiting_candidates c ON "
    "c.id = a.candidate_id ";

// The applications an employee sees: those of requisitions they are the hiring manager of, and
// those they interview in. Binds the employee id twice.
constexpr const char* kVisible =
    "(a.requisition_id IN (SELECT id FROM recruiting_requisitions WHERE hiring_manager_id = ?) "
    "OR a.id IN (SELECT i.application_id FROM recruiting_interviews i JOIN "
    "recruiting_interviewers v ON v.interview_id = i.id WHERE v.employee_id = ?))";

Stage stageAt(const SqlRow& row, std::size_t first, std::int64_t requisitionId) {
  return {row.getInt(first),        requisitionId,         row.getString(first + 1),
          row.getString(first + 2), row.getInt(first + 3), row.getString(first + 4)};
}

Application applicationOf(const SqlRow& row) {
  Application a;
  a.id = row.getInt(0);
  a.candidateId = row.getInt(1);
  a.requisitionId = row.getInt(2);
  a.stage = stageAt(row, 3, a.requisitionId);
  a.stageEnteredAt = row.getString(8);
  a.furthestOrder = row.getInt(9);
  a.closedReason = row.getOptionalString(10);
  a.appliedAt = row.getString(11);
  a.createdBy = row.getString(12);
  a.hiredEmployeeId = row.getOptionalInt(13);
  a.version = row.getInt(14);
  a.givenName = row.getString(15);
  a.familyName = row.getString(16);
  return a;
}

}  // namespace

std::optional<RequisitionSummary> ApplicationStore::requisition(std::int64_t id) {
  auto row = tx_.queryOne(
      "SELECT id, title, state, hiring_manager_id, stage_template_id, version FROM "
      "recruiting_requisitions WHERE id = ?",
      {id});
  if (!row) return std::nullopt;
  return RequisitionSummary{row->getInt(0), row->getString(1), row->getString(2),
                            row->getInt(3), row->getInt(4),    row->getInt(5)};
}

std::vector<Stage> ApplicationStore::stages(std::int64_t requisitionId) {
  std::vector<Stage> result;
  for (const auto& row : tx_.query(
           "SELECT id, code, name, stage_order, kind FROM recruiting_requisition_stages WHERE "
           "requisition_id = ? ORDER BY stage_order, id",
           {requisitionId})) {
    result.push_back(stageAt(row, 0, requisitionId));
  }
  return result;
}

std::optional<Application> ApplicationStore::find(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kApplicationColumns) + "WHERE a.id = ?", {id});
  if (!row) return std::nullopt;
  return applicationOf(*row);
}

std::optional<std::int64_t> ApplicationStore::findId(std::int64_t candidateId,
                                                     std::int64_t requisitionId) {
  auto row = tx_.queryOne(
      "SELECT id FROM recruiting_applications WHERE candidate_id = ? AND requisition_id = ?",
      {candidateId, requisitionId});
  if (!row) return std::nullopt;
  return row->getInt(0);
}

std::vector<Application> ApplicationStore::list(const ApplicationFilter& filter) {
  std::string sql = std::string(kApplicationColumns) + "WHERE a.id > ?";
  SqlParams params{filter.afterId};
  if (filter.requisitionId) {
    sql += " AND a.requisition_id = ?";
    params.push_back(*filter.requisitionId);
  }
  if (filter.candidateId) {
    sql += " AND a.candidate_id = ?";
    params.push_back(*filter.candidateId);
  }
  if (filter.stageId) {
    sql += " AND a.stage_id = ?";
    params.push_back(*filter.stageId);
  }
  if (filter.open) sql += *filter.open ? " AND s.kind = 'active'" : " AND s.kind <> 'active'";
  if (filter.visibleTo) {
    sql += std::string(" AND ") + kVisible;
    params.insert(params.end(), {*filter.visibleTo, *filter.visibleTo});
  }
  sql += " ORDER BY a.id LIMIT ?";
  params.push_back(filter.limit);
  std::vector<Application> result;
  for (const auto& row : tx_.query(sql, params)) result.push_back(applicationOf(row));
  return result;
}

bool ApplicationStore::visibleTo(std::int64_t applicationId, std::int64_t employeeId) {
  return tx_
      .queryOne(
          std::string("SELECT 1 FROM recruiting_applications a WHERE a.id = ? AND ") + kVisible,
          {applicationId, employeeId, employeeId})
      .has_value();
}

std::map<std::int64_t, std::int64_t> ApplicationStore::countsByStage(std::int64_t requisitionId) {
  std::map<std::int64_t, std::int64_t> counts;
  for (const auto& row :
       tx_.query("SELECT stage_id, COUNT(*) FROM recruiting_applications WHERE requisition_id = ? "
                 "GROUP BY stage_id",
                 {requisitionId})) {
    counts[row.getInt(0)] = row.getInt(1);
  }
  return counts;
}

std::int64_t ApplicationStore::insert(const Application& a) {
  return tx_.insert(
      "INSERT INTO recruiting_applications (candidate_id, requisition_id, stage_id, "
      "stage_entered_at, furthest_order, applied_at, created_by, version) VALUES (?, ?, ?, ?, ?, "
      "?, ?, 1)",
      {a.candidateId, a.requisitionId, a.stage.id, a.stageEnteredAt, a.furthestOrder, a.appliedAt,
       a.createdBy});
}

void ApplicationStore::updateStage(const Application& a) {
  auto changed = tx_.execute(
      "UPDATE recruiting_applications SET stage_id = ?, stage_entered_at = ?, furthest_order = ?, "
      "closed_reason = ?, hired_employee_id = ?, version = version + 1 WHERE id = ? AND "
      "version = ?",
      {a.stage.id, a.stageEnteredAt, a.furthestOrder, nullable(a.closedReason),
       nullable(a.hiredEmployeeId), a.id, a.version});
  if (changed != 1) {
    throw HttpError::conflict("application " + std::to_string(a.id) +
                              " was changed meanwhile; read it again");
  }
}

std::int64_t ApplicationStore::insertMove(const StageMove& m) {
  auto requisitionId = m.to.requisitionId;
  return tx_.insert(
      "INSERT INTO recruiting_stage_moves (application_id, requisition_id, from_stage_id, "
      "to_stage_id, moved_at, moved_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {m.applicationId, requisitionId, m.from ? SqlValue(m.from->id) : SqlValue(nullptr), m.to.id,
       m.movedAt, m.movedBy, nullable(m.reason)});
}

std::vector<StageMove> ApplicationStore::moves(std::int64_t applicationId) {
  std::vector<StageMove> result;
  for (const auto& row : tx_.query(
           "SELECT m.id, m.application_id, m.requisition_id, f.id, f.code, f.name, "
           "f.stage_order, f.kind, t.id, t.code, t.name, t.stage_order, t.kind, m.moved_at, "
           "m.moved_by, m.reason FROM recruiting_stage_moves m LEFT JOIN "
           "recruiting_requisition_stages f ON f.id = m.from_stage_id JOIN "
           "recruiting_requisition_stages t ON t.id = m.to_stage_id WHERE m.application_id = ? "
           "ORDER BY m.id",
           {applicationId})) {
    StageMove m;
    m.id = row.getInt(0);
    m.applicationId = row.getInt(1);
    auto requisitionId = row.getInt(2);
    if (!row.isNull(3)) m.from = stageAt(row, 3, requisitionId);
    m.to = stageAt(row, 8, requisitionId);
    m.movedAt = row.getString(13);
    m.movedBy = row.getString(14);
    m.reason = row.getOptionalString(15);
    result.push_back(std::move(m));
  }
  return result;
}

}  // namespace cadre::recruiting
