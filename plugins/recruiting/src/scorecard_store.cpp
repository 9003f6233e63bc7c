#include "scorecard_store.hpp"

#include "cadre/sql_values.hpp"

namespace cadre::recruiting {

namespace {

const char* const kScorecardColumns =
    "SELECT s.id, s.interview_id, i.application_id, s.interviewer_employee_id, "
    "s.recommendation, s.notes, s.submitted_at, s.version FROM recruiting_scorecards s "
    "JOIN recruiting_interviews i ON i.id = s.interview_id ";

// An interview of the scorecard's application on which the viewer sits without having
// submitted their own scorecard: while one exists, others' scores stay hidden from them.
const char* const kViewerOwes =
    "EXISTS (SELECT 1 FROM recruiting_interviews oi "
    "JOIN recruiting_interviewers ov ON ov.interview_id = oi.id "
    "WHERE oi.application_id = i.application_id AND oi.state <> 'cancelled' "
    "AND ov.employee_id = ? AND NOT EXISTS (SELECT 1 FROM recruiting_scorecards os "
    "WHERE os.interview_id = oi.id AND os.interviewer_employee_id = ? "
    "AND os.submitted_at IS NOT NULL))";

Scorecard scorecardFrom(const SqlRow& row) {
  Scorecard s;
  s.id = row.getInt(0);
  s.interviewId = row.getInt(1);
  s.applicationId = row.getInt(2);
  s.interviewerEmployeeId = row.getInt(3);
  s.recommendation = row.getOptionalString(4);
  s.notes = row.getOptionalString(5);
  s.submittedAt = row.getOptionalString(6);
  s.version = row.getInt(7);
  return s;
}

}  // namespace

std::optional<Scorecard> ScorecardStore::find(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kScorecardColumns) + "WHERE s.id = ?", {id});
  if (!row) return std::nullopt;
  return withRatings({scorecardFrom(*row)}).front();
}

std::optional<Scorecard> ScorecardStore::findFor(std::int64_t interviewId,
                                                 std::int64_t employeeId) {
  auto row = tx_.queryOne(
      std::string(kScorecardColumns) + "WHERE s.interview_id = ? AND s.interviewer_employee_id = ?",
      {interviewId, employeeId});
  if (!row) return std::nullopt;
  return withRatings({scorecardFrom(*row)}).front();
}

std::vector<Scorecard> ScorecardStore::list(const ScorecardFilter& filter) {
  const std::int64_t viewer = filter.viewerEmployeeId.value_or(-1);
  // HR sees every application; others those they run as hiring manager or interview for.
  const std::string runsOrSits =
      filter.viewerIsHr
          ? ""
          : "(r.hiring_manager_id = ? OR EXISTS (SELECT 1 FROM recruiting_interviews vi "
            "JOIN recruiting_interviewers vv ON vv.interview_id = vi.id "
            "WHERE vi.application_id = i.application_id AND vi.state <> 'cancelled' "
            "AND vv.employee_id = ?)) AND ";
  std::string sql = std::string(kScorecardColumns) +
                    "JOIN recruiting_applications a ON a.id = i.application_id "
                    "JOIN recruiting_requisitions r ON r.id = a.requisition_id "
                    "WHERE s.id > ? AND (s.interviewer_employee_id = ? OR "
                    "(s.submitted_at IS NOT NULL AND " +
                    runsOrSits + "NOT " + kViewerOwes + "))";
  SqlParams params = filter.viewerIsHr
                         ? SqlParams{filter.afterId, viewer, viewer, viewer}
                         : SqlParams{filter.afterId, viewer, viewer, viewer, viewer, viewer};
  if (filter.applicationId) {
    sql += " AND i.application_id = ?";
    params.push_back(*filter.applicationId);
  }
  if (filter.interviewId) {
    sql += " AND s.interview_id = ?";
    params.push_back(*filter.interviewId);
  }
  if (filter.interviewerId) {
    sql += " AND s.interviewer_employee_id = ?";
    params.push_back(*filter.interviewerId);
  }
  sql += " ORDER BY s.id LIMIT ?";
  params.push_back(filter.limit);
  std::vector<Scorecard> found;
  for (const auto& row : tx_.query(sql, params)) found.push_back(scorecardFrom(row));
  return withRatings(std::move(found));
}

