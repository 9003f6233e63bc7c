#include "onboarding_json.hpp"

#include <Poco/JSON/Array.h>

#include "cadre/json_text.hpp"

namespace cadre::recruiting {

namespace {

std::string text(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : "";
}

std::int64_t percentDone(const PlanProgress& p) {
  auto all = p.tasks + p.trainings;
  return all == 0 ? 0 : (p.done + p.trainingsCompleted) * 100 / all;
}

}  // namespace

Poco::JSON::Object::Ptr templateJson(const OnboardingTemplate& t) {
  auto out = orderedObject();
  out->set("id", t.id);
  out->set("name", t.name);
  setOptional(*out, "orgUnitId", t.orgUnitId);
  setOptional(*out, "positionId", t.positionId);
  Poco::JSON::Array::Ptr tasks = new Poco::JSON::Array;
  for (const auto& task : t.tasks) {
    auto item = orderedObject();
    item->set("id", task.id);
    item->set("title", task.title);
    item->set("description", task.description);
    item->set("ownerRole", task.ownerRole);
    item->set("dueOffsetDays", task.dueOffsetDays);
    item->set("order", task.order);
    tasks->add(item);
  }
  out->set("tasks", tasks);
  Poco::JSON::Array::Ptr trainings = new Poco::JSON::Array;
  for (auto program : t.trainingProgramIds) {
    auto item = orderedObject();
    item->set("programId", program);
    trainings->add(item);
  }
  out->set("trainings", trainings);
  out->set("version", t.version);
  return out;
}

Poco::JSON::Object::Ptr programJson(const TrainingProgram& p) {
  auto out = orderedObject();
  out->set("id", p.id);
  out->set("code", p.code);
  out->set("name", p.name);
  out->set("description", p.description);
  setOptional(*out, "durationDays", p.durationDays);
  out->set("version", p.version);
  return out;
}

Poco::JSON::Object::Ptr planJson(const OnboardingPlan& plan) {
  auto out = orderedObject();
  out->set("id", plan.id);
  out->set("employeeId", plan.employeeId);
  setOptional(*out, "applicationId", plan.applicationId);
  setOptional(*out, "templateId", plan.templateId);
  setOptional(*out, "managerEmployeeId", plan.managerEmployeeId);
  setOptional(*out, "mentorEmployeeId", plan.mentorEmployeeId);
  out->set("startDate", plan.startDate);
  out->set("createdAt", plan.createdAt);
  setOptional(*out, "completedAt", plan.completedAt);
  auto progress = orderedObject();
  progress->set("tasks", plan.progress.tasks);
  progress->set("done", plan.progress.done);
  progress->set("overdue", plan.progress.overdue);
  progress->set("trainings", plan.progress.trainings);
  progress->set("trainingsCompleted", plan.progress.trainingsCompleted);
  progress->set("percent", percentDone(plan.progress));
  out->set("progress", progress);
  out->set("version", plan.version);
  return out;
}

Poco::JSON::Object::Ptr taskJson(const PlanTask& task, const std::string& today) {
  auto out = orderedObject();
  out->set("id", task.id);
  out->set("planId", task.planId);
  out->set("title", task.title);
  out->set("description", task.description);
  out->set("ownerRole", task.ownerRole);
  setOptional(*out, "ownerEmployeeId", task.ownerEmployeeId);
  out->set("dueDate", task.dueDate);
  out->set("order", task.order);
  out->set("done", task.doneAt.has_value());
  setOptional(*out, "doneAt", task.doneAt);
  setOptional(*out, "doneBy", task.doneBy);
  out->set("overdue", !task.doneAt && task.dueDate < today);
  out->set("version", task.version);
  return out;
}

Poco::JSON::Object::Ptr trainingJson(const PlanTraining& training, const std::string& today) {
  auto out = orderedObject();
  out->set("programId", training.programId);
  out->set("code", training.code);
  out->set("name", training.name);
  setOptional(*out, "dueDate", training.dueDate);
  setOptional(*out, "completedAt", training.completedAt);
  out->set("overdue", !training.completedAt && training.dueDate && *training.dueDate < today);
  return out;
}

std::vector<std::string> planCsvHeader() {
  return {
      "id",    "employeeId", "managerEmployeeId", "mentorEmployeeId", "startDate", "completedAt",
      "tasks", "done",       "overdue",           "percent"};
}

std::vector<std::string> planCsvRow(const OnboardingPlan& plan) {
  const auto& p = plan.progress;
  return {std::to_string(plan.id),
          std::to_string(plan.employeeId),
          text(plan.managerEmployeeId),
          text(plan.mentorEmployeeId),
          plan.startDate,
          plan.completedAt.value_or(""),
          std::to_string(p.tasks),
          std::to_string(p.done),
          std::to_string(p.overdue),
          std::to_string(percentDone(p))};
}

}  // namespace cadre::recruiting
