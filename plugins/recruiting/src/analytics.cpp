#include "analytics.hpp"

#include <map>
#include <utility>

#include "cadre/http.hpp"

namespace cadre::recruiting {

namespace {

/// The statistics of the items' days, with the items.
template <typename Item>
TimeReport<Item> overDays(std::vector<Item> items) {
  TimeReport<Item> report;
  report.items = std::move(items);
  std::vector<long> days;
  for (const auto& item : report.items) days.push_back(item.days);
  report.stats = dayStats(days);
  return report;
}

}  // namespace

RecruitingAnalytics::RecruitingAnalytics(Transaction& tx, territory::OrgDirectory& org,
                                         Caller caller)
    : tx_(tx), org_(org), store_(tx), caller_(std::move(caller)) {}

AnalyticsScope RecruitingAnalytics::permitted(AnalyticsScope scope) {
  if (scope.requisitionId) {
    auto manager = store_.hiringManagerOf(*scope.requisitionId);
    if (!manager) {
      throw HttpError::notFound("there is no requisition " + std::to_string(*scope.requisitionId));
    }
    if (!caller_.hr && !caller_.is(manager)) {
      throw HttpError::forbidden("the figures of requisition " +
                                 std::to_string(*scope.requisitionId) +
                                 " are seen by HR and its hiring manager only");
    }
  }
  if (caller_.hr) return scope;
  if (!caller_.employeeId || !store_.managesAnyRequisition(*caller_.employeeId)) {
    throw HttpError::forbidden(
        "recruiting analytics are seen by HR and by hiring managers (of their own "
        "requisitions); " +
        std::string(caller_.employeeId ? "you are the hiring manager of no requisition"
                                       : "your account is not linked to an employee"));
  }
  scope.hiringManagerId = caller_.employeeId;
  return scope;
}

Funnel RecruitingAnalytics::funnel(AnalyticsScope scope) {
  auto funnel = store_.funnel(permitted(std::move(scope)));
  computeConversions(funnel.stages);
  return funnel;
}

TimeReport<HireTime> RecruitingAnalytics::timeToHire(AnalyticsScope scope) {
  return overDays(store_.hires(permitted(std::move(scope))));
}

TimeReport<FillTime> RecruitingAnalytics::timeToFill(AnalyticsScope scope) {
  return overDays(store_.fills(permitted(std::move(scope))));
}

std::vector<SourceFigures> RecruitingAnalytics::sources(AnalyticsScope scope) {
  std::map<std::string, SourceFigures> found;
  for (auto& figures : store_.sources(permitted(std::move(scope)))) {
    found[figures.source] = std::move(figures);
  }
  std::vector<SourceFigures> all;
  for (const auto& source : sourcesInReportOrder()) {
    auto figures = found[source];
    figures.source = source;
    computeSourceRates(figures);
    all.push_back(std::move(figures));
  }
  return all;
}

std::vector<InterviewerLoad> RecruitingAnalytics::interviewers(AnalyticsScope scope,
                                                               const std::string& now) {
  auto load = store_.interviewers(permitted(std::move(scope)), now);
  for (auto& interviewer : load) {
    if (auto employee = org_.findEmployee(tx_, interviewer.employeeId, "")) {
      interviewer.name = employee->givenName + " " + employee->familyName;
    }
  }
  return load;
}

OfferReport RecruitingAnalytics::offers(AnalyticsScope scope) {
  OfferReport report;
  for (const auto& count : store_.offers(permitted(std::move(scope)))) {
    if (report.requisitions.empty() ||
        report.requisitions.back().requisitionId != count.requisitionId) {
      OfferFigures figures;
      figures.requisitionId = count.requisitionId;
      figures.requisitionTitle = count.title;
      report.requisitions.push_back(figures);
    }
    countOffer(report.requisitions.back(), count.state, count.count);
    countOffer(report.total, count.state, count.count);
  }
  return report;
}

}  // namespace cadre::recruiting
