#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/database.hpp"
#include "cadre/sql_values.hpp"

namespace cadre::recruiting::test {

/// Writes recruiting rows straight into the plugin's tables (for reports that read them):
/// requisitions with the default template's stages, candidates, applications with their stage
/// moves, interviews, scorecards and offers. No rules are checked.
class RecruitingRows {
 public:
  explicit RecruitingRows(Transaction& tx) : tx_(tx) {}

  /// An open requisition (filled when `filledAt` is given) with the default stages.
  std::int64_t requisition(const std::string& title, std::int64_t hiringManagerId,
                           const std::string& openedAt,
                           const std::optional<std::string>& filledAt = std::nullopt,
                           std::optional<std::int64_t> timeToFillDays = std::nullopt,
                           std::int64_t openings = 1) {
    const SqlParams params{title,
                           hiringManagerId,
                           openings,
                           filledAt ? openings : 0,
                           std::string(filledAt ? "filled" : "open"),
                           openedAt,
                           openedAt,
                           nullable(filledAt),
                           nullable(timeToFillDays)};
    auto id = tx_.insert(
        "INSERT INTO recruiting_requisitions (title, org_unit_id, hiring_manager_id, openings, "
        "filled, employment_type, salary_min, salary_max, currency, wanted_start_date, "
        "description, state, stage_template_id, approval_round, created_at, created_by, "
        "opened_at, filled_at, time_to_fill_days, version) VALUES (?, 1, ?, ?, ?, 'full_time', "
        "40000, 50000, 'EUR', '2025-06-01', '', ?, (SELECT id FROM recruiting_stage_templates "
        "WHERE is_default = 1), 1, ?, 'tester', ?, ?, ?, 1)",
        params);
    tx_.execute(
        "INSERT INTO recruiting_requisition_stages (requisition_id, code, name, stage_order, "
        "kind) SELECT ?, code, name, stage_order, kind FROM recruiting_stage_template_stages "
        "WHERE template_id = (SELECT id FROM recruiting_stage_templates WHERE is_default = 1)",
        {id});
    return id;
  }

  /// A candidate from `source` (a referral names `referrerId`) with an optional cost.
  std::int64_t candidate(const std::string& name, const std::string& source,
                         std::optional<double> cost = std::nullopt,
                         const std::optional<std::string>& currency = std::nullopt,
                         std::optional<std::int64_t> referrerId = std::nullopt) {
    const SqlParams params{name, source, nullable(referrerId), nullable(cost), nullable(currency)};
    return tx_.insert(
        "INSERT INTO recruiting_candidates (given_name, family_name, source, "
        "referrer_employee_id, source_cost, source_currency, created_at, created_by, version) "
        "VALUES (?, 'Candidate', ?, ?, ?, ?, '2025-01-01T00:00:00Z', 'tester', 1)",
        params);
  }

  /// An application that moved through `path` (stage code and time of each move, the first
  /// being the application itself) and stands in its last stage.
  std::int64_t application(std::int64_t candidateId, std::int64_t requisitionId,
                           const std::vector<std::pair<std::string, std::string>>& path) {
    const auto& [lastCode, lastAt] = path.back();
    const SqlParams params{candidateId, requisitionId, stageId(requisitionId, lastCode), lastAt,
                           path.front().second};
    auto id = tx_.insert(
        "INSERT INTO recruiting_applications (candidate_id, requisition_id, stage_id, "
        "stage_entered_at, furthest_order, applied_at, created_by, version) "
        "VALUES (?, ?, ?, ?, 1, ?, 'tester', 1)",
        params);
    std::optional<std::int64_t> from;
    for (const auto& [code, at] : path) {
      auto to = stageId(requisitionId, code);
      const SqlParams move{id, requisitionId, nullable(from), to, at};
      tx_.insert(
          "INSERT INTO recruiting_stage_moves (application_id, requisition_id, from_stage_id, "
          "to_stage_id, moved_at, moved_by) VALUES (?, ?, ?, ?, ?, 'tester')",
          move);
      from = to;
    }
    return id;
  }

  /// An interview of an hour from `startsAt` (YYYY-MM-DDTHH:MM) with its interviewers.
  std::int64_t interview(std::int64_t applicationId, const std::string& startsAt,
                         const std::string& state, const std::vector<std::int64_t>& interviewers) {
    auto hour = std::stoi(startsAt.substr(11, 2)) + 1;
    auto ends = startsAt.substr(0, 11) + (hour < 10 ? "0" : "") + std::to_string(hour) +
                startsAt.substr(13) + ":00Z";
    const SqlParams params{applicationId, startsAt + ":00Z", ends, state,
                           "rows-" + std::to_string(applicationId) + "-" + startsAt};
    auto id = tx_.insert(
        "INSERT INTO recruiting_interviews (application_id, starts_at, ends_at, state, ics_uid, "
        "created_at, created_by, version) VALUES (?, ?, ?, ?, ?, '2025-01-01T00:00:00Z', "
        "'tester', 1)",
        params);
    for (auto employee : interviewers) {
      tx_.execute("INSERT INTO recruiting_interviewers (interview_id, employee_id) VALUES (?, ?)",
                  {id, employee});
    }
    return id;
  }

  /// An interviewer's scorecard, submitted at `submittedAt` or still a draft.
  void scorecard(std::int64_t interviewId, std::int64_t interviewerId,
                 const std::optional<std::string>& submittedAt) {
    const SqlParams params{interviewId, interviewerId, nullable(submittedAt)};
    tx_.insert(
        "INSERT INTO recruiting_scorecards (interview_id, interviewer_employee_id, "
        "recommendation, submitted_at, version) VALUES (?, ?, 'yes', ?, 1)",
        params);
  }

  /// An offer in `state`, extended at `extendedAt` (none for a draft).
  std::int64_t offer(std::int64_t applicationId, const std::string& state,
                     const std::optional<std::string>& extendedAt) {
    const SqlParams params{applicationId, state, nullable(extendedAt)};
    return tx_.insert(
        "INSERT INTO recruiting_offers (application_id, salary, currency, start_date, terms, "
        "expires_on, state, outside_band, extended_at, created_at, created_by, version) "
        "VALUES (?, 45000, 'EUR', '2025-06-01', '', '2025-12-31', ?, 0, ?, "
        "'2025-01-01T00:00:00Z', 'tester', 1)",
        params);
  }

 private:
  std::int64_t stageId(std::int64_t requisitionId, const std::string& code) {
    return tx_
        .queryOne(
            "SELECT id FROM recruiting_requisition_stages WHERE requisition_id = ? AND "
            "code = ?",
            {requisitionId, code})
        ->getInt(0);
  }

  Transaction& tx_;
};

}  // namespace cadre::recruiting::test
