// HTTP for onboarding templates and training programs: parse and validate, then
// OnboardingTemplates does the work.
#include <set>

#include <Poco/JSON/Array.h>

#include "cadre/handler_support.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "cadre/pagination.hpp"
#include "onboarding_json.hpp"
#include "onboarding_routes.hpp"
#include "onboarding_templates.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

namespace {

constexpr std::int64_t kMaxOffsetDays = 730;

void positive(JsonFields& in, const std::string& field, const std::optional<std::int64_t>& id) {
  if (id && *id <= 0) in.addError(field, "must be a positive id");
}

std::vector<TemplateTask> readTasks(JsonFields& in) {
  const std::set<std::string> roles(onboardingOwnerRoles().begin(), onboardingOwnerRoles().end());
  std::vector<TemplateTask> tasks;
  auto items = in.optionalObjects("tasks", 200);
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto& item = items[i];
    TemplateTask task;
    task.title = item.requiredString("title", 1, 200);
    task.description = item.optionalString("description", 4000).value_or("");
    task.ownerRole = item.requiredEnum("ownerRole", roles);
    task.dueOffsetDays = item.requiredInt("dueOffsetDays");
    if (task.dueOffsetDays < -kMaxOffsetDays || task.dueOffsetDays > kMaxOffsetDays) {
      item.addError("dueOffsetDays",
                    "must be within " + std::to_string(kMaxOffsetDays) + " days of the start date");
    }
    task.order = item.optionalInt("order").value_or(static_cast<std::int64_t>(i) + 1);
    in.absorb(item);
    tasks.push_back(task);
  }
  return tasks;
}

OnboardingTemplate readTemplate(JsonFields& in) {
  OnboardingTemplate t;
  t.name = in.requiredString("name", 1, 200);
  t.orgUnitId = in.optionalInt("orgUnitId");
  t.positionId = in.optionalInt("positionId");
  positive(in, "orgUnitId", t.orgUnitId);
  positive(in, "positionId", t.positionId);
  if (t.orgUnitId.has_value() == t.positionId.has_value()) {
    in.addError("orgUnitId", "give exactly one of orgUnitId and positionId");
  }
  t.tasks = readTasks(in);
  auto trainings = in.optionalObjects("trainings", 50);
  for (std::size_t i = 0; i < trainings.size(); ++i) {
    auto program = trainings[i].requiredInt("programId");
    if (std::find(t.trainingProgramIds.begin(), t.trainingProgramIds.end(), program) !=
        t.trainingProgramIds.end()) {
      trainings[i].addError("programId", "is named twice");
    }
    in.absorb(trainings[i]);
    t.trainingProgramIds.push_back(program);
  }
  return t;
}

TrainingProgram readProgram(JsonFields& in) {
  TrainingProgram p;
  p.code = in.requiredString("code", 1, 50);
  p.name = in.requiredString("name", 1, 200);
  p.description = in.optionalString("description", 4000).value_or("");
  p.durationDays = in.optionalInt("durationDays");
  if (p.durationDays && (*p.durationDays < 0 || *p.durationDays > kMaxOffsetDays)) {
    in.addError("durationDays", "must be 0.." + std::to_string(kMaxOffsetDays));
  }
  return p;
}

class OnboardingTemplateRoutes {
 public:
  explicit OnboardingTemplateRoutes(const RouteContext& context) : context_(context) {}

 private:
  /// Runs `work` with the domain in a transaction of its own.
  template <typename Work>
  auto run(const Request& request, Work work, TxMode mode = TxMode::Write) {
    return context_.plugin.database().inTransaction(
        [&](Transaction& tx) {
          OnboardingTemplates templates(tx, *context_.org,
                                        requestTrail(context_.plugin.audit(), request));
          return work(templates, tx);
        },
        mode);
  }

  static void answer(Response& response, const OnboardingTemplate& t, int status = 200) {
    response.etag(t.version);
    response.json(templateJson(t), status);
  }

  static void answer(Response& response, const TrainingProgram& p, int status = 200) {
    response.etag(p.version);
    response.json(programJson(p), status);
  }

