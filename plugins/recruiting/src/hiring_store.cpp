#include "hiring_store.hpp"

#include <stdexcept>

#include "cadre/dates.hpp"
#include "cadre/sql_values.hpp"

namespace cadre::recruiting {

std::optional<RequisitionSeat> HiringStore::requisition(std::int64_t id) {
  auto row = tx_.queryOne(
      "SELECT id, title, org_unit_id, position_id, new_position_title, territory_id, "
      "hiring_manager_id, employment_type, openings, filled, state, opened_at, filled_at, "
      "time_to_fill_days, version FROM recruiting_requisitions WHERE id = ?",
      {id});
  if (!row) return std::nullopt;
  RequisitionSeat seat;
  seat.id = row->getInt(0);
  seat.title = row->getString(1);
  seat.orgUnitId = row->getInt(2);
  seat.positionId = row->getOptionalInt(3);
  seat.newPositionTitle = row->getOptionalString(4);
  seat.territoryId = row->getOptionalInt(5);
  seat.hiringManagerId = row->getInt(6);
  seat.employmentType = row->getString(7);
  seat.openings = row->getInt(8);
  seat.filled = row->getInt(9);
  seat.state = row->getString(10);
  seat.openedAt = row->getOptionalString(11);
  seat.filledAt = row->getOptionalString(12);
  seat.timeToFillDays = row->getOptionalInt(13);
  seat.version = row->getInt(14);
  return seat;
}

bool HiringStore::countHire(const RequisitionSeat& seat) {
  return tx_.execute(
             "UPDATE recruiting_requisitions SET filled = ?, state = ?, filled_at = ?, "
             "time_to_fill_days = ?, version = version + 1 WHERE id = ? AND version = ?",
             {seat.filled, seat.state, nullable(seat.filledAt), nullable(seat.timeToFillDays),
              seat.id, seat.version}) == 1;
}

void HiringStore::markHired(std::int64_t applicationId, std::int64_t offerId,
                            std::int64_t employeeId) {
  tx_.execute("UPDATE recruiting_applications SET hired_employee_id = ? WHERE id = ?",
              {employeeId, applicationId});
  tx_.execute(
      "UPDATE recruiting_offers SET hired_employee_id = ?, version = version + 1 WHERE id = ?",
      {employeeId, offerId});
}

std::string HiringStore::enterHiredStage(std::int64_t applicationId, const std::string& actor) {
  auto stage = tx_.queryOne(
      "SELECT s.id, s.code, a.stage_id, a.requisition_id FROM recruiting_applications a "
      "JOIN recruiting_requisition_stages s ON s.requisition_id = a.requisition_id "
      "WHERE a.id = ? AND s.kind = 'hired' ORDER BY s.stage_order LIMIT 1",
      {applicationId});
  if (!stage) {
    throw std::runtime_error("the requisition of application " + std::to_string(applicationId) +
                             " has no hired stage");
  }
  const auto now = nowTimestamp();
  tx_.execute(
      "INSERT INTO recruiting_stage_moves (application_id, requisition_id, from_stage_id, "
      "to_stage_id, moved_at, moved_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {applicationId, stage->getInt(3), stage->getInt(2), stage->getInt(0), now, actor,
       std::string("hired")});
  tx_.execute(
      "UPDATE recruiting_applications SET stage_id = ?, stage_entered_at = ?, "
      "version = version + 1 WHERE id = ?",
      {stage->getInt(0), now, applicationId});
  return stage->getString(1);
}

}  // namespace cadre::recruiting
