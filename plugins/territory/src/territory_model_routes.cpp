// HTTP for territory models, their territories and the territory types: parse and validate,
// then TerritoryModels does the work.
#include <Poco/JSON/Array.h>

#include "access.hpp"
#include "account_store.hpp"
#include "cadre/dates.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "employee_store.hpp"
#include "rep_seat_store.hpp"
#include "sales_json.hpp"
#include "sales_routes.hpp"

namespace cadre::territory {

namespace {

class TerritoryModelRoutes {
 public:
  explicit TerritoryModelRoutes(PluginContext& context) : context_(context) {}

  /// Runs `work` in a read transaction.
  template <typename Work>
  auto read(Work work) {
    return context_.database().inTransaction(work, TxMode::Read);
  }

  /// Runs `work` with TerritoryModels in a write transaction.
  template <typename Work>
  auto write(const Request& request, Work work) {
    return context_.database().inTransaction([&](Transaction& tx) {
      TerritoryModels models(tx, actorOf(request));
      return work(tx, models);
    });
  }

  void listModels(const Request& request, Response& response) {
    auto models = read([](Transaction& tx) { return TerritoryModelStore(tx).models(); });
    if (wantsCsv(request)) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& m : models) {
        rows.push_back({std::to_string(m.id), m.name, m.state,
                        m.basedOnId ? std::to_string(*m.basedOnId) : "", m.activatedOn.value_or(""),
                        m.archivedOn.value_or("")});
      }
      response.csv({"id", "name", "state", "basedOnId", "activatedOn", "archivedOn"}, rows,
                   "territory-models.csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& m : models) items->add(modelJson(m));
    response.page(items, std::nullopt);
  }

  void readModel(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto model = read([&](Transaction& tx) { return TerritoryModels(tx, "").requireModel(id); });
    response.etag(model.version);
    response.json(modelJson(model));
  }

  void createModel(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    auto name = in.requiredString("name", 1, 200);
    auto activeFrom = in.optionalDate("effectiveDate").value_or(today());
    in.finish();
    auto model = write(request, [&](Transaction& tx, TerritoryModels& models) {
      auto created = models.create(name, activeFrom);
      audit(tx, request, "territory.model.create", "territory_model", created.id, "",
            toJson(modelJson(created)));
      return created;
    });
    response.etag(model.version);
    response.json(modelJson(model), 201);
  }

  void renameModel(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto name = in.requiredString("name", 1, 200);
    in.finish();
    auto model = write(request, [&](Transaction& tx, TerritoryModels& models) {
      auto before = models.requireModel(id);
      request.requireVersion(before.version);
      auto after = models.rename(id, name);
      audit(tx, request, "territory.model.rename", "territory_model", id, toJson(modelJson(before)),
            toJson(modelJson(after)));
      return after;
    });
    response.etag(model.version);
    response.json(modelJson(model));
  }

  void copyModel(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto name = in.requiredString("name", 1, 200);
    in.finish();
    auto model = write(request, [&](Transaction& tx, TerritoryModels& models) {
      auto copied = models.copy(id, name);
      audit(tx, request, "territory.model.copy", "territory_model", copied.id, "",
            toJson(modelJson(copied)));
      return copied;
    });
    response.etag(model.version);
    response.json(modelJson(model), 201);
  }

  void compare(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto with = queryId(request, "with");
    auto asOf = asOfDate(request);
    auto comparison = read([&](Transaction& tx) {
      TerritoryModels models(tx, "");
      auto base = with ? *with : models.requireActive().id;
      return models.compare(id, base, asOf);
    });
    response.json(comparisonJson(comparison));
  }

  void activate(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto date = in.requiredDate("effectiveDate");
    in.finish();
    auto model = write(request, [&](Transaction& tx, TerritoryModels& models) {
      auto before = models.requireModel(id);
      request.requireVersion(before.version);
      auto previous = TerritoryModelStore(tx).activeModel();
      auto after = models.activate(id, date);
      if (previous) {
        audit(tx, request, "territory.model.archive", "territory_model", previous->id,
              toJson(modelJson(*previous)), toJson(modelJson(models.requireModel(previous->id))));
      }
      audit(tx, request, "territory.model.activate", "territory_model", id,
            toJson(modelJson(before)), toJson(modelJson(after)));
      return after;
    });
    response.etag(model.version);
    response.json(modelJson(model));
  }

  void listTypes(const Request&, Response& response) {
    auto types = read([](Transaction& tx) { return TerritoryModelStore(tx).types(); });
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& t : types) items->add(typeJson(t));
    response.page(items, std::nullopt);
  }

