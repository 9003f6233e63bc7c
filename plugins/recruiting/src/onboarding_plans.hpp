#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/audit_trail.hpp"
#include "cadre/territory/org_directory.hpp"
#include "onboarding.hpp"
#include "onboarding_plan_store.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

/// What HR asks for when a plan is made by hand (an employee hired outside recruiting).
struct PlanDraft {
  std::int64_t employeeId = 0;
  std::string startDate;
  /// Unset: the template that matches the employee's position or org unit.
  std::optional<std::int64_t> templateId;
  /// Unset: the employee's manager.
  std::optional<std::int64_t> managerEmployeeId;
  std::optional<std::int64_t> mentorEmployeeId;
};

/// A change of the people around a plan; unset fields stay, set ones (null clears the mentor).
struct PlanPeople {
  std::optional<std::optional<std::int64_t>> mentorEmployeeId;
  std::optional<std::int64_t> managerEmployeeId;
};

/// The rules of onboarding plans: a plan from the matching template on hire (its tasks due
/// relative to the start date, owned by the manager, mentor and new hire where the role has a
/// person; its training programs), who sees and changes what, task and training progress, and
/// completion (every task done and every training completed). Works in the caller's
/// transaction; every change is audited and published (recruiting.onboarding-plan.*,
/// recruiting.onboarding-task.*). Broken rules throw HttpError (403, 404, 409, 422).
class OnboardingPlans {
 public:
  OnboardingPlans(Transaction& tx, territory::OrgDirectory& org, AuditTrail trail)
      : tx_(tx), org_(org), trail_(std::move(trail)), store_(tx) {}

  /// Begins the plan of a hire; a second call for the same application returns the first plan.
  OnboardingPlan begin(const HireFacts& hire);
  /// A plan made by HR for an employee (422 naming a field that names no employee or template).
  OnboardingPlan create(const PlanDraft& draft);

  /// The plans `caller` sees (all for HR) that pass the filter.
  std::vector<OnboardingPlan> list(PlanFilter filter, const Caller& caller);
  /// The plan; 404 when there is none, 403 when `caller` may not see it.
  OnboardingPlan require(std::int64_t id, const Caller& caller);
  /// The tasks `caller` sees: all for HR, the manager and the mentor; their own for the new hire.
  std::vector<PlanTask> tasks(const OnboardingPlan& plan, const Caller& caller);
  std::vector<PlanTraining> trainings(const OnboardingPlan& plan);
  /// The open tasks waiting for `caller`: their own, and for HR those of HR and IT.
  std::vector<PlanTask> openTasksFor(const Caller& caller, std::int64_t limit);

  /// Names the mentor (HR or the plan's manager) or the manager (HR); the open tasks of the role
  /// pass to them. `version` is the plan's (409 when stale).
  OnboardingPlan assign(std::int64_t id, std::int64_t version, const PlanPeople& people,
                        const Caller& caller);
  /// Adds a task to a plan (HR or its manager).
  PlanTask addTask(std::int64_t planId, PlanTask task, const Caller& caller);
  /// Marks a task done or open again: HR, the task's owner, or the plan's manager for the
  /// manager's, mentor's and new hire's tasks. `version` (when given) must be the task's.
  PlanTask markTask(std::int64_t planId, std::int64_t taskId, bool done,
                    const std::optional<std::int64_t>& version, const Caller& caller);
  /// Assigns a training program (HR or the plan's manager); due `durationDays` after the start
  /// unless a date is given.
  PlanTraining addTraining(std::int64_t planId, std::int64_t programId,
                           const std::optional<std::string>& dueDate, const Caller& caller);
  /// Marks a training completed or not (HR, the manager or the mentor).
  PlanTraining markTraining(std::int64_t planId, std::int64_t programId, bool completed,
                            const Caller& caller);
  void removeTraining(std::int64_t planId, std::int64_t programId, const Caller& caller);

  /// Whether `caller` sees the plan: HR, its manager, its mentor, its new hire.
  static bool sees(const Caller& caller, const OnboardingPlan& plan);

 private:
  OnboardingPlan load(std::int64_t id);
  OnboardingPlan make(const OnboardingPlan& plan, const std::optional<OnboardingTemplate>& from);
  void requireSteward(const Caller& caller, const OnboardingPlan& plan, const std::string& what);
  std::optional<std::string> checkPerson(const std::optional<std::int64_t>& employeeId);
  PlanTraining requireTraining(std::int64_t planId, std::int64_t programId);
  /// Sets or clears the plan's completion after a task or training changed.
  void settle(std::int64_t planId);

  Transaction& tx_;
  territory::OrgDirectory& org_;
  AuditTrail trail_;
  OnboardingPlanStore store_;
};

/// `isoDate` plus `days` (negative: before it).
std::string addDays(const std::string& isoDate, std::int64_t days);

}  // namespace cadre::recruiting