std::vector<Scorecard> ScorecardStore::submittedFor(std::int64_t applicationId) {
  std::vector<Scorecard> found;
  for (const auto& row :
       tx_.query(std::string(kScorecardColumns) +
                     "WHERE i.application_id = ? AND s.submitted_at IS NOT NULL ORDER BY s.id",
                 {applicationId})) {
    found.push_back(scorecardFrom(row));
  }
  return withRatings(std::move(found));
}

std::int64_t ScorecardStore::insert(const Scorecard& s) {
  auto id = tx_.insert(
      "INSERT INTO recruiting_scorecards (interview_id, interviewer_employee_id, recommendation, "
      "notes, submitted_at, version) VALUES (?, ?, ?, ?, ?, 1)",
      {s.interviewId, s.interviewerEmployeeId, nullable(s.recommendation), nullable(s.notes),
       nullable(s.submittedAt)});
  Scorecard written = s;
  written.id = id;
  writeRatings(written);
  return id;
}

void ScorecardStore::update(const Scorecard& s) {
  tx_.execute(
      "UPDATE recruiting_scorecards SET recommendation = ?, notes = ?, submitted_at = ?, "
      "version = version + 1 WHERE id = ?",
      {nullable(s.recommendation), nullable(s.notes), nullable(s.submittedAt), s.id});
  tx_.execute("DELETE FROM recruiting_scorecard_ratings WHERE scorecard_id = ?", {s.id});
  writeRatings(s);
}

std::vector<WeightedCriterion> ScorecardStore::criteriaOf(std::int64_t requisitionId) {
  std::vector<WeightedCriterion> criteria;
  for (const auto& row : tx_.query("SELECT id, name, weight FROM recruiting_criteria "
                                   "WHERE requisition_id = ? ORDER BY criterion_order, id",
                                   {requisitionId})) {
    criteria.push_back({row.getInt(0), row.getString(1), row.getDouble(2)});
  }
  return criteria;
}

std::optional<std::int64_t> ScorecardStore::owedScorecard(std::int64_t employeeId,
                                                          std::int64_t applicationId) {
  auto row = tx_.queryOne(
      "SELECT i.id FROM recruiting_interviews i "
      "JOIN recruiting_interviewers v ON v.interview_id = i.id "
      "WHERE i.application_id = ? AND i.state <> 'cancelled' AND v.employee_id = ? "
      "AND NOT EXISTS (SELECT 1 FROM recruiting_scorecards s WHERE s.interview_id = i.id "
      "AND s.interviewer_employee_id = ? AND s.submitted_at IS NOT NULL) ORDER BY i.starts_at, "
      "i.id",
      {applicationId, employeeId, employeeId});
  if (!row) return std::nullopt;
  return row->getInt(0);
}

std::vector<Scorecard> ScorecardStore::withRatings(std::vector<Scorecard> scorecards) {
  for (auto& scorecard : scorecards) {
    for (const auto& row :
         tx_.query("SELECT g.criterion_id, g.rating, g.comment FROM recruiting_scorecard_ratings g "
                   "JOIN recruiting_criteria c ON c.id = g.criterion_id WHERE g.scorecard_id = ? "
                   "ORDER BY c.criterion_order, c.id",
                   {scorecard.id})) {
      scorecard.ratings.push_back({row.getInt(0), row.getInt(1), row.getOptionalString(2)});
    }
  }
  return scorecards;
}

void ScorecardStore::writeRatings(const Scorecard& s) {
  for (const auto& rating : s.ratings) {
    tx_.execute(
        "INSERT INTO recruiting_scorecard_ratings (scorecard_id, criterion_id, rating, comment) "
        "VALUES (?, ?, ?, ?)",
        {s.id, rating.criterionId, rating.rating, nullable(rating.comment)});
  }
}

}  // namespace cadre::recruiting