  void addType(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    TerritoryType type{in.requiredString("code", 1, 64), in.requiredString("name", 1, 200)};
    in.finish();
    context_.database().inTransaction([&](Transaction& tx) {
      TerritoryModelStore store(tx);
      if (store.typeExists(type.code)) {
        throw HttpError::conflict("territory type '" + type.code + "' exists");
      }
      store.insertType(type);
      context_.audit().record(tx, request,
                              {"territory.territory-type.create", "territory_type", type.code, "",
                               toJson(typeJson(type))});
    });
    response.json(typeJson(type), 201);
  }

  void listTerritories(const Request& request, Response& response) {
    auto modelId = queryId(request, "modelId");
    auto parentId = queryId(request, "parentId");
    bool roots = request.queryParam("roots") == std::optional<std::string>("true");
    auto asOf = asOfDate(request);
    auto territories = read([&](Transaction& tx) {
      TerritoryModelStore store(tx);
      // Without a model: the one in force on the date (none before the first activation).
      auto model =
          modelId ? std::optional<TerritoryModel>(TerritoryModels(tx, "").requireModel(*modelId))
                  : store.modelInForceOn(asOf);
      if (!model) return std::vector<Territory>{};
      return store.territories(model->id, parentId, roots);
    });
    if (wantsCsv(request)) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& t : territories) {
        rows.push_back({std::to_string(t.id), std::to_string(t.modelId), t.code, t.name, t.type,
                        t.parentId ? std::to_string(*t.parentId) : ""});
      }
      response.csv({"id", "modelId", "code", "name", "type", "parentId"}, rows,
                   "territories-" + asOf + ".csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& t : territories) items->add(territoryJson(t));
    response.page(items, std::nullopt);
  }

  void readTerritory(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto territory =
        read([&](Transaction& tx) { return TerritoryModels(tx, "").requireTerritory(id); });
    response.etag(territory.version);
    response.json(territoryJson(territory));
  }

  void createTerritory(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    auto modelId = in.optionalInt("modelId");
    TerritoryDraft draft;
    draft.code = in.requiredString("code", 1, 64);
    draft.name = in.requiredString("name", 1, 200);
    draft.type = in.requiredString("type", 1, 64);
    draft.parentId = in.optionalInt("parentId");
    if (modelId && *modelId <= 0) in.addError("modelId", "must be a positive id");
    if (draft.parentId && *draft.parentId <= 0) in.addError("parentId", "must be a positive id");
    in.finish();
    auto territory = write(request, [&](Transaction& tx, TerritoryModels& models) {
      draft.modelId = modelId ? *modelId : models.requireActive().id;
      auto created = models.createTerritory(draft);
      audit(tx, request, "territory.territory.create", "territory", created.id, "",
            toJson(territoryJson(created)));
      return created;
    });
    response.etag(territory.version);
    response.json(territoryJson(territory), 201);
  }

  void changeTerritory(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto body = request.jsonObject();
    JsonFields in(body);
    TerritoryChange change;
    change.name = in.optionalString("name", 200);
    change.type = in.optionalString("type", 64);
    change.parentId = nullableId(in, body, "parentId");
    if (change.name && change.name->empty()) in.addError("name", "must not be empty");
    if (!change.name && !change.type && !change.parentId) {
      in.addError("name", "give at least one of name, parentId, type");
    }
    in.finish();
    auto territory = write(request, [&](Transaction& tx, TerritoryModels& models) {
      auto before = models.requireTerritory(id);
      request.requireVersion(before.version);
      auto after = models.changeTerritory(id, change);
      audit(tx, request,
            change.parentId ? "territory.territory.move" : "territory.territory.change",
            "territory", id, toJson(territoryJson(before)), toJson(territoryJson(after)));
      return after;
    });
    response.etag(territory.version);
    response.json(territoryJson(territory));
  }

  void deleteTerritory(const Request& request, Response& response) {
    auto id = request.idParam("id");
    write(request, [&](Transaction& tx, TerritoryModels& models) {
      auto before = models.requireTerritory(id);
      checkVersionIfGiven(request, before.version);
      models.deleteTerritory(id);
      audit(tx, request, "territory.territory.delete", "territory", id,
            toJson(territoryJson(before)), "");
      return 0;
    });
    response.noContent();
  }

  void territoryReps(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto asOf = asOfDate(request);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    read([&](Transaction& tx) {
      TerritoryModels models(tx, "");
      auto territory = models.requireTerritory(id);
      auto date = planDate(models.requireModel(territory.modelId), asOf);
      EmployeeStore employees(tx);
      for (const auto& seat : RepSeatStore(tx).ofTerritory(id, date)) {
        auto item = seatJson(seat, territory);
        auto person = employees.find(seat.employeeId, asOf);
        if (!person) person = employees.find(seat.employeeId, seat.validFrom);
        item->set("employeeName", person ? person->givenName + " " + person->familyName : "");
        items->add(item);
      }
      return 0;
    });
    response.page(items, std::nullopt);
  }

