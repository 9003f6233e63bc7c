// HTTP for onboarding plans, their tasks and trainings: parse and validate, then
// OnboardingPlans does the work and checks who may.
#include <set>

#include <Poco/JSON/Array.h>

#include "cadre/dates.hpp"
#include "cadre/handler_support.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "cadre/pagination.hpp"
#include "onboarding_json.hpp"
#include "onboarding_plans.hpp"
#include "onboarding_routes.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

namespace {

/// An optional empty body: a JSON object without fields, or nothing at all.
void noFields(const Request& request) {
  if (!request.body.empty()) JsonFields(request.jsonObject()).finish();
}

class OnboardingPlanRoutes {
 public:
  explicit OnboardingPlanRoutes(const RouteContext& context) : context_(context) {}

 private:
  /// Runs `work` with the domain and the caller in a transaction of its own.
  template <typename Work>
  auto run(const Request& request, Work work, TxMode mode = TxMode::Write) {
    return context_.plugin.database().inTransaction(
        [&](Transaction& tx) {
          auto caller = callerOf(tx, *context_.org, request);
          OnboardingPlans plans(tx, *context_.org, requestTrail(context_.plugin.audit(), request));
          return work(plans, caller);
        },
        mode);
  }

  /// The plan with the tasks and trainings `caller` sees.
  static Poco::JSON::Object::Ptr detail(OnboardingPlans& plans, const OnboardingPlan& plan,
                                        const Caller& caller) {
    const std::string day = today();
    auto out = planJson(plan);
    Poco::JSON::Array::Ptr tasks = new Poco::JSON::Array;
    for (const auto& task : plans.tasks(plan, caller)) tasks->add(taskJson(task, day));
    out->set("tasks", tasks);
    Poco::JSON::Array::Ptr trainings = new Poco::JSON::Array;
    for (const auto& training : plans.trainings(plan)) trainings->add(trainingJson(training, day));
    out->set("trainings", trainings);
    return out;
  }

  void answerPlan(const Request& request, Response& response, std::int64_t id, int status = 200) {
    auto [version, body] = run(
        request,
        [&](OnboardingPlans& plans, const Caller& caller) {
          auto plan = plans.require(id, caller);
          return std::make_pair(plan.version, detail(plans, plan, caller));
        },
        TxMode::Read);
    response.etag(version);
    response.json(body, status);
  }

  static void answerTask(Response& response, const PlanTask& task, int status = 200) {
    response.etag(task.version);
    response.json(taskJson(task, today()), status);
  }

  void markTask(const Request& request, Response& response, bool done) {
    auto planId = request.idParam("id");
    auto taskId = request.idParam("taskId");
    noFields(request);
    auto version = request.ifMatchVersion();
    answerTask(response, run(request, [&](OnboardingPlans& plans, const Caller& caller) {
                 return plans.markTask(planId, taskId, done, version, caller);
               }));
  }

  void markTraining(const Request& request, Response& response, bool completed) {
    auto planId = request.idParam("id");
    auto programId = request.idParam("programId");
    noFields(request);
    auto training = run(request, [&](OnboardingPlans& plans, const Caller& caller) {
      return plans.markTraining(planId, programId, completed, caller);
    });
    response.json(trainingJson(training, today()));
  }

 public:
  void list(const Request& request, Response& response) {
    bool csv = wantsCsv(request);
    auto page = PageRequest::from(request, 50, 500);
    PlanFilter filter;
    filter.employeeId = queryId(request, "employeeId");
    filter.managerEmployeeId = queryId(request, "managerEmployeeId");
    filter.state = request.queryParam("state");
    if (filter.state && *filter.state != "open" && *filter.state != "completed") {
      throw HttpError::badRequest("state must be open or completed",
                                  {{"state", "must be open or completed"}});
    }
    auto overdue = request.queryParam("overdue");
    if (overdue && *overdue != "true" && *overdue != "false") {
      throw HttpError::badRequest("overdue must be true or false",
                                  {{"overdue", "must be true or false"}});
    }
    filter.overdueOnly = overdue == std::optional<std::string>("true");
    filter.today = today();
    filter.afterId = cursorId(page);
    filter.limit = csv ? 1000000 : static_cast<std::int64_t>(page.limit) + 1;
    auto found = run(
        request,
        [&](OnboardingPlans& plans, const Caller& caller) { return plans.list(filter, caller); },
        TxMode::Read);
    if (csv) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& plan : found) rows.push_back(planCsvRow(plan));
      response.csv(planCsvHeader(), rows, "onboarding-plans-" + filter.today + ".csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (std::size_t i = 0; i < found.size() && i < page.limit; ++i) {
      items->add(planJson(found[i]));
    }
    std::optional<std::string> next;
    if (found.size() > page.limit) next = encodeCursor(std::to_string(found[page.limit - 1].id));
    response.page(items, next);
  }

  void read(const Request& request, Response& response) {
    answerPlan(request, response, request.idParam("id"));
  }

  void create(const Request& request, Response& response) {
    auto body = request.jsonObject();
    JsonFields in(body);
    PlanDraft draft;
    draft.employeeId = in.requiredInt("employeeId");
    draft.startDate = in.requiredDate("startDate");
    draft.templateId = in.optionalInt("templateId");
    draft.managerEmployeeId = in.optionalInt("managerEmployeeId");
    draft.mentorEmployeeId = in.optionalInt("mentorEmployeeId");
    in.finish();
    auto id =
        run(request, [&](OnboardingPlans& plans, const Caller&) { return plans.create(draft).id; });
    answerPlan(request, response, id, 201);
  }

