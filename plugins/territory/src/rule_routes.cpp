// HTTP for assignment rules and for running them: preview writes nothing, apply moves exactly
// what the preview lists, in one transaction.
#include <Poco/JSON/Array.h>

#include "cadre/dates.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "sales_json.hpp"
#include "sales_routes.hpp"
#include "vocabulary.hpp"

namespace cadre::territory {

namespace {

/// Reads a rule's fields; with `current`, a PATCH: absent fields keep their value and a null
/// criterion clears it.
RuleDraft readRule(JsonFields& in, const Poco::JSON::Object::Ptr& body,
                   const std::optional<AssignmentRule>& current) {
  RuleDraft d;
  if (current) {
    d = {current->territoryId,  current->priority, current->region,
         current->postalPrefix, current->industry, current->size};
    if (auto t = in.optionalInt("territoryId")) d.territoryId = *t;
    if (auto p = in.optionalInt("priority")) d.priority = *p;
  } else {
    d.territoryId = in.requiredInt("territoryId");
    d.priority = in.requiredInt("priority");
  }
  if (d.territoryId <= 0) in.addError("territoryId", "must be a positive id");
  if (d.priority < 0) in.addError("priority", "must be 0 or more");
  auto criterion = [&](const std::string& name, std::optional<std::string>& field) {
    if (!in.has(name)) return;
    if (body->isNull(name)) {
      in.optionalString(name);
      field.reset();
      return;
    }
    field = in.optionalString(name, 100);
    if (field && field->empty()) in.addError(name, "must not be empty (use null for any)");
  };
  criterion("region", d.region);
  criterion("postalPrefix", d.postalPrefix);
  criterion("industry", d.industry);
  if (in.has("size") && !body->isNull("size")) {
    d.size = in.optionalEnum("size", kAccountSizes);
  } else {
    criterion("size", d.size);
  }
  return d;
}

class RuleRoutes {
 public:
  explicit RuleRoutes(PluginContext& context) : context_(context) {}

  void list(const Request& request, Response& response) {
    auto modelId = queryId(request, "modelId");
    auto rules = context_.database().inTransaction(
        [&](Transaction& tx) {
          TerritoryModels models(tx, "");
          if (!modelId && !TerritoryModelStore(tx).activeModel())
            return std::vector<AssignmentRule>{};
          auto model = modelId ? models.requireModel(*modelId) : models.requireActive();
          return AssignmentRuleStore(tx).ofModel(model.id);
        },
        TxMode::Read);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& r : rules) items->add(ruleJson(r));
    response.page(items, std::nullopt);
  }

  void read(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto rule = context_.database().inTransaction(
        [&](Transaction& tx) { return AccountPlacement(tx, "").requireRule(id); }, TxMode::Read);
    response.etag(rule.version);
    response.json(ruleJson(rule));
  }

  void create(const Request& request, Response& response) {
    auto body = request.jsonObject();
    JsonFields in(body);
    auto draft = readRule(in, body, std::nullopt);
    in.finish();
    auto rule = context_.database().inTransaction([&](Transaction& tx) {
      auto made = AccountPlacement(tx, actorOf(request)).createRule(draft);
      record(tx, request, "territory.rule.create", made.id, "", toJson(ruleJson(made)));
      return made;
    });
    response.etag(rule.version);
    response.json(ruleJson(rule), 201);
  }

  void change(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto body = request.jsonObject();
    auto rule = context_.database().inTransaction([&](Transaction& tx) {
      AccountPlacement placement(tx, actorOf(request));
      auto before = placement.requireRule(id);
      JsonFields in(body);
      auto draft = readRule(in, body, before);
      in.finish();
      request.requireVersion(before.version);
      auto after = placement.changeRule(id, draft);
      record(tx, request, "territory.rule.change", id, toJson(ruleJson(before)),
             toJson(ruleJson(after)));
      return after;
    });
    response.etag(rule.version);
    response.json(ruleJson(rule));
  }

  void remove(const Request& request, Response& response) {
    auto id = request.idParam("id");
    context_.database().inTransaction([&](Transaction& tx) {
      AccountPlacement placement(tx, actorOf(request));
      auto before = placement.requireRule(id);
      checkVersionIfGiven(request, before.version);
      placement.deleteRule(id);
      record(tx, request, "territory.rule.delete", id, toJson(ruleJson(before)), "");
    });
    response.noContent();
  }

