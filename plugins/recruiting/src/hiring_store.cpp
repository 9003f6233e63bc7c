#include "hiring_store.hpp"

#include <stdexcept>

#include "cadre/dates.hpp"
#include "cadre/sql_values.hpp"

namespace cadre::recruiting {

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
