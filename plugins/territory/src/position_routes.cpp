// HTTP for positions and headcount plans: parse and validate, then StaffingPlan does the work.
#include <sstream>

#include <Poco/JSON/Array.h>

#include "access.hpp"
#include "cadre/dates.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "cadre/pagination.hpp"
#include "route_support.hpp"
#include "routes.hpp"
#include "staffing_plan.hpp"

namespace cadre::territory {

namespace {

const Permission kPositionWriters = hrWriters();
const Permission kPlanners = peopleReporters();

Poco::JSON::Object::Ptr positionJson(const Position& p, bool withCost) {
  auto out = orderedObject();
  out->set("id", p.id);
  out->set("orgUnitId", p.orgUnitId);
  out->set("title", p.title);
  out->set("fte", p.fte);
  if (withCost) out->set("budgetedCost", p.budgetedCost);
  out->set("state", p.state);
  setOptional(*out, "holderId", p.holderId);
  out->set("openedOn", p.openedOn);
  setOptional(*out, "closedOn", p.closedOn);
  out->set("version", p.version);
  return out;
}

Poco::JSON::Object::Ptr planJson(const HeadcountPlan& plan) {
  auto out = orderedObject();
  out->set("id", plan.id);
  out->set("orgUnitId", plan.orgUnitId);
  out->set("periodStart", plan.periodStart);
  out->set("periodEnd", plan.periodEnd);
  out->set("plannedPositions", plan.plannedPositions);
  out->set("plannedBudget", plan.plannedBudget);
  out->set("note", plan.note);
  out->set("version", plan.version);
  return out;
}

Poco::JSON::Object::Ptr comparisonJson(const PlanVersusActual& c) {
  auto out = planJson(c.plan);
  auto actual = orderedObject();
  actual->set("asOf", c.asOf);
  actual->set("positions", c.actual.positions);
  actual->set("filled", c.actual.filled);
  actual->set("vacant", c.actual.vacant);
  actual->set("frozen", c.actual.frozen);
  actual->set("budget", c.actual.budget);
  actual->set("headcount", c.actual.headcount);
  out->set("actual", actual);
  auto variance = orderedObject();
  variance->set("positions", c.actual.positions - c.plan.plannedPositions);
  variance->set("budget", c.actual.budget - c.plan.plannedBudget);
  out->set("variance", variance);
  return out;
}

std::string text(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

class PositionRoutes {
 public:
  explicit PositionRoutes(PluginContext& context) : context_(context) {}

  void list(const Request& request, Response& response) {
    auto asOf = asOfDate(request);
    bool csv = wantsCsv(request);
    bool withCost = isHr(request.requireUser());
    auto page = PageRequest::from(request, 50, 500);
    PositionFilter filter;
    filter.orgUnitId = queryId(request, "orgUnitId");
    filter.subtree = request.queryParam("subtree") == std::optional<std::string>("true");
    filter.state = request.queryParam("state");
    if (filter.state && *filter.state != "vacant" && *filter.state != "filled" &&
        *filter.state != "frozen") {
      throw HttpError::badRequest("state must be vacant, filled or frozen",
                                  {{"state", "unknown state"}});
    }
    filter.afterId = page.after.empty() ? 0 : std::stoll(page.after);
    filter.limit = csv ? 1000000 : static_cast<std::int64_t>(page.limit) + 1;
    auto positions = context_.database().inTransaction(
        [&](Transaction& tx) { return PositionStore(tx).list(filter, asOf); }, TxMode::Read);
    if (csv) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& p : positions) {
        rows.push_back({std::to_string(p.id), std::to_string(p.orgUnitId), p.title, text(p.fte),
                        withCost ? text(p.budgetedCost) : "", p.state,
                        p.holderId ? std::to_string(*p.holderId) : ""});
      }
      response.csv({"id", "orgUnitId", "title", "fte", "budgetedCost", "state", "holderId"}, rows,
                   "positions-" + asOf + ".csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    std::optional<std::string> next;
    for (std::size_t i = 0; i < positions.size() && i < page.limit; ++i) {
      items->add(positionJson(positions[i], withCost));
    }
    if (positions.size() > page.limit) {
      next = encodeCursor(std::to_string(positions[page.limit - 1].id));
    }
    response.page(items, next);
  }

  void read(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto asOf = asOfDate(request);
    auto position = context_.database().inTransaction(
        [&](Transaction& tx) { return PositionStore(tx).findAny(id, asOf); }, TxMode::Read);
    if (!position) throw HttpError::notFound("there is no position " + std::to_string(id));
    response.etag(position->version);
    response.json(positionJson(*position, isHr(request.requireUser())));
  }

  void create(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    Position draft;
    draft.orgUnitId = in.requiredInt("orgUnitId");
    draft.title = in.requiredString("title", 1, 200);
    draft.fte = in.optionalDouble("fte").value_or(1.0);
    draft.budgetedCost = in.requiredDouble("budgetedCost");
    draft.frozen = in.optionalBool("frozen").value_or(false);
    draft.openedOn = in.optionalDate("openedOn").value_or(today());
    in.finish();
    auto position = context_.database().inTransaction([&](Transaction& tx) {
      auto opened = StaffingPlan(tx).open(draft);
      context_.audit().record(tx, request,
                              {"territory.position.create", "position", std::to_string(opened.id),
                               "", toJson(positionJson(opened, true))});
      return opened;
    });
    response.etag(position.version);
    response.json(positionJson(position, true), 201);
  }

  void edit(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    PositionEdit edit;
    edit.title = in.optionalString("title", 200);
    edit.fte = in.optionalDouble("fte");
    edit.budgetedCost = in.optionalDouble("budgetedCost");
    edit.frozen = in.optionalBool("frozen");
    if (edit.title && edit.title->empty()) in.addError("title", "must not be empty");
    in.finish();
    auto position = context_.database().inTransaction([&](Transaction& tx) {
      auto before = PositionStore(tx).findAny(id, today());
      if (!before) throw HttpError::notFound("there is no position " + std::to_string(id));
      request.requireVersion(before->version);
      auto after = StaffingPlan(tx).edit(id, edit);
      context_.audit().record(
          tx, request,
          {"territory.position.update", "position", std::to_string(id),
           toJson(positionJson(*before, true)), toJson(positionJson(after, true))});
      return after;
    });
    response.etag(position.version);
    response.json(positionJson(position, true));
  }

  void close(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto date = in.requiredDate("effectiveDate");
    in.finish();
    auto position = context_.database().inTransaction([&](Transaction& tx) {
      auto before = PositionStore(tx).findAny(id, date);
      if (!before) throw HttpError::notFound("there is no position " + std::to_string(id));
      request.requireVersion(before->version);
      auto after = StaffingPlan(tx).close(id, date);
      context_.audit().record(
          tx, request,
          {"territory.position.close", "position", std::to_string(id),
           toJson(positionJson(*before, true)), toJson(positionJson(after, true))});
      return after;
    });
    response.etag(position.version);
    response.json(positionJson(position, true));
  }

  void plans(const Request& request, Response& response) {
    auto unit = queryId(request, "orgUnitId");
    auto asOf =
        request.queryParam("asOf") ? std::optional<std::string>(asOfDate(request)) : std::nullopt;
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    context_.database().inTransaction(
        [&](Transaction& tx) {
          StaffingPlan staffing(tx);
          for (const auto& plan : PositionStore(tx).plans(unit)) {
            items->add(comparisonJson(staffing.compare(plan.id, asOf)));
          }
        },
        TxMode::Read);
    response.page(items, std::nullopt);
  }

  void plan(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto asOf =
        request.queryParam("asOf") ? std::optional<std::string>(asOfDate(request)) : std::nullopt;
    auto comparison = context_.database().inTransaction(
        [&](Transaction& tx) { return StaffingPlan(tx).compare(id, asOf); }, TxMode::Read);
    response.etag(comparison.plan.version);
    response.json(comparisonJson(comparison));
  }

  void createPlan(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    HeadcountPlan draft = readPlan(in);
    draft.orgUnitId = in.requiredInt("orgUnitId");
    in.finish();
    auto plan = context_.database().inTransaction([&](Transaction& tx) {
      auto created = StaffingPlan(tx).createPlan(draft);
      context_.audit().record(tx, request,
                              {"territory.headcount-plan.create", "headcount_plan",
                               std::to_string(created.id), "", toJson(planJson(created))});
      return created;
    });
    response.etag(plan.version);
    response.json(planJson(plan), 201);
  }

  void editPlan(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    HeadcountPlan draft = readPlan(in);
    in.finish();
    auto plan = context_.database().inTransaction([&](Transaction& tx) {
      auto before = PositionStore(tx).findPlan(id);
      if (!before) throw HttpError::notFound("there is no headcount plan " + std::to_string(id));
      request.requireVersion(before->version);
      draft.id = id;
      draft.orgUnitId = before->orgUnitId;
      auto after = StaffingPlan(tx).editPlan(draft);
      context_.audit().record(
          tx, request,
          {"territory.headcount-plan.update", "headcount_plan", std::to_string(id),
           toJson(planJson(*before)), toJson(planJson(after))});
      return after;
    });
    response.etag(plan.version);
    response.json(planJson(plan));
  }

 private:
  static HeadcountPlan readPlan(JsonFields& in) {
    HeadcountPlan plan;
    plan.periodStart = in.requiredDate("periodStart");
    plan.periodEnd = in.requiredDate("periodEnd");
    plan.plannedPositions = in.requiredInt("plannedPositions");
    plan.plannedBudget = in.requiredDouble("plannedBudget");
    plan.note = in.optionalString("note", 2000).value_or("");
    return plan;
  }

  PluginContext& context_;
};

}  // namespace

void addPositionRoutes(PluginContext& context) {
  auto routes = std::make_shared<PositionRoutes>(context);
  auto bind = [routes](void (PositionRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string positions = "/api/v1/territory/positions";
  const std::string plans = "/api/v1/territory/headcount-plans";
  auto readers = Permission::authenticated();
  context.addRoute({"GET", positions, readers, bind(&PositionRoutes::list),
                    "List positions as of a date (orgUnitId+subtree, state; CSV)"});
  context.addRoute({"POST", positions, kPositionWriters, bind(&PositionRoutes::create),
                    "Open a position in an org unit"});
  context.addRoute({"GET", positions + "/{id}", readers, bind(&PositionRoutes::read),
                    "Read a position and its state as of a date"});
  context.addRoute({"PATCH", positions + "/{id}", kPositionWriters, bind(&PositionRoutes::edit),
                    "Retitle, re-cost, freeze or unfreeze a position"});
  context.addRoute({"POST", positions + "/{id}/close", kPositionWriters,
                    bind(&PositionRoutes::close), "Close a vacant position from a date on"});
  context.addRoute({"GET", plans, kPlanners, bind(&PositionRoutes::plans),
                    "Headcount plans with actual versus planned"});
  context.addRoute({"POST", plans, kPositionWriters, bind(&PositionRoutes::createPlan),
                    "Plan positions and budget for an org unit and period"});
  context.addRoute({"GET", plans + "/{id}", kPlanners, bind(&PositionRoutes::plan),
                    "A headcount plan with actual versus planned"});
  context.addRoute({"PUT", plans + "/{id}", kPositionWriters, bind(&PositionRoutes::editPlan),
                    "Change a headcount plan"});
}

}  // namespace cadre::territory
