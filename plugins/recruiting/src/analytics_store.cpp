#include "analytics_store.hpp"

#include <map>
#include <tuple>
#include <utility>

#include "cadre/dates.hpp"

namespace cadre::recruiting {

namespace {

/// The WHERE clause of a report: fixed fragments of SQL, every value bound.
class Conditions {
 public:
  void add(const std::string& sql) { sql_ += " AND " + sql; }
  void add(const std::string& sql, SqlValue value) {
    add(sql);
    params_.push_back(std::move(value));
  }

  /// The requisitions in scope, by the column holding a requisition id.
  void requisitions(const AnalyticsScope& scope, const std::string& column) {
    if (scope.requisitionId) add(column + " = ?", *scope.requisitionId);
    if (scope.hiringManagerId) {
      add(column + " IN (SELECT id FROM recruiting_requisitions WHERE hiring_manager_id = ?)",
          *scope.hiringManagerId);
    }
  }

  /// Dates or instants (text) in `column` within the scope's days.
  void dates(const AnalyticsScope& scope, const std::string& column) {
    if (scope.from) add(column + " >= ?", *scope.from);
    if (scope.to) add(column + " < ?", nextDay(*scope.to));
  }

  std::string where() const { return clause("WHERE"); }
  /// The conditions after `keyword` (WHERE, HAVING).
  std::string clause(const std::string& keyword) const { return " " + keyword + " 1 = 1" + sql_; }
  const SqlParams& params() const { return params_; }

