#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analytics_figures.hpp"
#include "analytics_store.hpp"
#include "cadre/territory/org_directory.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

/// Time to hire or to fill: the statistics and the items they were taken over.
template <typename Item>
struct TimeReport {
  DayStats stats;
  std::vector<Item> items;
};

/// Offers by requisition and in total.
struct OfferReport {
  OfferFigures total;
  std::vector<OfferFigures> requisitions;
};

/// The recruiting reports as the caller may see them: HR (admin, hr) over every requisition, a
/// hiring manager over the requisitions they are hiring manager of (the scope is narrowed to
/// them; another's requisition is 403). Read-only, in the caller's transaction. Throws
/// cadre::HttpError: 403 for a caller who is neither HR nor the hiring manager of any
/// requisition, 404 for an unknown requisition.
class RecruitingAnalytics {
 public:
  RecruitingAnalytics(Transaction& tx, territory::OrgDirectory& org, Caller caller);

  /// The funnel of one requisition (scope.requisitionId) or of all in scope, with conversions.
  Funnel funnel(AnalyticsScope scope);
  /// Days from applying to the hire, over hires made within the dates.
  TimeReport<HireTime> timeToHire(AnalyticsScope scope);
  /// Days from opening to filling, over requisitions filled within the dates.
  TimeReport<FillTime> timeToFill(AnalyticsScope scope);
  /// Every candidate source (those without applications too) over applications within the
  /// dates, in sourcesInReportOrder() order.
  std::vector<SourceFigures> sources(AnalyticsScope scope);
  /// Interviewers with interviews starting within the dates (as of `now`, an instant
  /// YYYY-MM-DDTHH:MM:SSZ), with their names as of today.
  std::vector<InterviewerLoad> interviewers(AnalyticsScope scope, const std::string& now);
  /// Offers extended within the dates.
  OfferReport offers(AnalyticsScope scope);

 private:
  /// Narrows the scope to what the caller may see; checks the requisition asked for.
  AnalyticsScope permitted(AnalyticsScope scope);

  Transaction& tx_;
  territory::OrgDirectory& org_;
  AnalyticsStore store_;
  Caller caller_;
};

}  // namespace cadre::recruiting
