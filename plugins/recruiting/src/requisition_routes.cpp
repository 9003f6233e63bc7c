// HTTP for requisitions and their approvals: parse and validate, then Requisitions does the work.
#include <Poco/JSON/Array.h>

#include "approval_chain.hpp"
#include "cadre/handler_support.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "cadre/pagination.hpp"
#include "requisition_input.hpp"
#include "requisition_json.hpp"
#include "requisitions.hpp"
#include "route_support.hpp"
#include "routes.hpp"

namespace cadre::recruiting {

namespace {

const std::set<std::string> kStates{"draft",   "pending_approval", "open",
                                    "on_hold", "filled",           "cancelled"};

/// The comment of an approval, optional; the body itself may be empty.
std::optional<std::string> optionalComment(const Request& request) {
  if (request.body.empty()) return std::nullopt;
  JsonFields in(request.jsonObject());
  auto comment = in.optionalString("comment", 2000);
  in.finish();
  return comment;
}

Poco::JSON::Object::Ptr headcountJson(const HeadcountCheck& check) {
  auto out = orderedObject();
  if (check.room) {
    out->set("planId", check.room->planId);
    out->set("plannedPositions", check.room->plannedPositions);
    out->set("headcount", check.room->headcount);
    out->set("room", check.room->room);
  } else {
    out->set("planId", Poco::Dynamic::Var());
  }
  out->set("committedOpenings", check.committed);
  out->set("requestedOpenings", check.requested);
  out->set("beyondPlan", check.beyondPlan);
  return out;
}

class RequisitionRoutes {
 public:
  explicit RequisitionRoutes(const RouteContext& context) : context_(context) {}

 private:
  // The helpers come first: handlers deduce their return types from them.
  static Requisition visibleOne(Requisitions& requisitions, std::int64_t id) {
    auto requisition = requisitions.require(id);
    if (!requisitions.visible(requisition)) {
      throw HttpError::forbidden("requisition " + std::to_string(id) +
                                 " is seen by HR, its hiring manager and its approvers only");
    }
    return requisition;
  }

  /// Runs `work` in a transaction with the domain, the store and the caller.
  template <typename Work>
  auto run(const Request& request, Work work, TxMode mode = TxMode::Write) {
    return context_.plugin.database().inTransaction(
        [&](Transaction& tx) {
          auto caller = callerOf(tx, *context_.org, request);
          Requisitions requisitions(tx, *context_.org,
                                    requestTrail(context_.plugin.audit(), request), caller);
          RequisitionStore store(tx);
          return work(requisitions, store, caller);
        },
        mode);
  }

  template <typename Work>
  Requisition write(const Request& request, Work work) {
    return run(request, [&](Requisitions& requisitions, RequisitionStore&, const Caller&) {
      return work(requisitions);
    });
  }

  /// A state change of requisition {id}: checks If-Match when given, then runs `work`.
  template <typename Work>
  void change(const Request& request, Response& response, Work work) {
    auto id = request.idParam("id");
    answer(response, write(request, [&](Requisitions& r) {
             checkVersionIfGiven(request, r.require(id).version);
             return work(r, id);
           }));
  }

  static void answer(Response& response, const Requisition& requisition, int status = 200) {
    response.etag(requisition.version);
    response.json(requisitionJson(requisition), status);
  }

 public:
  void list(const Request& request, Response& response) {
    bool csv = wantsCsv(request);
    auto page = PageRequest::from(request, 50, 500);
    RequisitionFilter filter;
    filter.state = request.queryParam("state");
    if (filter.state && !kStates.count(*filter.state)) {
      throw HttpError::badRequest("state is not a requisition state",
                                  {{"state",
                                    "must be one of: cancelled, draft, filled, on_hold, "
                                    "open, pending_approval"}});
    }
    filter.orgUnitId = queryId(request, "orgUnitId");
    filter.hiringManagerId = queryId(request, "hiringManagerId");
    filter.afterId = cursorId(page);
    filter.limit = csv ? 1000000 : static_cast<std::int64_t>(page.limit) + 1;
    auto found = run(
        request,
        [&](Requisitions&, RequisitionStore& store, const Caller& caller) {
          if (!caller.hr) {
            // Others see the requisitions they manage or approve; without an employee, none.
            if (!caller.employeeId) return std::vector<Requisition>{};
            filter.visibleTo = caller.employeeId;
          }
          return store.list(filter);
        },
        TxMode::Read);
    if (csv) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& r : found) rows.push_back(requisitionCsvRow(r));
      response.csv(requisitionCsvHeader(), rows, "requisitions.csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (std::size_t i = 0; i < found.size() && i < page.limit; ++i) {
      items->add(requisitionJson(found[i]));
    }
    std::optional<std::string> next;
    if (found.size() > page.limit) next = encodeCursor(std::to_string(found[page.limit - 1].id));
    response.page(items, next);
  }

  void read(const Request& request, Response& response) {
    auto id = request.idParam("id");
    answer(response, run(
                         request,
                         [&](Requisitions& requisitions, RequisitionStore&, const Caller&) {
                           return visibleOne(requisitions, id);
                         },
                         TxMode::Read));
  }