 private:
  std::string sql_;
  SqlParams params_;
};

bool hasDates(const AnalyticsScope& scope) {
  return scope.from || scope.to;
}

using StageKey = std::pair<std::string, std::string>;

/// Stage moves of the scope's applications (aliased m; a when the dates need the application).
std::string movesOfScope(const AnalyticsScope& scope, Conditions& where) {
  where.requisitions(scope, "m.requisition_id");
  if (!hasDates(scope)) return "recruiting_stage_moves m";
  where.dates(scope, "a.applied_at");
  return "recruiting_stage_moves m JOIN recruiting_applications a ON a.id = m.application_id";
}

}  // namespace

std::optional<std::int64_t> AnalyticsStore::hiringManagerOf(std::int64_t requisitionId) {
  auto row = tx_.queryOne("SELECT hiring_manager_id FROM recruiting_requisitions WHERE id = ?",
                          {requisitionId});
  if (!row) return std::nullopt;
  return row->getInt(0);
}

bool AnalyticsStore::managesAnyRequisition(std::int64_t employeeId) {
  return tx_
      .queryOne("SELECT 1 FROM recruiting_requisitions WHERE hiring_manager_id = ? LIMIT 1",
                {employeeId})
      .has_value();
}

Funnel AnalyticsStore::funnel(const AnalyticsScope& scope) {
  Funnel funnel;
  funnel.requisitionId = scope.requisitionId;
  Conditions stages;
  stages.requisitions(scope, "s.requisition_id");
  auto stageRows = tx_.query(
      "SELECT s.code, s.kind, MIN(s.stage_order), MIN(s.name) FROM recruiting_requisition_stages "
      "s" +
          stages.where() +
          " GROUP BY s.code, s.kind ORDER BY CASE WHEN s.kind IN ('active', 'hired') THEN 0 "
          "ELSE 1 END, MIN(s.stage_order), s.code",
      stages.params());
  for (const auto& row : stageRows) {
    FunnelStage stage;
    stage.code = row.getString(0);
    stage.kind = row.getString(1);
    stage.order = row.getInt(2);
    stage.name = row.getString(3);
    funnel.stages.push_back(stage);
  }
  std::map<StageKey, FunnelStage*> byKey;
  for (auto& stage : funnel.stages) byKey[{stage.code, stage.kind}] = &stage;
  auto find = [&](const SqlRow& row) {
    auto found = byKey.find({row.getString(0), row.getString(1)});
    return found == byKey.end() ? nullptr : found->second;
  };

  for (const auto& row : reachedPerStage(scope)) {
    if (auto* stage = find(row)) stage->reached = row.getInt(2);
  }
  for (const auto& row : leftPerStage(scope)) {
    if (auto* stage = find(row)) {
      (row.getString(2) == "rejected" ? stage->rejectedHere : stage->withdrawnHere) = row.getInt(3);
    }
  }
  for (const auto& row : currentPerStage(scope)) {
    if (auto* stage = find(row)) stage->current = row.getInt(2);
    funnel.applications += row.getInt(2);
  }
  return funnel;
}

// The counts are taken per stage id first (in the order of the indexes on (requisition_id,
// to_stage_id, application_id) and (requisition_id, stage_id), so that SQLite counts distinct
// applications without sorting them), then added up per code and kind: an application belongs
// to one requisition, which has one stage of each code, so nothing is counted twice.

std::vector<SqlRow> AnalyticsStore::reachedPerStage(const AnalyticsScope& scope) {
  Conditions where;
  auto moves = movesOfScope(scope, where);
  return tx_.query(
      "SELECT s.code, s.kind, CAST(SUM(x.n) AS BIGINT) FROM (SELECT m.to_stage_id AS stage_id, "
      "COUNT(DISTINCT m.application_id) AS n FROM " +
          moves + where.where() +
          " GROUP BY m.requisition_id, m.to_stage_id) x JOIN recruiting_requisition_stages s ON "
          "s.id = x.stage_id GROUP BY s.code, s.kind",
      where.params());
}

std::vector<SqlRow> AnalyticsStore::leftPerStage(const AnalyticsScope& scope) {
  Conditions where;
  auto moves = movesOfScope(scope, where);
  where.add(
      "m.to_stage_id IN (SELECT id FROM recruiting_requisition_stages WHERE kind IN "
      "('rejected', 'withdrawn'))");
  return tx_.query(
      "SELECT f.code, f.kind, t.kind, CAST(SUM(x.n) AS BIGINT) FROM (SELECT m.from_stage_id, "
      "m.to_stage_id, COUNT(DISTINCT m.application_id) AS n FROM " +
          moves + where.where() +
          " GROUP BY m.from_stage_id, m.to_stage_id) x "
          "JOIN recruiting_requisition_stages t ON t.id = x.to_stage_id "
          "JOIN recruiting_requisition_stages f ON f.id = x.from_stage_id "
          "GROUP BY f.code, f.kind, t.kind",
      where.params());
}

std::vector<SqlRow> AnalyticsStore::currentPerStage(const AnalyticsScope& scope) {
  Conditions where;
  where.requisitions(scope, "a.requisition_id");
  where.dates(scope, "a.applied_at");
  return tx_.query(
      "SELECT s.code, s.kind, CAST(SUM(x.n) AS BIGINT) FROM (SELECT a.stage_id, COUNT(*) AS n "
      "FROM recruiting_applications a" +
          where.where() +
          " GROUP BY a.requisition_id, a.stage_id) x JOIN recruiting_requisition_stages s ON "
          "s.id = x.stage_id GROUP BY s.code, s.kind",
      where.params());
}

std::vector<HireTime> AnalyticsStore::hires(const AnalyticsScope& scope) {
  Conditions where;
  where.add("s.kind = 'hired'");
  where.requisitions(scope, "a.requisition_id");
  // The hiring date is the first move into a hired stage: filter on it after grouping.
  Conditions having;
  having.dates(scope, "MIN(m.moved_at)");
  SqlParams params = where.params();
  params.insert(params.end(), having.params().begin(), having.params().end());
  std::vector<HireTime> hires;
  for (const auto& row :
       tx_.query("SELECT a.id, a.requisition_id, r.title, a.candidate_id, a.applied_at, "
                 "MIN(m.moved_at) FROM recruiting_stage_moves m "
                 "JOIN recruiting_requisition_stages s ON s.id = m.to_stage_id "
                 "JOIN recruiting_applications a ON a.id = m.application_id "
                 "JOIN recruiting_requisitions r ON r.id = a.requisition_id" +
                     where.where() +
                     " GROUP BY a.id, a.requisition_id, r.title, a.candidate_id, a.applied_at" +
                     having.clause("HAVING") + " ORDER BY 6, 1",
                 params)) {
    HireTime hire;
    hire.applicationId = row.getInt(0);
    hire.requisitionId = row.getInt(1);
    hire.requisitionTitle = row.getString(2);
    hire.candidateId = row.getInt(3);
    hire.appliedAt = row.getString(4);
    hire.hiredAt = row.getString(5);
    hire.days = daysBetween(hire.appliedAt, hire.hiredAt);
    hires.push_back(hire);
  }
  return hires;
}

std::vector<FillTime> AnalyticsStore::fills(const AnalyticsScope& scope) {
  Conditions where;
  where.add("r.filled_at IS NOT NULL");
  where.requisitions(scope, "r.id");
  where.dates(scope, "r.filled_at");
  std::vector<FillTime> fills;
  for (const auto& row : tx_.query(
           "SELECT r.id, r.title, r.org_unit_id, r.openings, COALESCE(r.opened_at, r.created_at), "
           "r.filled_at, r.time_to_fill_days FROM recruiting_requisitions r" +
               where.where() + " ORDER BY r.filled_at, r.id",
           where.params())) {
    FillTime fill;
    fill.requisitionId = row.getInt(0);
    fill.title = row.getString(1);
    fill.orgUnitId = row.getInt(2);
    fill.openings = row.getInt(3);
    fill.openedAt = row.getString(4);
    fill.filledAt = row.getString(5);
    auto days = row.getOptionalInt(6);
    fill.days = days ? static_cast<long>(*days) : daysBetween(fill.openedAt, fill.filledAt);
    fills.push_back(fill);
  }
  return fills;
}

std::vector<SourceFigures> AnalyticsStore::sources(const AnalyticsScope& scope) {
  Conditions where;
  where.requisitions(scope, "a.requisition_id");
  where.dates(scope, "a.applied_at");
  std::map<std::string, SourceFigures> bySource;
  for (const auto& row : tx_.query(
           "SELECT c.source, COUNT(*), COUNT(h.application_id) FROM recruiting_applications a "
           "JOIN recruiting_candidates c ON c.id = a.candidate_id "
           "LEFT JOIN (SELECT DISTINCT m.application_id FROM recruiting_stage_moves m "
           "JOIN recruiting_requisition_stages s ON s.id = m.to_stage_id "
           "WHERE s.kind = 'hired') h ON h.application_id = a.id" +
               where.where() + " GROUP BY c.source",
           where.params())) {
    auto& figures = bySource[row.getString(0)];
    figures.source = row.getString(0);
    figures.applications = row.getInt(1);
    figures.hires = row.getInt(2);
  }
  // Each candidate's cost once, however many of their applications are in scope.
  for (const auto& row : tx_.query(
           "SELECT c.source, COALESCE(c.source_currency, ''), SUM(c.source_cost) "
           "FROM recruiting_candidates c WHERE c.source_cost IS NOT NULL AND c.id IN "
           "(SELECT a.candidate_id FROM recruiting_applications a" +
               where.where() + ") GROUP BY c.source, COALESCE(c.source_currency, '') ORDER BY 1, 2",
           where.params())) {
    bySource[row.getString(0)].costs.push_back({row.getString(1), row.getDouble(2), std::nullopt});
  }
  std::vector<SourceFigures> figures;
  for (auto& [source, f] : bySource) figures.push_back(std::move(f));
  return figures;
}

std::vector<InterviewerLoad> AnalyticsStore::interviewers(const AnalyticsScope& scope,
                                                          const std::string& now) {
  Conditions where;
  where.add("i.state <> 'cancelled'");
  where.requisitions(scope, "a.requisition_id");
  where.dates(scope, "i.starts_at");
  SqlParams params{now, now, now};
  params.insert(params.end(), where.params().begin(), where.params().end());
  std::vector<InterviewerLoad> load;
  for (const auto& row :
       tx_.query("SELECT iv.employee_id, COUNT(*), "
                 "SUM(CASE WHEN i.starts_at > ? THEN 1 ELSE 0 END), "
                 "SUM(CASE WHEN sc.submitted_at IS NOT NULL THEN 1 ELSE 0 END), "
                 "SUM(CASE WHEN sc.submitted_at IS NULL AND i.ends_at <= ? THEN 1 ELSE 0 END), "
                 "MIN(CASE WHEN sc.submitted_at IS NULL AND i.ends_at <= ? THEN i.ends_at END) "
                 "FROM recruiting_interviewers iv "
                 "JOIN recruiting_interviews i ON i.id = iv.interview_id "
                 "JOIN recruiting_applications a ON a.id = i.application_id "
                 "LEFT JOIN recruiting_scorecards sc ON sc.interview_id = iv.interview_id "
                 "AND sc.interviewer_employee_id = iv.employee_id" +
                     where.where() + " GROUP BY iv.employee_id ORDER BY 2 DESC, 1",
                 params)) {
    InterviewerLoad l;
    l.employeeId = row.getInt(0);
    l.interviews = row.getInt(1);
    l.upcoming = row.getInt(2);
    l.scorecardsSubmitted = row.getInt(3);
    l.scorecardsPending = row.getInt(4);
    l.oldestPendingEndedAt = row.getOptionalString(5);
    load.push_back(l);
  }
  return load;
}

std::vector<AnalyticsStore::OfferCount> AnalyticsStore::offers(const AnalyticsScope& scope) {
  Conditions where;
  where.add("o.state IN ('extended', 'accepted', 'declined', 'expired', 'withdrawn')");
  where.requisitions(scope, "a.requisition_id");
  where.dates(scope, "COALESCE(o.extended_at, o.created_at)");
  std::vector<OfferCount> counts;
  for (const auto& row :
       tx_.query("SELECT a.requisition_id, r.title, o.state, COUNT(*) FROM recruiting_offers o "
                 "JOIN recruiting_applications a ON a.id = o.application_id "
                 "JOIN recruiting_requisitions r ON r.id = a.requisition_id" +
                     where.where() + " GROUP BY a.requisition_id, r.title, o.state ORDER BY 1, 3",
                 where.params())) {
    counts.push_back({row.getInt(0), row.getString(1), row.getString(2), row.getInt(3)});
  }
  return counts;
}

}  // namespace cadre::recruiting