  void preview(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto [date, overrideManual] = readRun(request, false);
    auto body = context_.database().inTransaction(
        [&](Transaction& tx) {
          auto moves = AccountPlacement(tx, "").preview(id, date, overrideManual);
          auto model = TerritoryModels(tx, "").requireModel(id);
          return runJson(model, date, overrideManual, moves);
        },
        TxMode::Read);
    response.json(body);
  }

  void apply(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto [date, overrideManual] = readRun(request, true);
    TerritoryModel model;
    auto body = context_.database().inTransaction([&](Transaction& tx) {
      TerritoryModels models(tx, actorOf(request));
      auto current = models.requireModel(id).version;
      request.requireVersion(current);
      // Taking the version first serializes two applies of the same preview.
      if (!TerritoryModelStore(tx).bumpModelVersionFrom(id, current)) {
        throw HttpError::conflict("territory model " + std::to_string(id) + " changed meanwhile");
      }
      auto moves = AccountPlacement(tx, actorOf(request)).apply(id, date, overrideManual);
      model = models.requireModel(id);
      auto answer = runJson(model, date, overrideManual, moves);
      record(tx, request, "territory.rule.apply", id, "", toJson(answer), "territory_model");
      return answer;
    });
    response.etag(model.version);
    response.json(body);
  }

 private:
  static std::pair<std::string, bool> readRun(const Request& request, bool dateRequired) {
    auto body = request.body.empty() ? Poco::JSON::Object::Ptr(new Poco::JSON::Object)
                                     : request.jsonObject();
    JsonFields in(body);
    auto date = dateRequired ? in.requiredDate("effectiveDate")
                             : in.optionalDate("effectiveDate").value_or(today());
    auto overrideManual = in.optionalBool("overrideManual").value_or(false);
    in.finish();
    return {date, overrideManual};
  }

  static Poco::JSON::Object::Ptr runJson(const TerritoryModel& model, const std::string& date,
                                         bool overrideManual, const std::vector<RuleMove>& moves) {
    auto out = orderedObject();
    out->set("modelId", model.id);
    out->set("modelVersion", model.version);
    out->set("effectiveDate", date);
    out->set("overrideManual", overrideManual);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& m : moves) items->add(moveJson(m));
    out->set("moves", items);
    return out;
  }

  void record(Transaction& tx, const Request& request, const std::string& action, std::int64_t id,
              const std::string& before, const std::string& after,
              const std::string& type = "territory_rule") {
    context_.audit().record(tx, request, {action, type, std::to_string(id), before, after});
  }

  PluginContext& context_;
};

}  // namespace

void addRuleRoutes(PluginContext& context) {
  auto routes = std::make_shared<RuleRoutes>(context);
  using R = RuleRoutes;
  const std::string base = "/api/v1/territory/territory-rules";
  const std::string models = "/api/v1/territory/territory-models/{id}/rules";
  auto readers = Permission::authenticated();
  auto writers = hrWriters();
  context.addRoute({"GET", base, readers, bindRoute(routes, &R::list),
                    "List the assignment rules of a model (default: the active one)"});
  context.addRoute(
      {"POST", base, writers, bindRoute(routes, &R::create), "Create an assignment rule"});
  context.addRoute(
      {"GET", base + "/{id}", readers, bindRoute(routes, &R::read), "Read an assignment rule"});
  context.addRoute({"PATCH", base + "/{id}", writers, bindRoute(routes, &R::change),
                    "Change an assignment rule"});
  context.addRoute({"DELETE", base + "/{id}", writers, bindRoute(routes, &R::remove),
                    "Delete an assignment rule of a planning model"});
  context.addRoute({"POST", models + "/preview", hrWriters(), bindRoute(routes, &R::preview),
                    "What re-running the rules would move; writes nothing"});
  context.addRoute({"POST", models + "/apply", writers, bindRoute(routes, &R::apply),
                    "Re-run the rules from a date, moving exactly what the preview lists"});
}

}  // namespace cadre::territory
