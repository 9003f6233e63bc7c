// HTTP for applications, their stage moves and the pipeline board: parse and validate, then
// Pipeline does the work.
#include <Poco/JSON/Array.h>

#include "application_json.hpp"
#include "cadre/dates.hpp"
#include "cadre/handler_support.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "cadre/pagination.hpp"
#include "pipeline.hpp"
#include "route_support.hpp"
#include "routes.hpp"

namespace cadre::recruiting {

namespace {

std::int64_t requiredId(JsonFields& in, const std::string& name) {
  auto before = in.errors().size();
  auto id = in.requiredInt(name);
  if (in.errors().size() == before && id <= 0) in.addError(name, "must be a positive id");
  return id;
}

/// An optional reason: absent or null for none, else 1..2000 characters.
std::optional<std::string> optionalReason(JsonFields& in, const std::string& name) {
  auto reason = in.optionalString(name, 2000);
  if (reason && reason->empty()) in.addError(name, "must not be empty");
  return reason;
}

class ApplicationRoutes {
 public:
  explicit ApplicationRoutes(const RouteContext& context) : context_(context) {}

 private:
  // The helpers come first: handlers deduce their return types from them.

  /// Runs `work` with the domain in one transaction.
  template <typename Work>
  auto run(const Request& request, Work work, TxMode mode = TxMode::Write) {
    return context_.plugin.database().inTransaction(
        [&](Transaction& tx) {
          Pipeline pipeline(tx, requestTrail(context_.plugin.audit(), request),
                            callerOf(tx, *context_.org, request));
          return work(pipeline);
        },
        mode);
  }

  static void answer(Response& response, const Application& application, int status = 200) {
    response.etag(application.version);
    response.json(applicationJson(application, today()), status);
  }

 public:
  void list(const Request& request, Response& response) {
    bool csv = wantsCsv(request);
    auto page = PageRequest::from(request, 50, 500);
    ApplicationFilter filter;
    filter.requisitionId = queryId(request, "requisitionId");
    filter.candidateId = queryId(request, "candidateId");
    filter.stageId = queryId(request, "stageId");
    if (auto open = request.queryParam("open")) {
      if (*open != "true" && *open != "false") {
        throw HttpError::badRequest("open must be true or false", {{"open", "not a boolean"}});
      }
      filter.open = *open == "true";
    }
    filter.afterId = page.after.empty() ? 0 : std::stoll(page.after);
    filter.limit = csv ? 1000000 : static_cast<std::int64_t>(page.limit) + 1;
    auto found = run(
        request, [&](Pipeline& pipeline) { return pipeline.list(filter); }, TxMode::Read);
    auto day = today();
    if (csv) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& a : found) rows.push_back(applicationCsvRow(a, day));
      response.csv(applicationCsvHeader(), rows, "applications.csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (std::size_t i = 0; i < found.size() && i < page.limit; ++i) {
      items->add(applicationJson(found[i], day));
    }
    std::optional<std::string> next;
    if (found.size() > page.limit) next = encodeCursor(std::to_string(found[page.limit - 1].id));
    response.page(items, next);
  }

  void read(const Request& request, Response& response) {
    auto id = request.idParam("id");
    std::vector<StageMove> moves;
    auto application = run(
        request,
        [&](Pipeline& pipeline) {
          auto found = pipeline.requireVisible(id);
          moves = pipeline.moves(id);
          return found;
        },
        TxMode::Read);
    auto day = today();
    auto body = applicationJson(application, day);
    body->set("moves", movesJson(moves, day));
    response.etag(application.version);
    response.json(body);
  }

  void create(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    auto candidateId = requiredId(in, "candidateId");
    auto requisitionId = requiredId(in, "requisitionId");
    auto note = optionalReason(in, "note");
    in.finish();
    answer(
        response,
        run(request,
            [&](Pipeline& pipeline) { return pipeline.apply(candidateId, requisitionId, note); }),
        201);
  }

  void move(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    MoveTarget target;
    target.stageId = in.optionalInt("stageId");
    target.code = in.optionalString("stage", 40);
    if (target.stageId.has_value() == target.code.has_value()) {
      in.addError("stageId", "name the stage by stageId or by its code in stage (one of them)");
    }
    auto reason = optionalReason(in, "reason");
    in.finish();
    answer(response, run(request, [&](Pipeline& pipeline) {
             auto current = pipeline.require(id);
             request.requireVersion(current.version);
             return pipeline.move(id, current.version, target, reason);
           }));
  }

  void board(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto page = PageRequest::from(request, 20, 200);
    auto body = orderedObject();
    run(
        request,
        [&](Pipeline& pipeline) {
          auto requisition = pipeline.requirePipelineOf(id);
          body->set("requisitionId", requisition.id);
          body->set("title", requisition.title);
          body->set("state", requisition.state);
          auto columns = pipeline.board(id, static_cast<std::int64_t>(page.limit));
          body->set("stages", boardJson(columns, page.limit, today()));
        },
        TxMode::Read);
    response.json(body);
  }

 private:
  RouteContext context_;
};

}  // namespace

void registerApplicationRoutes(const RouteContext& context) {
  auto routes = std::make_shared<ApplicationRoutes>(context);
  auto bind = [routes](void (ApplicationRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string base = "/api/v1/recruiting/applications";
  auto& plugin = context.plugin;
  auto personal = [&](Route route) {
    route.personalData = true;
    plugin.addRoute(std::move(route));
  };
  personal({"GET", base, anyEmployee(), bind(&ApplicationRoutes::list),
            "List applications (HR all; hiring managers theirs; interviewers those they "
            "interview in); requisitionId, candidateId, stageId, open; CSV"});
  personal({"POST", base, hiringTeam(), bind(&ApplicationRoutes::create),
            "Record a candidate's application to an open requisition (HR or its hiring "
            "manager); it starts in the first active stage"});
  personal({"GET", base + "/{id}", anyEmployee(), bind(&ApplicationRoutes::read),
            "Read an application with its stage moves and the days spent in each stage"});
  personal({"POST", base + "/{id}/move", hiringTeam(), bind(&ApplicationRoutes::move),
            "Move an application to a stage (stageId or stage code) with a reason, required to "
            "reject, withdraw or reopen (If-Match)"});
  personal({"GET", "/api/v1/recruiting/requisitions/{id}/board", hiringTeam(),
            bind(&ApplicationRoutes::board),
            "The pipeline board: each stage with its count and first cards (limit per stage); "
            "more cards of a stage from the application list by stageId and cursor"});
}

}  // namespace cadre::recruiting