 public:
  void list(const Request& request, Response& response) {
    auto page = PageRequest::from(request, 50, 500);
    TemplateFilter filter;
    filter.orgUnitId = queryId(request, "orgUnitId");
    filter.positionId = queryId(request, "positionId");
    filter.afterId = cursorId(page);
    filter.limit = static_cast<std::int64_t>(page.limit) + 1;
    auto found = run(
        request,
        [&](OnboardingTemplates&, Transaction& tx) {
          std::vector<OnboardingTemplate> full;
          OnboardingTemplateStore store(tx);
          for (const auto& t : store.list(filter)) full.push_back(*store.find(t.id));
          return full;
        },
        TxMode::Read);
    if (wantsCsv(request)) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& t : found) {
        rows.push_back(
            {std::to_string(t.id), t.name, t.orgUnitId ? std::to_string(*t.orgUnitId) : "",
             t.positionId ? std::to_string(*t.positionId) : "", std::to_string(t.tasks.size())});
      }
      response.csv({"id", "name", "orgUnitId", "positionId", "tasks"}, rows,
                   "onboarding-templates.csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (std::size_t i = 0; i < found.size() && i < page.limit; ++i) {
      items->add(templateJson(found[i]));
    }
    std::optional<std::string> next;
    if (found.size() > page.limit) next = encodeCursor(std::to_string(found[page.limit - 1].id));
    response.page(items, next);
  }

  void read(const Request& request, Response& response) {
    auto id = request.idParam("id");
    answer(response,
           run(
               request, [&](OnboardingTemplates& t, Transaction&) { return t.require(id); },
               TxMode::Read));
  }

  void create(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    auto draft = readTemplate(in);
    in.finish();
    answer(response,
           run(request, [&](OnboardingTemplates& t, Transaction&) { return t.create(draft); }),
           201);
  }

  void replace(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto draft = readTemplate(in);
    in.finish();
    answer(response, run(request, [&](OnboardingTemplates& t, Transaction&) {
             auto version = t.require(id).version;
             request.requireVersion(version);
             return t.replace(id, version, draft);
           }));
  }

  void remove(const Request& request, Response& response) {
    auto id = request.idParam("id");
    run(request, [&](OnboardingTemplates& t, Transaction&) {
      auto version = t.require(id).version;
      request.requireVersion(version);
      t.remove(id, version);
      return 0;
    });
    response.noContent();
  }

  void programs(const Request& request, Response& response) {
    auto page = PageRequest::from(request, 50, 500);
    auto found = run(
        request,
        [&](OnboardingTemplates&, Transaction& tx) {
          return OnboardingTemplateStore(tx).programs(cursorId(page),
                                                      static_cast<std::int64_t>(page.limit) + 1);
        },
        TxMode::Read);
    if (wantsCsv(request)) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& p : found) {
        rows.push_back({std::to_string(p.id), p.code, p.name,
                        p.durationDays ? std::to_string(*p.durationDays) : ""});
      }
      response.csv({"id", "code", "name", "durationDays"}, rows, "training-programs.csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (std::size_t i = 0; i < found.size() && i < page.limit; ++i) {
      items->add(programJson(found[i]));
    }
    std::optional<std::string> next;
    if (found.size() > page.limit) next = encodeCursor(std::to_string(found[page.limit - 1].id));
    response.page(items, next);
  }

  void readProgram(const Request& request, Response& response) {
    auto id = request.idParam("id");
    answer(response,
           run(
               request, [&](OnboardingTemplates& t, Transaction&) { return t.requireProgram(id); },
               TxMode::Read));
  }

  void createProgram(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    auto draft = recruiting::readProgram(in);
    in.finish();
    answer(
        response,
        run(request, [&](OnboardingTemplates& t, Transaction&) { return t.createProgram(draft); }),
        201);
  }

  void replaceProgram(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto draft = recruiting::readProgram(in);
    in.finish();
    answer(response, run(request, [&](OnboardingTemplates& t, Transaction&) {
             auto version = t.requireProgram(id).version;
             request.requireVersion(version);
             return t.updateProgram(id, version, draft);
           }));
  }

 private:
  RouteContext context_;
};

}  // namespace

void registerOnboardingTemplateRoutes(const RouteContext& context) {
  auto routes = std::make_shared<OnboardingTemplateRoutes>(context);
  auto bind = [routes](void (OnboardingTemplateRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string base = "/api/v1/recruiting/onboarding-templates";
  const std::string one = base + "/{id}";
  const std::string programs = "/api/v1/recruiting/training-programs";
  auto& plugin = context.plugin;
  plugin.addRoute({"GET", base, hiringTeam(), bind(&OnboardingTemplateRoutes::list),
                   "List onboarding templates with their tasks; orgUnitId, positionId; CSV"});
  plugin.addRoute({"POST", base, hrRunners(), bind(&OnboardingTemplateRoutes::create),
                   "Create the onboarding template of an org unit or a position"});
  plugin.addRoute({"GET", one, hiringTeam(), bind(&OnboardingTemplateRoutes::read),
                   "Read an onboarding template"});
  plugin.addRoute({"PUT", one, hrRunners(), bind(&OnboardingTemplateRoutes::replace),
                   "Replace an onboarding template, its tasks and programs (If-Match)"});
  plugin.addRoute({"DELETE", one, hrRunners(), bind(&OnboardingTemplateRoutes::remove),
                   "Delete an onboarding template no plan was made from (If-Match)"});
  plugin.addRoute({"GET", programs, hiringTeam(), bind(&OnboardingTemplateRoutes::programs),
                   "List training programs; CSV"});
  plugin.addRoute({"POST", programs, hrRunners(), bind(&OnboardingTemplateRoutes::createProgram),
                   "Create a training program"});
  plugin.addRoute({"GET", programs + "/{id}", hiringTeam(),
                   bind(&OnboardingTemplateRoutes::readProgram), "Read a training program"});
  plugin.addRoute({"PUT", programs + "/{id}", hrRunners(),
                   bind(&OnboardingTemplateRoutes::replaceProgram),
                   "Change a training program (If-Match)"});
}

}  // namespace cadre::recruiting
