// HTTP for interviews: parse and validate, check who may see or change the interview, then
// InterviewSchedule does the work. An interviewer sees the interviews they sit on; HR and the
// hiring manager every interview of the application.
#include <algorithm>
#include <regex>

#include <Poco/JSON/Array.h>

#include "application_access.hpp"
#include "cadre/audit_trail.hpp"
#include "cadre/dates.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "cadre/pagination.hpp"
#include "change_log.hpp"
#include "instant.hpp"
#include "interview_calendar.hpp"
#include "interview_json.hpp"
#include "interview_schedule.hpp"
#include "interview_store.hpp"
#include "routes.hpp"
#include "scorecard_store.hpp"

namespace cadre::recruiting {

namespace {

const std::set<std::string> kStates = {"scheduled", "cancelled", "done"};

std::string instantIn(JsonFields& in, const std::string& name, bool required) {
  auto text = required ? std::optional<std::string>(in.requiredString(name, 1, 40))
                       : in.optionalString(name, 40);
  if (!text || text->empty()) return "";
  auto instant = utcInstant(*text);
  if (!instant) in.addError(name, "not a date and time with a zone, e.g. 2026-11-26T10:30+01:00");
  return instant.value_or("");
}

std::optional<std::string> instantQuery(const Request& request, const std::string& name) {
  auto text = request.queryParam(name);
  if (!text) return std::nullopt;
  auto instant = utcInstant(*text);
  if (!instant) {
    throw HttpError::badRequest(name + " must be a date and time with a zone",
                                {{name, "'" + *text + "' is not a date and time with a zone"}});
  }
  return instant;
}

/// A place or a link: unset (outer nullopt), null (to clear it) or text; links are plain
/// http(s) URLs without spaces or control characters.
std::optional<std::optional<std::string>> placeIn(JsonFields& in,
                                                  const Poco::JSON::Object::Ptr& body,
                                                  const std::string& name) {
  if (!in.has(name)) return std::nullopt;
  if (body->isNull(name)) {
    in.optionalString(name);
    return std::optional<std::string>();
  }
  auto value = in.optionalString(name, 2000);
  static const std::regex kLink(R"(https?://[^\s\x00-\x1f\x7f"<>]+)");
  if (value && value->empty()) in.addError(name, "must not be empty");
  if (value && name == "meetingLink" && !std::regex_match(*value, kLink)) {
    in.addError(name, "not an http or https link");
  }
  return std::optional<std::optional<std::string>>(value);
}

std::vector<std::int64_t> interviewersIn(JsonFields& in) {
  std::vector<std::int64_t> ids;
  for (auto& item : in.optionalObjects("interviewers", 20)) {
    auto id = item.requiredInt("employeeId");
    if (id <= 0) item.addError("employeeId", "must be a positive id");
    ids.push_back(id);
    in.absorb(item);
  }
  return ids;
}

class InterviewRoutes {
 public:
  explicit InterviewRoutes(RouteContext context) : context_(std::move(context)) {}

  void list(const Request& request, Response& response) {
    bool csv = wantsCsv(request);
    auto page = PageRequest::from(request, 50, 500);
    InterviewFilter filter;
    filter.applicationId = queryId(request, "applicationId");
    filter.interviewerId = queryId(request, "interviewerId");
    filter.state = request.queryParam("state");
    if (filter.state && !kStates.count(*filter.state)) {
      throw HttpError::badRequest("state must be scheduled, cancelled or done",
                                  {{"state", "unknown state"}});
    }
    filter.startsFrom = instantQuery(request, "from");
    filter.startsBefore = instantQuery(request, "to");
    filter.afterId = page.after.empty() ? 0 : std::stoll(page.after);
    filter.limit = csv ? 1000000 : static_cast<std::int64_t>(page.limit) + 1;
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    std::vector<std::vector<std::string>> rows;
    std::optional<std::string> next;
    read(request, [&](Transaction& tx, const Caller& caller) {
      if (!caller.hr) filter.visibleTo = caller.employeeId.value_or(-1);
      auto interviews = InterviewStore(tx).list(filter);
      for (std::size_t i = 0; i < interviews.size() && (csv || i < page.limit); ++i) {
        auto application = *findApplication(tx, interviews[i].applicationId);
        if (csv) {
          rows.push_back(csvRow(interviews[i], application));
        } else {
          items->add(answer(tx, interviews[i], application));
        }
      }
      if (!csv && interviews.size() > page.limit) {
        next = encodeCursor(std::to_string(interviews[page.limit - 1].id));
      }
    });
    if (csv) {
      response.csv({"id", "applicationId", "candidate", "requisition", "startsAt", "endsAt",
                    "location", "meetingLink", "interviewerIds", "state"},
                   rows, "interviews.csv");
    } else {
      response.page(items, next);
    }
    response.noStore();
  }

