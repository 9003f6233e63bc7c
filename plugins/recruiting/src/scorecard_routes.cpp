// HTTP for scorecards and an application's scores: interviewers write their own; others'
// scores show only to those who owe no scorecard on the application.
#include <Poco/JSON/Array.h>

#include "application_access.hpp"
#include "cadre/audit_trail.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/pagination.hpp"
#include "change_log.hpp"
#include "interview_store.hpp"
#include "routes.hpp"
#include "scorecard_json.hpp"
#include "scorecard_store.hpp"
#include "scorecards.hpp"

namespace cadre::recruiting {

namespace {

const std::set<std::string> kRecommendations = {"strong_no", "no", "yes", "strong_yes"};

ScorecardContent contentIn(JsonFields& in) {
  ScorecardContent content;
  for (auto& item : in.optionalObjects("ratings", 100)) {
    Rating rating;
    rating.criterionId = item.requiredInt("criterionId");
    rating.rating = item.requiredInt("rating");
    rating.comment = item.optionalString("comment", 2000);
    content.ratings.push_back(rating);
    in.absorb(item);
  }
  content.recommendation = in.optionalEnum("recommendation", kRecommendations);
  content.notes = in.optionalString("notes", 10000);
  return content;
}

class ScorecardRoutes {
 public:
  explicit ScorecardRoutes(RouteContext context) : context_(std::move(context)) {}

  void list(const Request& request, Response& response) {
    bool csv = wantsCsv(request);
    auto page = PageRequest::from(request, 50, 500);
    ScorecardFilter filter;
    filter.applicationId = queryId(request, "applicationId");
    filter.interviewId = queryId(request, "interviewId");
    filter.interviewerId = queryId(request, "interviewerId");
    filter.afterId = page.after.empty() ? 0 : std::stoll(page.after);
    filter.limit = csv ? 1000000 : static_cast<std::int64_t>(page.limit) + 1;
    auto scorecards = context_.plugin.database().inTransaction(
        [&](Transaction& tx) {
          auto caller = callerOf(tx, *context_.org, request);
          filter.viewerEmployeeId = caller.employeeId;
          filter.viewerIsHr = caller.hr;
          return ScorecardStore(tx).list(filter);
        },
        TxMode::Read);
    response.noStore();
    if (csv) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& s : scorecards) {
        for (const auto& rating : s.ratings) {
          rows.push_back({std::to_string(s.id), std::to_string(s.interviewId),
                          std::to_string(s.applicationId), std::to_string(s.interviewerEmployeeId),
                          s.submittedAt ? "submitted" : "draft", s.recommendation.value_or(""),
                          std::to_string(rating.criterionId), std::to_string(rating.rating)});
        }
      }
      response.csv({"scorecardId", "interviewId", "applicationId", "interviewerEmployeeId", "state",
                    "recommendation", "criterionId", "rating"},
                   rows, "scorecards.csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    std::optional<std::string> next;
    for (std::size_t i = 0; i < scorecards.size() && i < page.limit; ++i) {
      items->add(scorecardJson(scorecards[i]));
    }
    if (scorecards.size() > page.limit) {
      next = encodeCursor(std::to_string(scorecards[page.limit - 1].id));
    }
    response.page(items, next);
  }

  void get(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto scorecard = context_.plugin.database().inTransaction(
        [&](Transaction& tx) {
          auto caller = callerOf(tx, *context_.org, request);
          ScorecardFilter filter;
          filter.viewerEmployeeId = caller.employeeId;
          filter.viewerIsHr = caller.hr;
          filter.afterId = id - 1;
          filter.limit = 1;
          auto found = ScorecardStore(tx).list(filter);
          if (found.empty() || found.front().id != id) {
            throw HttpError::notFound("there is no scorecard " + std::to_string(id));
          }
          return found.front();
        },
        TxMode::Read);
    response.noStore();
    response.etag(scorecard.version);
    response.json(scorecardJson(scorecard));
  }

