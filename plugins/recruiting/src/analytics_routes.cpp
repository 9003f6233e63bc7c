// HTTP for the recruiting reports: parse the scope, then RecruitingAnalytics computes; JSON, or
// CSV with `Accept: text/csv` or `format=csv`.
#include "analytics.hpp"
#include "analytics_output.hpp"
#include "cadre/dates.hpp"
#include "cadre/handler_support.hpp"
#include "cadre/json_fields.hpp"
#include "route_support.hpp"
#include "routes.hpp"

namespace cadre::recruiting {

namespace {

/// `from` and `to` (YYYY-MM-DD, both optional) and `requisitionId`; HttpError 400 naming each
/// bad one.
AnalyticsScope scopeOf(const Request& request) {
  AnalyticsScope scope;
  scope.requisitionId = queryId(request, "requisitionId");
  std::vector<FieldError> errors;
  for (const char* name : {"from", "to"}) {
    auto value = request.queryParam(name);
    if (!value) continue;
    if (!isIsoDate(*value)) {
      errors.push_back({name, "'" + *value + "' is not a date YYYY-MM-DD"});
      continue;
    }
    (std::string(name) == "from" ? scope.from : scope.to) = *value;
  }
  if (scope.from && scope.to && *scope.to < *scope.from) {
    errors.push_back({"to", "must not be before from (" + *scope.from + ")"});
  }
  if (!errors.empty()) throw HttpError::badRequest("the report's scope is not valid", errors);
  return scope;
}

/// The file name of a report's CSV: "recruiting-<report>[-requisition-<id>][-<from>][-<to>].csv".
std::string fileName(const std::string& report, const AnalyticsScope& scope) {
  std::string name = "recruiting-" + report;
  if (scope.requisitionId) name += "-requisition-" + std::to_string(*scope.requisitionId);
  if (scope.from) name += "-from-" + *scope.from;
  if (scope.to) name += "-to-" + *scope.to;
  return name + ".csv";
}

class AnalyticsRoutes {
 public:
  explicit AnalyticsRoutes(const RouteContext& context) : context_(context) {}

  void funnel(const Request& request, Response& response) {
    answer(request, response, "funnel", [](RecruitingAnalytics& a, const AnalyticsScope& s) {
      auto funnel = a.funnel(s);
      return std::make_pair(funnelJson(s, funnel), funnelCsv(funnel));
    });
  }

  void timeToHire(const Request& request, Response& response) {
    answer(request, response, "time-to-hire", [](RecruitingAnalytics& a, const AnalyticsScope& s) {
      auto report = a.timeToHire(s);
      return std::make_pair(hireTimesJson(s, report), hireTimesCsv(report));
    });
  }

  void timeToFill(const Request& request, Response& response) {
    answer(request, response, "time-to-fill", [](RecruitingAnalytics& a, const AnalyticsScope& s) {
      auto report = a.timeToFill(s);
      return std::make_pair(fillTimesJson(s, report), fillTimesCsv(report));
    });
  }

  void sources(const Request& request, Response& response) {
    answer(request, response, "sources", [](RecruitingAnalytics& a, const AnalyticsScope& s) {
      auto sources = a.sources(s);
      return std::make_pair(sourcesJson(s, sources), sourcesCsv(sources));
    });
  }

  void interviewers(const Request& request, Response& response) {
    answer(request, response, "interviewers", [](RecruitingAnalytics& a, const AnalyticsScope& s) {
      auto load = a.interviewers(s, nowTimestamp());
      return std::make_pair(interviewersJson(s, load), interviewersCsv(load));
    });
  }

  void offers(const Request& request, Response& response) {
    answer(request, response, "offers", [](RecruitingAnalytics& a, const AnalyticsScope& s) {
      auto report = a.offers(s);
      return std::make_pair(offersJson(s, report), offersCsv(report));
    });
  }

 private:
  /// Computes a report in a read transaction as the caller sees it, and answers its JSON or
  /// its CSV.
  template <typename Report>
  void answer(const Request& request, Response& response, const std::string& name, Report report) {
    auto scope = scopeOf(request);
    auto [json, csv] = context_.plugin.database().inTransaction(
        [&](Transaction& tx) {
          RecruitingAnalytics analytics(tx, *context_.org, callerOf(tx, *context_.org, request));
          return report(analytics, scope);
        },
        TxMode::Read);
    if (wantsCsv(request)) {
      response.csv(csv.header, csv.rows, fileName(name, scope));
    } else {
      response.json(json);
    }
  }

  RouteContext context_;
};

}  // namespace

void registerAnalyticsRoutes(const RouteContext& context) {
  auto routes = std::make_shared<AnalyticsRoutes>(context);
  auto bind = [routes](void (AnalyticsRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string base = "/api/v1/recruiting/analytics/";
  const std::string scope =
      " (HR: every requisition; a hiring manager: theirs); requisitionId, from, to; CSV";
  auto& plugin = context.plugin;
  plugin.addRoute({"GET", base + "funnel", anyEmployee(), bind(&AnalyticsRoutes::funnel),
                   "Funnel: applications that reached each stage, conversion per stage" + scope});
  plugin.addRoute(
      {"GET", base + "time-to-hire", anyEmployee(), bind(&AnalyticsRoutes::timeToHire),
       "Days from applying to hire: median, mean, p90 over hires in the dates" + scope});
  plugin.addRoute({"GET", base + "time-to-fill", anyEmployee(), bind(&AnalyticsRoutes::timeToFill),
                   "Days from opening to filling: median, mean, p90 over requisitions filled "
                   "in the dates" +
                       scope});
  plugin.addRoute({"GET", base + "sources", anyEmployee(), bind(&AnalyticsRoutes::sources),
                   "Applications, hires and cost per hire by candidate source" + scope});
  plugin.addRoute({"GET", base + "interviewers", anyEmployee(),
                   bind(&AnalyticsRoutes::interviewers),
                   "Interviews and scorecards per interviewer, pending scorecards" + scope});
  plugin.addRoute({"GET", base + "offers", anyEmployee(), bind(&AnalyticsRoutes::offers),
                   "Offers made by outcome and the acceptance rate" + scope});
}

}  // namespace cadre::recruiting