  void get(const Request& request, Response& response) {
    auto id = request.idParam("id");
    read(request, [&](Transaction& tx, const Caller& caller) {
      auto [interview, application] = visible(tx, caller, id);
      response.etag(interview.version);
      auto out = answer(tx, interview, application);
      // The panel rates these on its scorecards, and an interviewer may not read the requisition.
      Poco::JSON::Array::Ptr criteria = new Poco::JSON::Array;
      for (const auto& c : ScorecardStore(tx).criteriaOf(application.requisitionId)) {
        auto item = orderedObject();
        item->set("id", c.id);
        item->set("name", c.name);
        item->set("weight", c.weight);
        criteria->add(item);
      }
      out->set("criteria", criteria);
      response.json(out);
    });
  }

  void calendar(const Request& request, Response& response) {
    auto id = request.idParam("id");
    read(request, [&](Transaction& tx, const Caller& caller) {
      auto [interview, application] = visible(tx, caller, id);
      CalendarInvitation invitation{
          interview, application.candidateName, application.requisitionTitle, {}, nowTimestamp()};
      for (auto employeeId : interview.interviewerIds) {
        if (auto employee = context_.org->findEmployee(tx, employeeId, "")) {
          invitation.attendees.push_back(
              {employee->givenName + " " + employee->familyName, employee->email});
        }
      }
      response.text(interviewCalendar(invitation), "text/calendar; charset=utf-8");
      response.headers["Content-Disposition"] =
          "attachment; filename=\"interview-" + std::to_string(id) + ".ics\"";
    });
  }

  void create(const Request& request, Response& response) {
    auto body = request.jsonObject();
    JsonFields in(body);
    InterviewPlan plan;
    plan.applicationId = in.requiredInt("applicationId");
    plan.startsAt = instantIn(in, "startsAt", true);
    plan.endsAt = instantIn(in, "endsAt", true);
    plan.location = placeIn(in, body, "location").value_or(std::nullopt);
    plan.meetingLink = placeIn(in, body, "meetingLink").value_or(std::nullopt);
    plan.interviewerIds = interviewersIn(in);
    in.finish();
    write(request, response, 201, [&](Transaction& tx, const Caller& caller, ChangeLog& log) {
      auto application = managedApplication(tx, caller, plan.applicationId);
      return std::make_pair(schedule(tx, log, request).schedule(application, plan), application);
    });
  }

  void change(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto body = request.jsonObject();
    JsonFields in(body);
    InterviewChange change;
    if (in.has("startsAt")) change.startsAt = instantIn(in, "startsAt", true);
    if (in.has("endsAt")) change.endsAt = instantIn(in, "endsAt", true);
    change.location = placeIn(in, body, "location");
    change.meetingLink = placeIn(in, body, "meetingLink");
    if (in.has("interviewers")) change.interviewerIds = interviewersIn(in);
    in.finish();
    write(request, response, 200, [&](Transaction& tx, const Caller& caller, ChangeLog& log) {
      auto [before, application] = managed(tx, caller, id);
      request.requireVersion(before.version);
      return std::make_pair(schedule(tx, log, request).change(application, before, change),
                            application);
    });
  }

  void cancel(const Request& request, Response& response) {
    settle(request, response, &InterviewSchedule::cancel);
  }

  void complete(const Request& request, Response& response) {
    settle(request, response, &InterviewSchedule::complete);
  }

 private:
  using Settle = Interview (InterviewSchedule::*)(const Interview&);

  template <typename Work>
  void read(const Request& request, Work work) {
    context_.plugin.database().inTransaction(
        [&](Transaction& tx) { work(tx, callerOf(tx, *context_.org, request)); }, TxMode::Read);
  }

  InterviewSchedule schedule(Transaction& tx, ChangeLog& log, const Request& request) {
    return InterviewSchedule(tx, *context_.org, log, actorOf(request));
  }

  /// The interview with its application when the caller may see it (404 otherwise).
  std::pair<Interview, ApplicationFacts> visible(Transaction& tx, const Caller& caller,
                                                 std::int64_t id) {
    auto interview = InterviewStore(tx).find(id);
    if (interview) {
      auto application = *findApplication(tx, interview->applicationId);
      const auto& panel = interview->interviewerIds;
      bool sits = caller.employeeId &&
                  std::find(panel.begin(), panel.end(), *caller.employeeId) != panel.end();
      if (sits || runsHiring(caller, application)) return {*interview, application};
    }
    throw HttpError::notFound("there is no interview " + std::to_string(id));
  }