  void create(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    auto interviewId = in.requiredInt("interviewId");
    auto content = contentIn(in);
    bool submitting = in.optionalBool("submit").value_or(false);
    in.finish();
    auto scorecard = context_.plugin.database().inTransaction([&](Transaction& tx) {
      auto caller = callerOf(tx, *context_.org, request);
      auto interview = InterviewStore(tx).find(interviewId);
      if (!interview || !caller.employeeId) {
        throw HttpError::notFound("there is no interview " + std::to_string(interviewId) +
                                  " you sit on");
      }
      auto application = *findApplication(tx, interview->applicationId);
      ChangeLog log(tx, requestTrail(context_.plugin.audit(), request));
      return Scorecards(tx, log).write(*interview, application, *caller.employeeId, content,
                                       submitting);
    });
    response.etag(scorecard.version);
    response.json(scorecardJson(scorecard), 201);
  }

  void replace(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto content = contentIn(in);
    bool submitting = in.optionalBool("submit").value_or(false);
    in.finish();
    revise(request, response, id,
           [&](const Scorecard&) { return std::make_pair(content, submitting); });
  }

  void submit(const Request& request, Response& response) {
    auto id = request.idParam("id");
    revise(request, response, id, [](const Scorecard& before) {
      return std::make_pair(static_cast<const ScorecardContent&>(before), true);
    });
  }

  void scores(const Request& request, Response& response) {
    auto applicationId = request.idParam("id");
    auto summary = context_.plugin.database().inTransaction(
        [&](Transaction& tx) {
          auto caller = callerOf(tx, *context_.org, request);
          auto application = visibleApplication(tx, caller, applicationId);
          ChangeLog log(tx, requestTrail(context_.plugin.audit(), request));
          return Scorecards(tx, log).summary(application, caller.employeeId);
        },
        TxMode::Read);
    response.noStore();
    response.json(scoreSummaryJson(summary));
  }

 private:
  /// Changes the caller's own draft: `what` gives the new content and whether to submit.
  template <typename What>
  void revise(const Request& request, Response& response, std::int64_t id, What what) {
    auto scorecard = context_.plugin.database().inTransaction([&](Transaction& tx) {
      auto caller = callerOf(tx, *context_.org, request);
      auto before = ScorecardStore(tx).find(id);
      if (!before || !caller.is(before->interviewerEmployeeId)) {
        throw HttpError::notFound("there is no scorecard " + std::to_string(id) + " of yours");
      }
      request.requireVersion(before->version);
      auto application = *findApplication(tx, before->applicationId);
      auto [content, submitting] = what(*before);
      ChangeLog log(tx, requestTrail(context_.plugin.audit(), request));
      return Scorecards(tx, log).revise(*before, application, content, submitting);
    });
    response.etag(scorecard.version);
    response.json(scorecardJson(scorecard));
  }

  RouteContext context_;
};

}  // namespace

void registerScorecardRoutes(const RouteContext& context) {
  auto routes = std::make_shared<ScorecardRoutes>(context);
  auto bind = [routes](void (ScorecardRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string scorecards = "/api/v1/recruiting/scorecards";
  auto& plugin = context.plugin;
  plugin.addRoute({"GET", scorecards, anyEmployee(), bind(&ScorecardRoutes::list),
                   "Scorecards the caller may see (applicationId, interviewId, interviewerId; CSV)",
                   true});
  plugin.addRoute({"POST", scorecards, anyEmployee(), bind(&ScorecardRoutes::create),
                   "Write your scorecard for an interview you sat on (submit: true to submit)",
                   true});
  plugin.addRoute({"GET", scorecards + "/{id}", anyEmployee(), bind(&ScorecardRoutes::get),
                   "A scorecard", true});
  plugin.addRoute({"PUT", scorecards + "/{id}", anyEmployee(), bind(&ScorecardRoutes::replace),
                   "Rewrite your draft scorecard (If-Match)", true});
  plugin.addRoute({"POST", scorecards + "/{id}/submit", anyEmployee(),
                   bind(&ScorecardRoutes::submit), "Submit your draft scorecard (If-Match)", true});
  plugin.addRoute({"GET", "/api/v1/recruiting/applications/{id}/scores", anyEmployee(),
                   bind(&ScorecardRoutes::scores),
                   "An application's weighted aggregate, spread and scores per criterion", true});
}

}  // namespace cadre::recruiting
