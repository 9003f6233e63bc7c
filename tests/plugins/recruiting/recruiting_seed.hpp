#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/database.hpp"
#include "cadre/sql_values.hpp"

namespace cadre::recruiting::test {

/// An open requisition as the tests of interviews, offers and hires need one.
struct RequisitionSeed {
  std::string title = "Account Executive";
  std::int64_t orgUnitId = 0;
  std::optional<std::int64_t> positionId;
  std::optional<std::string> newPositionTitle;
  std::optional<std::int64_t> territoryId;
  std::int64_t hiringManagerId = 0;
  std::int64_t openings = 1;
  double salaryMin = 50000;
  double salaryMax = 70000;
  std::string currency = "EUR";
  std::string openedAt = "2026-01-05T09:00:00Z";
  /// Name and weight of each hiring standard.
  std::vector<std::pair<std::string, double>> criteria = {{"Discovery", 2}, {"Closing", 1}};
};

/// Writes requisitions, candidates and applications straight into the tables, for tests of
/// what comes after them (their own APIs are tested with their code).
class RecruitingSeed {
 public:
  explicit RecruitingSeed(Transaction& tx) : tx_(tx) {}

  /// An open requisition with the default stages and the seed's criteria; returns its id.
  std::int64_t requisition(const RequisitionSeed& seed) {
    auto templateId =
        tx_.queryOne("SELECT id FROM recruiting_stage_templates WHERE is_default = 1")->getInt(0);
    auto id = tx_.insert(
        "INSERT INTO recruiting_requisitions (title, org_unit_id, position_id, "
        "new_position_title, territory_id, hiring_manager_id, openings, filled, employment_type, "
        "salary_min, salary_max, currency, wanted_start_date, description, state, "
        "stage_template_id, approval_round, created_at, created_by, submitted_at, opened_at, "
        "version) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 'full_time', ?, ?, ?, '2026-03-01', '', "
        "'open', ?, 1, ?, 'seed', ?, ?, 1)",
        {seed.title, seed.orgUnitId, nullable(seed.positionId), nullable(seed.newPositionTitle),
         nullable(seed.territoryId), seed.hiringManagerId, seed.openings, seed.salaryMin,
         seed.salaryMax, seed.currency, templateId, seed.openedAt, seed.openedAt, seed.openedAt});
    tx_.execute(
        "INSERT INTO recruiting_requisition_stages (requisition_id, code, name, stage_order, "
        "kind) SELECT ?, code, name, stage_order, kind FROM recruiting_stage_template_stages "
        "WHERE template_id = ?",
        {id, templateId});
    std::int64_t order = 0;
    for (const auto& [name, weight] : seed.criteria) {
      tx_.execute(
          "INSERT INTO recruiting_criteria (requisition_id, name, description, weight, "
          "criterion_order) VALUES (?, ?, '', ?, ?)",
          {id, name, weight, ++order});
    }
    return id;
  }

  /// The ids of a requisition's criteria in their order.
  std::vector<std::int64_t> criteria(std::int64_t requisitionId) {
    std::vector<std::int64_t> ids;
    for (const auto& row : tx_.query("SELECT id FROM recruiting_criteria WHERE requisition_id = ? "
                                     "ORDER BY criterion_order",
                                     {requisitionId})) {
      ids.push_back(row.getInt(0));
    }
    return ids;
  }

  std::int64_t candidate(const std::string& given, const std::string& family,
                         const std::string& email) {
    return tx_.insert(
        "INSERT INTO recruiting_candidates (given_name, family_name, email, email_key, phone, "
        "phone_key, source, created_at, created_by, version) "
        "VALUES (?, ?, ?, ?, '+49 30 1234', '49301234', 'direct', '2026-01-06T09:00:00Z', "
        "'seed', 1)",
        {given, family, textOrNull(email), textOrNull(email)});
  }

  /// An application of the candidate to the requisition, in the stage with this code.
  std::int64_t application(std::int64_t candidateId, std::int64_t requisitionId,
                           const std::string& stage = "interview") {
    auto row = tx_.queryOne(
        "SELECT id, stage_order FROM recruiting_requisition_stages "
        "WHERE requisition_id = ? AND code = ?",
        {requisitionId, stage});
    return tx_.insert(
        "INSERT INTO recruiting_applications (candidate_id, requisition_id, stage_id, "
        "stage_entered_at, furthest_order, applied_at, created_by, version) "
        "VALUES (?, ?, ?, '2026-01-07T09:00:00Z', ?, '2026-01-07T09:00:00Z', 'seed', 1)",
        {candidateId, requisitionId, row->getInt(0), row->getInt(1)});
  }

 private:
  Transaction& tx_;
};

}  // namespace cadre::recruiting::test