  void territoryAccounts(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto asOf = asOfDate(request);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    read([&](Transaction& tx) {
      TerritoryModels models(tx, "");
      auto territory = models.requireTerritory(id);
      auto date = planDate(models.requireModel(territory.modelId), asOf);
      requireSeatOrReader(tx, request, id, date);
      AccountStore accounts(tx);
      for (const auto& a : accounts.ofTerritory(id, date)) {
        if (auto account = accounts.find(a.accountId))
          items->add(accountJson(*account, a, territory));
      }
      return 0;
    });
    response.page(items, std::nullopt);
  }

 private:
  static Poco::JSON::Object::Ptr typeJson(const TerritoryType& type) {
    auto out = orderedObject();
    out->set("code", type.code);
    out->set("name", type.name);
    return out;
  }

  /// Employees read the accounts of the territories they hold a seat in; others read all.
  static void requireSeatOrReader(Transaction& tx, const Request& request, std::int64_t territoryId,
                                  const std::string& date) {
    const auto& user = request.requireUser();
    if (user.role != Role::Employee) return;
    auto self = EmployeeStore(tx).idOfUser(user.id);
    if (self) {
      for (const auto& seat : RepSeatStore(tx).ofTerritory(territoryId, date)) {
        if (seat.employeeId == *self) return;
      }
    }
    throw HttpError::forbidden("employees see the accounts of their own territories only");
  }

  void audit(Transaction& tx, const Request& request, const std::string& action,
             const std::string& type, std::int64_t id, const std::string& before,
             const std::string& after) {
    context_.audit().record(tx, request, {action, type, std::to_string(id), before, after});
  }

  PluginContext& context_;
};

}  // namespace

void addTerritoryModelRoutes(PluginContext& context) {
  auto routes = std::make_shared<TerritoryModelRoutes>(context);
  using R = TerritoryModelRoutes;
  const std::string api = "/api/v1/territory";
  const std::string models = api + "/territory-models";
  const std::string territories = api + "/territories";
  auto readers = Permission::authenticated();
  auto writers = hrWriters();
  context.addRoute(
      {"GET", models, readers, bindRoute(routes, &R::listModels), "List territory models"});
  context.addRoute({"POST", models, writers, bindRoute(routes, &R::createModel),
                    "Create a territory model (the first becomes active, later ones planning)"});
  context.addRoute({"GET", models + "/{id}", readers, bindRoute(routes, &R::readModel),
                    "Read a territory model"});
  context.addRoute({"PATCH", models + "/{id}", writers, bindRoute(routes, &R::renameModel),
                    "Rename a territory model"});
  context.addRoute({"POST", models + "/{id}/copy", writers, bindRoute(routes, &R::copyModel),
                    "Create a planning model copied from this one"});
  context.addRoute({"GET", models + "/{id}/compare", readers, bindRoute(routes, &R::compare),
                    "What would change if this model replaced another (default: the active one)"});
  context.addRoute({"POST", models + "/{id}/activate", writers, bindRoute(routes, &R::activate),
                    "Activate a planning model from a date, archiving the active one"});
  context.addRoute({"GET", api + "/territory-types", readers, bindRoute(routes, &R::listTypes),
                    "List territory types"});
  context.addRoute({"POST", api + "/territory-types", writers, bindRoute(routes, &R::addType),
                    "Add a territory type"});
  context.addRoute({"GET", territories, readers, bindRoute(routes, &R::listTerritories),
                    "List the territories of a model (default: the active one)"});
  context.addRoute(
      {"POST", territories, writers, bindRoute(routes, &R::createTerritory), "Create a territory"});
  context.addRoute({"GET", territories + "/{id}", readers, bindRoute(routes, &R::readTerritory),
                    "Read a territory"});
  context.addRoute({"PATCH", territories + "/{id}", writers, bindRoute(routes, &R::changeTerritory),
                    "Rename, move or retype a territory"});
  context.addRoute({"DELETE", territories + "/{id}", writers,
                    bindRoute(routes, &R::deleteTerritory),
                    "Delete an empty territory of a planning model"});
  context.addRoute({"GET", territories + "/{id}/reps", readers,
                    bindRoute(routes, &R::territoryReps), "The reps of a territory on a date"});
  context.addRoute({"GET", territories + "/{id}/accounts", readers,
                    bindRoute(routes, &R::territoryAccounts),
                    "The accounts of a territory on a date"});
}

}  // namespace cadre::territory