  std::pair<Interview, ApplicationFacts> managed(Transaction& tx, const Caller& caller,
                                                 std::int64_t id) {
    auto found = visible(tx, caller, id);
    if (!runsHiring(caller, found.second)) {
      throw HttpError::forbidden("only HR and the hiring manager may change interview " +
                                 std::to_string(id));
    }
    return found;
  }

  template <typename Work>
  void write(const Request& request, Response& response, int status, Work work) {
    context_.plugin.database().inTransaction([&](Transaction& tx) {
      ChangeLog log(tx, requestTrail(context_.plugin.audit(), request));
      auto caller = callerOf(tx, *context_.org, request);
      auto [result, application] = work(tx, caller, log);
      auto out = answer(tx, result.interview, application);
      out->set("doubleBookings", doubleBookingsJson(result.doubleBookings));
      response.etag(result.interview.version);
      response.json(out, status);
    });
  }

  void settle(const Request& request, Response& response, Settle what) {
    auto id = request.idParam("id");
    context_.plugin.database().inTransaction([&](Transaction& tx) {
      ChangeLog log(tx, requestTrail(context_.plugin.audit(), request));
      auto caller = callerOf(tx, *context_.org, request);
      auto [before, application] = managed(tx, caller, id);
      checkVersionIfGiven(request, before.version);
      auto interviews = schedule(tx, log, request);
      auto after = (interviews.*what)(before);
      response.etag(after.version);
      response.json(answer(tx, after, application));
    });
  }

  Poco::JSON::Object::Ptr answer(Transaction& tx, const Interview& interview,
                                 const ApplicationFacts& application) {
    auto out = interviewJson(interview);
    out->set("candidateId", application.candidateId);
    out->set("candidateName", application.candidateName);
    out->set("requisitionId", application.requisitionId);
    out->set("requisitionTitle", application.requisitionTitle);
    Poco::JSON::Array::Ptr panel = new Poco::JSON::Array;
    for (auto employeeId : interview.interviewerIds) {
      auto item = orderedObject();
      item->set("employeeId", employeeId);
      item->set("name", nameOf(tx, employeeId));
      panel->add(item);
    }
    out->set("interviewers", panel);
    return out;
  }

  std::vector<std::string> csvRow(const Interview& i, const ApplicationFacts& application) {
    std::string panel;
    for (auto id : i.interviewerIds) panel += (panel.empty() ? "" : " ") + std::to_string(id);
    return {std::to_string(i.id),
            std::to_string(i.applicationId),
            application.candidateName,
            application.requisitionTitle,
            i.startsAt,
            i.endsAt,
            i.location.value_or(""),
            i.meetingLink.value_or(""),
            panel,
            i.state};
  }

  std::string nameOf(Transaction& tx, std::int64_t employeeId) {
    auto employee = context_.org->findEmployee(tx, employeeId, "");
    return employee ? employee->givenName + " " + employee->familyName : "";
  }

  RouteContext context_;
};

}  // namespace

void registerInterviewRoutes(const RouteContext& context) {
  auto routes = std::make_shared<InterviewRoutes>(context);
  auto bind = [routes](void (InterviewRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string interviews = "/api/v1/recruiting/interviews";
  auto& plugin = context.plugin;
  plugin.addRoute({"GET", interviews, anyEmployee(), bind(&InterviewRoutes::list),
                   "Interviews the caller may see (applicationId, interviewerId, state, from, to; "
                   "CSV)",
                   true});
  plugin.addRoute({"POST", interviews, hiringTeam(), bind(&InterviewRoutes::create),
                   "Schedule an interview; double-booked interviewers are reported", true});
  plugin.addRoute({"GET", interviews + "/{id}", anyEmployee(), bind(&InterviewRoutes::get),
                   "An interview with its candidate, requisition and interviewers", true});
  plugin.addRoute({"PATCH", interviews + "/{id}", hiringTeam(), bind(&InterviewRoutes::change),
                   "Move an interview or change its place, link or interviewers (If-Match)", true});
  plugin.addRoute({"POST", interviews + "/{id}/cancel", hiringTeam(),
                   bind(&InterviewRoutes::cancel), "Cancel an interview", true});
  plugin.addRoute({"POST", interviews + "/{id}/complete", hiringTeam(),
                   bind(&InterviewRoutes::complete), "Mark an interview that has begun done",
                   true});
  plugin.addRoute({"GET", interviews + "/{id}/ics", anyEmployee(), bind(&InterviewRoutes::calendar),
                   "The interview's iCalendar invitation", true});
}

}  // namespace cadre::recruiting
