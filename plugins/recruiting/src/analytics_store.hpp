#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics_figures.hpp"
#include "cadre/database.hpp"

namespace cadre::recruiting {

/// The SQL of the recruiting reports: counts and the rows behind the statistics, computed by the
/// database over the plugin's tables. Stage moves are the source of truth: a stage was reached
/// when an application ever moved into it, and a hire is an application's first move into a
/// hired stage. Works in the caller's transaction; checks no permissions.
class AnalyticsStore {
 public:
  explicit AnalyticsStore(Transaction& tx) : tx_(tx) {}

  /// The hiring manager of a requisition; none when there is no such requisition.
  std::optional<std::int64_t> hiringManagerOf(std::int64_t requisitionId);
  /// Whether the employee is the hiring manager of any requisition.
  bool managesAnyRequisition(std::int64_t employeeId);

  /// The stages of the requisitions in scope, one per code and kind, in stage order, with the
  /// applications applied within the dates that reached each, are in it now, and left from it
  /// (conversions not filled in); and how many applications there are.
  Funnel funnel(const AnalyticsScope& scope);
  /// The hires whose hiring date is within the dates, in hiring order.
  std::vector<HireTime> hires(const AnalyticsScope& scope);
  /// The requisitions filled within the dates, in filling order.
  std::vector<FillTime> fills(const AnalyticsScope& scope);
  /// Per source that has any (applied within the dates): applications, hires and costs.
  std::vector<SourceFigures> sources(const AnalyticsScope& scope);
  /// Per interviewer with an interview starting within the dates, busiest first; `now` (an
  /// instant as stored) separates past interviews from upcoming ones.
  std::vector<InterviewerLoad> interviewers(const AnalyticsScope& scope, const std::string& now);
  /// Offers extended (or made, when they carry no extension time) within the dates, counted by
  /// requisition and state: (requisition id, title, state, count).
  struct OfferCount {
    std::int64_t requisitionId = 0;
    std::string title;
    std::string state;
    std::int64_t count = 0;
  };
  std::vector<OfferCount> offers(const AnalyticsScope& scope);

 private:
  /// Rows (code, kind, count) of the stages of the scope's requisitions: the applications that
  /// ever moved into them, and that are in them now.
  std::vector<SqlRow> reachedPerStage(const AnalyticsScope& scope);
  std::vector<SqlRow> currentPerStage(const AnalyticsScope& scope);
  /// Rows (code, kind, rejected or withdrawn, count): applications moved from a stage to a
  /// rejected or withdrawn one.
  std::vector<SqlRow> leftPerStage(const AnalyticsScope& scope);

  Transaction& tx_;
};

}  // namespace cadre::recruiting
