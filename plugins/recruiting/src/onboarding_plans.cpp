#include "onboarding_plans.hpp"

#include <algorithm>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timespan.h>

#include "cadre/dates.hpp"
#include "change_log.hpp"
#include "onboarding_json.hpp"
#include "onboarding_template_store.hpp"
#include "onboarding_templates.hpp"

namespace cadre::recruiting {

namespace {

std::optional<std::int64_t> ownerFor(const std::string& role, const OnboardingPlan& plan) {
  if (role == "manager") return plan.managerEmployeeId;
  if (role == "mentor") return plan.mentorEmployeeId;
  if (role == "new_hire") return plan.employeeId;
  return std::nullopt;  // hr and it: the role's people, whoever they are
}

bool managerMayTick(const std::string& role) {
  return role == "manager" || role == "mentor" || role == "new_hire";
}

void requireWritten(bool written, const std::string& what, std::int64_t id) {
  if (!written) {
    throw HttpError::conflict(what + " " + std::to_string(id) +
                              " was changed by someone else; read it again");
  }
}

}  // namespace

std::string addDays(const std::string& isoDate, std::int64_t days) {
  int tz = 0;
  Poco::DateTime date = Poco::DateTimeParser::parse("%Y-%m-%d", isoDate, tz);
  date += Poco::Timespan(static_cast<int>(days), 0, 0, 0, 0);
  return Poco::DateTimeFormatter::format(date, "%Y-%m-%d");
}

bool OnboardingPlans::sees(const Caller& caller, const OnboardingPlan& plan) {
  return caller.hr || caller.is(plan.managerEmployeeId) || caller.is(plan.mentorEmployeeId) ||
         caller.is(plan.employeeId);
}

OnboardingPlan OnboardingPlans::load(std::int64_t id) {
  return requireFound(store_.find(id, today()), "onboarding plan", id);
}

std::vector<OnboardingPlan> OnboardingPlans::list(PlanFilter filter, const Caller& caller) {
  if (!caller.hr) {
    // Others see the plans they manage, mentor or are the new hire of; without an employee,
    // none.
    if (!caller.employeeId) return {};
    filter.visibleTo = caller.employeeId;
  }
  return store_.list(filter);
}

OnboardingPlan OnboardingPlans::require(std::int64_t id, const Caller& caller) {
  auto plan = load(id);
  if (!sees(caller, plan)) {
    throw HttpError::forbidden("onboarding plan " + std::to_string(id) +
                               " is seen by HR, its manager, its mentor and its new hire only");
  }
  return plan;
}

void OnboardingPlans::requireSteward(const Caller& caller, const OnboardingPlan& plan,
                                     const std::string& what) {
  if (!caller.hr && !caller.is(plan.managerEmployeeId)) {
    throw HttpError::forbidden("only HR and the plan's manager " + what);
  }
}

std::optional<std::string> OnboardingPlans::checkPerson(
    const std::optional<std::int64_t>& employeeId) {
  if (!employeeId) return std::nullopt;
  auto person = org_.findEmployee(tx_, *employeeId, "");
  if (!person) return "there is no employee " + std::to_string(*employeeId);
  if (person->status == "terminated") {
    return "employee " + std::to_string(*employeeId) + " has left";
  }
  return std::nullopt;
}

OnboardingPlan OnboardingPlans::make(const OnboardingPlan& draft,
                                     const std::optional<OnboardingTemplate>& from) {
  OnboardingPlan plan = draft;
  plan.templateId = from ? std::optional<std::int64_t>(from->id) : std::nullopt;
  plan.createdAt = nowTimestamp();
  plan.id = store_.insert(plan);
  if (from) {
    for (const auto& t : from->tasks) {
      store_.insertTask({0, plan.id, t.title, t.description, t.ownerRole,
                         ownerFor(t.ownerRole, plan), addDays(plan.startDate, t.dueOffsetDays),
                         t.order, std::nullopt, std::nullopt, 0});
    }
    OnboardingTemplateStore programs(tx_);
    for (auto programId : from->trainingProgramIds) {
      auto program = programs.findProgram(programId);
      std::optional<std::string> due;
      if (program && program->durationDays) due = addDays(plan.startDate, *program->durationDays);
      store_.addTraining(plan.id, programId, due);
    }
  }
  auto created = load(plan.id);
  ChangeLog(tx_, trail_)
      .record("onboarding-plan", "created", created.id, nullptr, planJson(created));
  return created;
}

OnboardingPlan OnboardingPlans::begin(const HireFacts& hire) {
  if (hire.applicationId) {
    if (auto existing = store_.forApplication(*hire.applicationId)) return load(*existing);
  }
  if (auto open = store_.openFor(hire.employeeId)) return load(*open);
  OnboardingPlan plan;
  plan.employeeId = hire.employeeId;
  plan.applicationId = hire.applicationId;
  plan.startDate = hire.startDate;
  plan.managerEmployeeId = hire.managerEmployeeId;
  if (!plan.managerEmployeeId) {
    if (auto employee = org_.findEmployee(tx_, hire.employeeId, hire.startDate)) {
      plan.managerEmployeeId = employee->managerId;
    }
  }
  plan.mentorEmployeeId = hire.mentorEmployeeId;
  auto from =
      OnboardingTemplates(tx_, org_, trail_).match(hire.positionId, hire.orgUnitId, hire.startDate);
  return make(plan, from);
}

OnboardingPlan OnboardingPlans::create(const PlanDraft& draft) {
  std::vector<FieldError> problems;
  auto employee = org_.findEmployee(tx_, draft.employeeId, draft.startDate);
  if (!employee) employee = org_.findEmployee(tx_, draft.employeeId, "");
  if (!employee) {
    problems.push_back({"employeeId", "there is no employee " + std::to_string(draft.employeeId)});
  }
  if (auto problem = checkPerson(draft.managerEmployeeId)) {
    problems.push_back({"managerEmployeeId", *problem});
  }
  if (auto problem = checkPerson(draft.mentorEmployeeId)) {
    problems.push_back({"mentorEmployeeId", *problem});
  } else if (draft.mentorEmployeeId == draft.employeeId) {
    problems.push_back({"mentorEmployeeId", "a new hire does not mentor themself"});
  }
  OnboardingTemplates templates(tx_, org_, trail_);
  std::optional<OnboardingTemplate> from;
  if (draft.templateId) {
    from = OnboardingTemplateStore(tx_).find(*draft.templateId);
    if (!from) {
      problems.push_back(
          {"templateId", "there is no onboarding template " + std::to_string(*draft.templateId)});
    }
  }
  if (!problems.empty())
    throw HttpError::unprocessable("the plan names who is not there", problems);
  if (auto open = store_.openFor(draft.employeeId)) {
    throw HttpError::conflict("employee " + std::to_string(draft.employeeId) +
                              " has onboarding plan " + std::to_string(*open) + " open");
  }
  if (!draft.templateId)
    from = templates.match(employee->positionId, employee->orgUnitId, draft.startDate);
  OnboardingPlan plan;
  plan.employeeId = draft.employeeId;
  plan.startDate = draft.startDate;
  plan.managerEmployeeId = draft.managerEmployeeId ? draft.managerEmployeeId : employee->managerId;
  plan.mentorEmployeeId = draft.mentorEmployeeId;
  return make(plan, from);
}

std::vector<PlanTask> OnboardingPlans::tasks(const OnboardingPlan& plan, const Caller& caller) {
  auto all = store_.tasks(plan.id);
  if (caller.hr || caller.is(plan.managerEmployeeId) || caller.is(plan.mentorEmployeeId)) {
    return all;
  }
  std::vector<PlanTask> own;
  for (auto& task : all) {
    if (caller.is(task.ownerEmployeeId)) own.push_back(std::move(task));
  }
  return own;
}

std::vector<PlanTraining> OnboardingPlans::trainings(const OnboardingPlan& plan) {
  return store_.trainings(plan.id);
}

std::vector<PlanTask> OnboardingPlans::openTasksFor(const Caller& caller, std::int64_t limit) {
  std::vector<std::string> roles;
  if (caller.hr) roles = {"hr", "it"};
  if (!caller.employeeId && roles.empty()) return {};
  return store_.openTasksOf(caller.employeeId, roles, limit);
}

OnboardingPlan OnboardingPlans::assign(std::int64_t id, std::int64_t version,
                                       const PlanPeople& people, const Caller& caller) {
  auto before = require(id, caller);
  requireSteward(caller, before, "name the mentor");
  if (people.managerEmployeeId && !caller.hr) {
    throw HttpError::forbidden("only HR changes the manager of an onboarding plan");
  }
  std::vector<FieldError> problems;
  if (people.mentorEmployeeId) {
    const auto& mentor = *people.mentorEmployeeId;
    if (auto problem = checkPerson(mentor)) {
      problems.push_back({"mentorEmployeeId", *problem});
    } else if (mentor == before.employeeId) {
      problems.push_back({"mentorEmployeeId", "a new hire does not mentor themself"});
    }
  }
  if (auto problem = checkPerson(people.managerEmployeeId)) {
    problems.push_back({"managerEmployeeId", *problem});
  }
  if (!problems.empty())
    throw HttpError::unprocessable("the plan names who is not there", problems);
  OnboardingPlan after = before;
  if (people.mentorEmployeeId) after.mentorEmployeeId = *people.mentorEmployeeId;
  if (people.managerEmployeeId) after.managerEmployeeId = people.managerEmployeeId;
  requireWritten(store_.update(after, version), "onboarding plan", id);
  if (after.mentorEmployeeId != before.mentorEmployeeId) {
    store_.assignRole(id, "mentor", after.mentorEmployeeId);
  }
  if (after.managerEmployeeId != before.managerEmployeeId) {
    store_.assignRole(id, "manager", after.managerEmployeeId);
  }
  auto saved = load(id);
  ChangeLog(tx_, trail_)
      .record("onboarding-plan", "updated", id, planJson(before), planJson(saved));
  return saved;
}

PlanTask OnboardingPlans::addTask(std::int64_t planId, PlanTask task, const Caller& caller) {
  auto plan = require(planId, caller);
  requireSteward(caller, plan, "add tasks");
  task.planId = planId;
  task.ownerEmployeeId = ownerFor(task.ownerRole, plan);
  if (task.order <= 0) {
    std::int64_t last = 0;
    for (const auto& t : store_.tasks(planId)) last = std::max(last, t.order);
    task.order = last + 1;
  }
  auto id = store_.insertTask(task);
  auto added = *store_.findTask(planId, id);
  ChangeLog(tx_, trail_)
      .record("onboarding-task", "created", id, nullptr, taskJson(added, today()));
  settle(planId);
  return added;
}

PlanTask OnboardingPlans::markTask(std::int64_t planId, std::int64_t taskId, bool done,
                                   const std::optional<std::int64_t>& version,
                                   const Caller& caller) {
  auto plan = require(planId, caller);
  auto before = requireFound(store_.findTask(planId, taskId), "task of this plan", taskId);
  bool allowed = caller.hr || caller.is(before.ownerEmployeeId) ||
                 (caller.is(plan.managerEmployeeId) && managerMayTick(before.ownerRole));
  if (!allowed) {
    throw HttpError::forbidden("task " + std::to_string(taskId) + " is ticked off by " +
                               (before.ownerRole == "hr" || before.ownerRole == "it"
                                    ? std::string("HR")
                                    : "its owner, the plan's manager or HR"));
  }
  if (version && *version != before.version) {
    requireWritten(false, "task", taskId);
  }
  if (before.doneAt.has_value() == done) return before;
  std::optional<std::string> at;
  std::optional<std::string> by;
  if (done) {
    at = nowTimestamp();
    by = caller.username;
  }
  requireWritten(store_.setTaskDone(taskId, before.version, at, by), "task", taskId);
  auto after = *store_.findTask(planId, taskId);
  const std::string day = today();
  ChangeLog(tx_, trail_)
      .record("onboarding-task", done ? "done" : "reopened", taskId, taskJson(before, day),
              taskJson(after, day));
  settle(planId);
  return after;
}

PlanTraining OnboardingPlans::requireTraining(std::int64_t planId, std::int64_t programId) {
  for (auto& training : store_.trainings(planId)) {
    if (training.programId == programId) return training;
  }
  throw HttpError::notFound("onboarding plan " + std::to_string(planId) +
                            " has no training program " + std::to_string(programId));
}

PlanTraining OnboardingPlans::addTraining(std::int64_t planId, std::int64_t programId,
                                          const std::optional<std::string>& dueDate,
                                          const Caller& caller) {
  auto plan = require(planId, caller);
  requireSteward(caller, plan, "assign training");
  auto program = OnboardingTemplateStore(tx_).findProgram(programId);
  if (!program) {
    throw HttpError::unprocessable(
        "there is no such training program",
        {{"programId", "there is no training program " + std::to_string(programId)}});
  }
  if (store_.hasTraining(planId, programId)) {
    throw HttpError::conflict("onboarding plan " + std::to_string(planId) +
                              " has training program " + std::to_string(programId) + " already");
  }
  auto due = dueDate;
  if (!due && program->durationDays) due = addDays(plan.startDate, *program->durationDays);
  store_.addTraining(planId, programId, due);
  auto added = requireTraining(planId, programId);
  ChangeLog(tx_, trail_)
      .record("onboarding-plan", "training-added", planId, nullptr, trainingJson(added, today()));
  settle(planId);
  return added;
}

PlanTraining OnboardingPlans::markTraining(std::int64_t planId, std::int64_t programId,
                                           bool completed, const Caller& caller) {
  auto plan = require(planId, caller);
  if (!caller.hr && !caller.is(plan.managerEmployeeId) && !caller.is(plan.mentorEmployeeId)) {
    throw HttpError::forbidden("HR, the plan's manager and its mentor record training");
  }
  auto before = requireTraining(planId, programId);
  if (before.completedAt.has_value() == completed) return before;
  store_.setTrainingCompleted(
      planId, programId, completed ? std::optional<std::string>(nowTimestamp()) : std::nullopt);
  auto after = requireTraining(planId, programId);
  const std::string day = today();
  ChangeLog(tx_, trail_)
      .record("onboarding-plan", completed ? "training-completed" : "training-reopened", planId,
              trainingJson(before, day), trainingJson(after, day));
  settle(planId);
  return after;
}

void OnboardingPlans::removeTraining(std::int64_t planId, std::int64_t programId,
                                     const Caller& caller) {
  auto plan = require(planId, caller);
  requireSteward(caller, plan, "remove training");
  auto before = requireTraining(planId, programId);
  store_.removeTraining(planId, programId);
  ChangeLog(tx_, trail_)
      .record("onboarding-plan", "training-removed", planId, trainingJson(before, today()),
              nullptr);
  settle(planId);
}

void OnboardingPlans::settle(std::int64_t planId) {
  auto before = load(planId);
  const auto& p = before.progress;
  bool complete =
      p.tasks + p.trainings > 0 && p.done == p.tasks && p.trainingsCompleted == p.trainings;
  if (complete == before.completedAt.has_value()) return;
  OnboardingPlan after = before;
  after.completedAt = complete ? std::optional<std::string>(nowTimestamp()) : std::nullopt;
  requireWritten(store_.update(after, before.version), "onboarding plan", planId);
  auto saved = load(planId);
  ChangeLog(tx_, trail_)
      .record("onboarding-plan", complete ? "completed" : "reopened", planId, planJson(before),
              planJson(saved));
}

}  // namespace cadre::recruiting