  void edit(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto body = request.jsonObject();
    JsonFields in(body);
    PlanPeople people;
    people.mentorEmployeeId = nullableId(in, body, "mentorEmployeeId");
    people.managerEmployeeId = in.optionalInt("managerEmployeeId");
    in.finish();
    run(request, [&](OnboardingPlans& plans, const Caller& caller) {
      auto version = plans.require(id, caller).version;
      request.requireVersion(version);
      return plans.assign(id, version, people, caller);
    });
    answerPlan(request, response, id);
  }

  void addTask(const Request& request, Response& response) {
    auto planId = request.idParam("id");
    JsonFields in(request.jsonObject());
    const std::set<std::string> roles(onboardingOwnerRoles().begin(), onboardingOwnerRoles().end());
    PlanTask task;
    task.title = in.requiredString("title", 1, 200);
    task.description = in.optionalString("description", 4000).value_or("");
    task.ownerRole = in.requiredEnum("ownerRole", roles);
    task.dueDate = in.requiredDate("dueDate");
    task.order = in.optionalInt("order").value_or(0);
    in.finish();
    answerTask(
        response,
        run(request, [&](OnboardingPlans& plans,
                         const Caller& caller) { return plans.addTask(planId, task, caller); }),
        201);
  }

  void taskDone(const Request& request, Response& response) { markTask(request, response, true); }

  void taskReopen(const Request& request, Response& response) {
    markTask(request, response, false);
  }

  void addTraining(const Request& request, Response& response) {
    auto planId = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto programId = in.requiredInt("programId");
    auto dueDate = in.optionalDate("dueDate");
    in.finish();
    auto training = run(request, [&](OnboardingPlans& plans, const Caller& caller) {
      return plans.addTraining(planId, programId, dueDate, caller);
    });
    response.json(trainingJson(training, today()), 201);
  }

  void trainingCompleted(const Request& request, Response& response) {
    markTraining(request, response, true);
  }

  void trainingReopen(const Request& request, Response& response) {
    markTraining(request, response, false);
  }

  void removeTraining(const Request& request, Response& response) {
    auto planId = request.idParam("id");
    auto programId = request.idParam("programId");
    run(request, [&](OnboardingPlans& plans, const Caller& caller) {
      plans.removeTraining(planId, programId, caller);
      return 0;
    });
    response.noContent();
  }

  void myTasks(const Request& request, Response& response) {
    auto page = PageRequest::from(request, 100, 500);
    auto tasks = run(
        request,
        [&](OnboardingPlans& plans, const Caller& caller) {
          return plans.openTasksFor(caller, static_cast<std::int64_t>(page.limit));
        },
        TxMode::Read);
    const std::string day = today();
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& task : tasks) items->add(taskJson(task, day));
    response.page(items, std::nullopt);
  }

 private:
  RouteContext context_;
};

}  // namespace

void registerOnboardingPlanRoutes(const RouteContext& context) {
  auto routes = std::make_shared<OnboardingPlanRoutes>(context);
  auto bind = [routes](void (OnboardingPlanRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string base = "/api/v1/recruiting/onboarding-plans";
  const std::string one = base + "/{id}";
  const std::string task = one + "/tasks/{taskId}";
  const std::string training = one + "/trainings/{programId}";
  auto& plugin = context.plugin;
  auto add = [&](const std::string& method, const std::string& pattern, Permission permission,
                 Handler handler, const std::string& summary) {
    Route route{method, pattern, std::move(permission), std::move(handler), summary};
    route.personalData = true;
    plugin.addRoute(route);
  };
  add("GET", base, anyEmployee(), bind(&OnboardingPlanRoutes::list),
      "List onboarding plans with progress (HR all; others those they manage, mentor or are "
      "the new hire of); employeeId, managerEmployeeId, state, overdue; CSV");
  add("POST", base, hrRunners(), bind(&OnboardingPlanRoutes::create),
      "Begin a plan for an employee from the matching (or a named) template");
  add("GET", base + "/my-tasks", anyEmployee(), bind(&OnboardingPlanRoutes::myTasks),
      "The open onboarding tasks waiting for the caller (for HR also HR's and IT's)");
  add("GET", one, anyEmployee(), bind(&OnboardingPlanRoutes::read),
      "Read a plan with the tasks the caller sees and its trainings");
  add("PATCH", one, anyEmployee(), bind(&OnboardingPlanRoutes::edit),
      "Name the mentor (HR, the manager) or the manager (HR) (If-Match)");
  add("POST", one + "/tasks", anyEmployee(), bind(&OnboardingPlanRoutes::addTask),
      "Add a task to a plan (HR, the manager)");
  add("POST", task + "/done", anyEmployee(), bind(&OnboardingPlanRoutes::taskDone),
      "Mark a task done (its owner, the manager, HR; If-Match optional)");
  add("POST", task + "/reopen", anyEmployee(), bind(&OnboardingPlanRoutes::taskReopen),
      "Mark a task open again");
  add("POST", one + "/trainings", anyEmployee(), bind(&OnboardingPlanRoutes::addTraining),
      "Assign a training program (HR, the manager)");
  add("POST", training + "/completed", anyEmployee(),
      bind(&OnboardingPlanRoutes::trainingCompleted),
      "Record a training completed (HR, the manager, the mentor)");
  add("POST", training + "/reopen", anyEmployee(), bind(&OnboardingPlanRoutes::trainingReopen),
      "Record a training not completed after all");
  add("DELETE", training, anyEmployee(), bind(&OnboardingPlanRoutes::removeTraining),
      "Remove a training program from a plan (HR, the manager)");
}

}  // namespace cadre::recruiting