  void create(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    auto draft = readDraft(in);
    in.finish();
    answer(response, write(request, [&](Requisitions& r) { return r.create(draft); }), 201);
  }

  void edit(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto body = request.jsonObject();
    JsonFields in(body);
    auto edit = readEdit(in, body);
    in.finish();
    answer(response, write(request, [&](Requisitions& r) {
             request.requireVersion(r.require(id).version);
             return r.edit(id, edit);
           }));
  }

  void submit(const Request& request, Response& response) {
    std::optional<std::string> reason;
    if (!request.body.empty()) {
      JsonFields in(request.jsonObject());
      reason = in.optionalString("headcountOverride", 2000);
      if (reason && reason->empty()) in.addError("headcountOverride", "must not be empty");
      in.finish();
    }
    change(request, response,
           [&](Requisitions& r, std::int64_t id) { return r.submit(id, reason); });
  }

  void approve(const Request& request, Response& response) {
    auto comment = optionalComment(request);
    change(request, response,
           [&](Requisitions& r, std::int64_t id) { return r.approve(id, comment); });
  }

  void reject(const Request& request, Response& response) {
    auto comment = requiredReason(request, "comment");
    change(request, response,
           [&](Requisitions& r, std::int64_t id) { return r.reject(id, comment); });
  }

  void hold(const Request& request, Response& response) {
    auto reason = requiredReason(request, "reason");
    change(request, response, [&](Requisitions& r, std::int64_t id) { return r.hold(id, reason); });
  }

  void reopen(const Request& request, Response& response) {
    if (!request.body.empty()) JsonFields(request.jsonObject()).finish();
    change(request, response, [&](Requisitions& r, std::int64_t id) { return r.reopen(id); });
  }

  void cancel(const Request& request, Response& response) {
    auto reason = requiredReason(request, "reason");
    change(request, response,
           [&](Requisitions& r, std::int64_t id) { return r.cancel(id, reason); });
  }

  void approvals(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto out = run(
        request,
        [&](Requisitions& requisitions, RequisitionStore& store, const Caller&) {
          auto requisition = visibleOne(requisitions, id);
          auto steps = store.steps(id);
          auto result = orderedObject();
          result->set("requisitionId", id);
          result->set("state", requisition.state);
          result->set("round", requisition.approvalRound);
          Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
          for (const auto& s : steps) items->add(approvalStepJson(s));
          result->set("steps", items);
          auto waiting = ApprovalChain::waiting(steps, requisition.approvalRound);
          if (waiting && requisition.state == "pending_approval") {
            result->set("waitingFor", approvalStepJson(*waiting));
          } else {
            result->set("waitingFor", Poco::Dynamic::Var());
          }
          result->set("headcount", headcountJson(requisitions.headcount(requisition)));
          Poco::JSON::Array::Ptr grants = new Poco::JSON::Array;
          for (const auto& o : store.overrides(id)) grants->add(headcountOverrideJson(o));
          result->set("overrides", grants);
          return result;
        },
        TxMode::Read);
    response.json(out);
  }

 private:
  RouteContext context_;
};

}  // namespace

void registerRequisitionRoutes(const RouteContext& context) {
  auto routes = std::make_shared<RequisitionRoutes>(context);
  auto bind = [routes](void (RequisitionRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string base = "/api/v1/recruiting/requisitions";
  const std::string one = base + "/{id}";
  auto& plugin = context.plugin;
  plugin.addRoute({"GET", base, anyEmployee(), bind(&RequisitionRoutes::list),
                   "List requisitions (HR all; others those they manage or approve); state, "
                   "orgUnitId, hiringManagerId; CSV"});
  plugin.addRoute({"POST", base, hrRunners(), bind(&RequisitionRoutes::create),
                   "Create a draft requisition with its hiring standards"});
  plugin.addRoute(
      {"GET", one, anyEmployee(), bind(&RequisitionRoutes::read), "Read a requisition"});
  plugin.addRoute({"PATCH", one, hrRunners(), bind(&RequisitionRoutes::edit),
                   "Change a draft requisition (If-Match)"});
  plugin.addRoute({"POST", one + "/submit", hrRunners(), bind(&RequisitionRoutes::submit),
                   "Submit for approval; beyond the headcount plan with headcountOverride"});
  plugin.addRoute({"POST", one + "/approve", anyEmployee(), bind(&RequisitionRoutes::approve),
                   "Approve the waiting step (its approver only)"});
  plugin.addRoute({"POST", one + "/reject", anyEmployee(), bind(&RequisitionRoutes::reject),
                   "Reject the waiting step with a comment (its approver only)"});
  plugin.addRoute({"POST", one + "/hold", hrRunners(), bind(&RequisitionRoutes::hold),
                   "Put an open requisition on hold"});
  plugin.addRoute({"POST", one + "/reopen", hrRunners(), bind(&RequisitionRoutes::reopen),
                   "Reopen a requisition on hold"});
  plugin.addRoute({"POST", one + "/cancel", hrRunners(), bind(&RequisitionRoutes::cancel),
                   "Cancel a requisition with a reason"});
  plugin.addRoute({"GET", one + "/approvals", anyEmployee(), bind(&RequisitionRoutes::approvals),
                   "The approval steps of every round, the headcount check and overrides"});
}

}  // namespace cadre::recruiting
