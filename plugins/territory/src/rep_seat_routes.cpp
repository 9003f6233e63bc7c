// HTTP for rep seats: who covers which territory, with which role and split, from when.
#include <Poco/JSON/Array.h>

#include "cadre/dates.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "rep_seats.hpp"
#include "sales_json.hpp"
#include "sales_routes.hpp"

namespace cadre::territory {

namespace {

class RepSeatRoutes {
 public:
  explicit RepSeatRoutes(PluginContext& context) : context_(context) {}

  void list(const Request& request, Response& response) {
    auto territoryId = queryId(request, "territoryId");
    auto employeeId = queryId(request, "employeeId");
    auto modelId = queryId(request, "modelId");
    auto asOf = asOfDate(request);
    if (!territoryId && !employeeId) {
      throw HttpError::badRequest("give territoryId or employeeId",
                                  {{"territoryId", "territoryId or employeeId is required"}});
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    context_.database().inTransaction(
        [&](Transaction& tx) {
          TerritoryModels models(tx, "");
          TerritoryModelStore store(tx);
          RepSeatStore seats(tx);
          std::vector<RepSeat> found;
          if (territoryId) {
            auto territory = models.requireTerritory(*territoryId);
            found = seats.ofTerritory(*territoryId,
                                      planDate(models.requireModel(territory.modelId), asOf));
          } else if (modelId) {
            auto model = models.requireModel(*modelId);
            found = seats.ofEmployee(*employeeId, planDate(model, asOf));
          } else {
            found = seats.ofEmployee(*employeeId, asOf);
          }
          for (const auto& seat : found) {
            auto territory = store.territory(seat.territoryId);
            if (!territory || (employeeId && seat.employeeId != *employeeId)) continue;
            if (!territoryId) {
              // Without a model, an employee's seats are those of the models in force.
              if (modelId && territory->modelId != *modelId) continue;
              if (!modelId && models.requireModel(territory->modelId).state == "planning") continue;
            }
            items->add(seatJson(seat, territory));
          }
        },
        TxMode::Read);
    response.page(items, std::nullopt);
  }

  void read(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto body = context_.database().inTransaction(
        [&](Transaction& tx) {
          auto seat = RepSeats(tx, "").require(id);
          return seatJson(seat, TerritoryModelStore(tx).territory(seat.territoryId));
        },
        TxMode::Read);
    response.json(body);
  }

  void create(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    RepSeat seat;
    seat.territoryId = in.requiredInt("territoryId");
    seat.employeeId = in.requiredInt("employeeId");
    seat.role = in.requiredEnum("role", {"owner", "rep", "overlay"});
    seat.splitPercent = in.optionalDouble("splitPercent").value_or(100.0);
    seat.validFrom = in.optionalDate("effectiveDate").value_or(today());
    if (seat.territoryId <= 0) in.addError("territoryId", "must be a positive id");
    if (seat.employeeId <= 0) in.addError("employeeId", "must be a positive id");
    in.finish();
    auto body = context_.database().inTransaction([&](Transaction& tx) {
      auto placed = RepSeats(tx, actorOf(request)).place(seat);
      auto answer = seatJson(placed, TerritoryModelStore(tx).territory(placed.territoryId));
      context_.audit().record(
          tx, request,
          {"territory.rep-seat.create", "rep_seat", std::to_string(placed.id), "", toJson(answer)});
      return answer;
    });
    response.json(body, 201);
  }

  void end(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto date = in.requiredDate("effectiveDate");
    in.finish();
    auto body = context_.database().inTransaction([&](Transaction& tx) {
      RepSeats seats(tx, actorOf(request));
      TerritoryModelStore store(tx);
      auto before = seats.require(id);
      auto ended = seats.end(id, date);
      auto answer = seatJson(ended, store.territory(ended.territoryId));
      context_.audit().record(
          tx, request,
          {"territory.rep-seat.end", "rep_seat", std::to_string(id),
           toJson(seatJson(before, store.territory(before.territoryId))), toJson(answer)});
      return answer;
    });
    response.json(body);
  }

 private:
  PluginContext& context_;
};

}  // namespace

void addRepSeatRoutes(PluginContext& context) {
  auto routes = std::make_shared<RepSeatRoutes>(context);
  using R = RepSeatRoutes;
  const std::string base = "/api/v1/territory/rep-seats";
  auto readers = Permission::authenticated();
  auto writers = hrWriters();
  context.addRoute({"GET", base, readers, bindRoute(routes, &R::list),
                    "List rep seats of a territory or an employee on a date"});
  context.addRoute({"POST", base, writers, bindRoute(routes, &R::create),
                    "Seat a rep in a territory from a date"});
  context.addRoute(
      {"GET", base + "/{id}", readers, bindRoute(routes, &R::read), "Read a rep seat"});
  context.addRoute({"POST", base + "/{id}/end", writers, bindRoute(routes, &R::end),
                    "End a rep seat on a date"});
}

}  // namespace cadre::territory
