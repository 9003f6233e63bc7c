// HTTP for stage templates and the stages of each requisition: parse and validate, then
// StageTemplates does the work.
#include <Poco/JSON/Array.h>

#include "application_json.hpp"
#include "cadre/handler_support.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "pipeline.hpp"
#include "route_support.hpp"
#include "routes.hpp"
#include "stage_templates.hpp"

namespace cadre::recruiting {

namespace {

const std::set<std::string> kKinds{"active", "hired", "rejected", "withdrawn"};

/// Reads `stages` (required when `required`); every problem goes to `in`.
std::vector<StageSpec> readStages(JsonFields& in, bool required) {
  if (required && !in.has("stages")) in.addError("stages", "is required");
  std::vector<StageSpec> stages;
  for (auto& item : in.optionalObjects("stages", 100)) {
    StageSpec s;
    s.code = item.requiredString("code", 1, 40);
    s.name = item.requiredString("name", 1, 100);
    s.kind = item.optionalEnum("kind", kKinds).value_or("active");
    in.absorb(item);
    stages.push_back(s);
  }
  if (in.errors().empty() && (required || in.has("stages"))) {
    for (const auto& problem : stageListProblems(stages)) {
      in.addError(problem.field, problem.message);
    }
  }
  return stages;
}

StageTemplate readTemplate(JsonFields& in) {
  StageTemplate t;
  t.name = in.requiredString("name", 1, 100);
  t.isDefault = in.optionalBool("isDefault").value_or(false);
  t.stages = readStages(in, true);
  return t;
}

class StageRoutes {
 public:
  explicit StageRoutes(const RouteContext& context) : context_(context) {}

 private:
  template <typename Work>
  auto run(const Request& request, Work work, TxMode mode = TxMode::Write) {
    return context_.plugin.database().inTransaction(
        [&](Transaction& tx) {
          StageTemplates templates(tx, requestTrail(context_.plugin.audit(), request));
          return work(templates, tx);
        },
        mode);
  }

  static void answer(Response& response, const StageTemplate& stageTemplate, int status = 200) {
    response.etag(stageTemplate.version);
    response.json(stageTemplateJson(stageTemplate), status);
  }

 public:
  void list(const Request& request, Response& response) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& t : run(
             request, [](StageTemplates&templates, Transaction&) { return templates.list(); },
             TxMode::Read)) {
      items->add(stageTemplateJson(t));
    }
    response.page(items, std::nullopt);
  }

  void read(const Request& request, Response& response) {
    auto id = request.idParam("id");
    answer(
        response,
        run(
            request, [&](StageTemplates& templates, Transaction&) { return templates.require(id); },
            TxMode::Read));
  }

  void create(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    auto draft = readTemplate(in);
    in.finish();
    answer(response,
           run(request,
               [&](StageTemplates& templates, Transaction&) { return templates.create(draft); }),
           201);
  }

  void edit(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto draft = readTemplate(in);
    in.finish();
    answer(response, run(request, [&](StageTemplates& templates, Transaction&) {
             auto current = templates.require(id);
             request.requireVersion(current.version);
             return templates.edit(id, current.version, draft);
           }));
  }

  void requisitionStages(const Request& request, Response& response) {
    auto id = request.idParam("id");
    std::int64_t version = 0;
    auto stages = run(
        request,
        [&](StageTemplates&, Transaction& tx) {
          Pipeline pipeline(tx, requestTrail(context_.plugin.audit(), request),
                            callerOf(tx, *context_.org, request));
          version = pipeline.requirePipelineOf(id).version;
          return pipeline.stages(id);
        },
        TxMode::Read);
    response.etag(version);
    response.json(requisitionStagesJson(id, stages));
  }

  void setRequisitionStages(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto templateId = in.optionalInt("templateId");
    auto stages = readStages(in, false);
    if (templateId.has_value() == in.has("stages")) {
      in.addError("templateId", "give either templateId or stages");
    }
    if (templateId && *templateId <= 0) in.addError("templateId", "must be a positive id");
    in.finish();
    std::int64_t version = 0;
    auto after = run(request, [&](StageTemplates& templates, Transaction& tx) {
      auto requisition = requireFound(ApplicationStore(tx).requisition(id), "requisition", id);
      request.requireVersion(requisition.version);
      auto changed = templates.setRequisitionStages(id, requisition.version, stages, templateId);
      version = requisition.version + 1;
      return changed;
    });
    response.etag(version);
    response.json(requisitionStagesJson(id, after));
  }

 private:
  RouteContext context_;
};

}  // namespace

void registerStageRoutes(const RouteContext& context) {
  auto routes = std::make_shared<StageRoutes>(context);
  auto bind = [routes](void (StageRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string base = "/api/v1/recruiting/stage-templates";
  const std::string stages = "/api/v1/recruiting/requisitions/{id}/stages";
  auto& plugin = context.plugin;
  plugin.addRoute(
      {"GET", base, hiringTeam(), bind(&StageRoutes::list), "Stage templates with their stages"});
  plugin.addRoute({"POST", base, hrRunners(), bind(&StageRoutes::create),
                   "Create a stage template (isDefault makes new requisitions copy it)"});
  plugin.addRoute(
      {"GET", base + "/{id}", hiringTeam(), bind(&StageRoutes::read), "Read a stage template"});
  plugin.addRoute({"PUT", base + "/{id}", hrRunners(), bind(&StageRoutes::edit),
                   "Replace a stage template's name, default flag and stages (If-Match)"});
  plugin.addRoute({"GET", stages, hiringTeam(), bind(&StageRoutes::requisitionStages),
                   "A requisition's stages (ETag: the requisition's version)"});
  plugin.addRoute({"PUT", stages, hrRunners(), bind(&StageRoutes::setRequisitionStages),
                   "Give a requisition a template's stages (templateId) or its own (stages); "
                   "stages that hold applications stay (If-Match: the requisition's version)"});
}

}  // namespace cadre::recruiting
