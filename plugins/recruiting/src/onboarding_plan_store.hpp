#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "onboarding.hpp"

namespace cadre::recruiting {

/// An open task past its due date, with the plan it belongs to (for reminders).
struct OverdueTask {
  PlanTask task;
  std::int64_t employeeId = 0;
  std::optional<std::int64_t> managerEmployeeId;
};

/// The SQL of onboarding plans, their tasks and trainings.
class OnboardingPlanStore {
 public:
  explicit OnboardingPlanStore(Transaction& tx) : tx_(tx) {}

  /// The plan with its progress counted on `today`.
  std::optional<OnboardingPlan> find(std::int64_t id, const std::string& today);
  std::vector<OnboardingPlan> list(const PlanFilter& filter);
  /// The plan begun by a hire through this application, if any.
  std::optional<std::int64_t> forApplication(std::int64_t applicationId);
  /// The employee's plan that is not completed, if any.
  std::optional<std::int64_t> openFor(std::int64_t employeeId);
  /// Inserts the plan (version 1); returns its id.
  std::int64_t insert(const OnboardingPlan& plan);
  /// Writes manager, mentor and completion when the stored version is `version` (and raises
  /// it); false when it is not.
  bool update(const OnboardingPlan& plan, std::int64_t version);

  std::vector<PlanTask> tasks(std::int64_t planId);
  std::optional<PlanTask> findTask(std::int64_t planId, std::int64_t taskId);
  std::int64_t insertTask(const PlanTask& task);
  /// Marks the task done (at, by) or open again (nullopt) when the stored version is `version`.
  bool setTaskDone(std::int64_t taskId, std::int64_t version, const std::optional<std::string>& at,
                   const std::optional<std::string>& by);
  /// Gives the open tasks of a role in a plan to a person (the mentor named later).
  void assignRole(std::int64_t planId, const std::string& role,
                  const std::optional<std::int64_t>& employeeId);

  std::vector<PlanTraining> trainings(std::int64_t planId);
  void addTraining(std::int64_t planId, std::int64_t programId,
                   const std::optional<std::string>& dueDate);
  bool hasTraining(std::int64_t planId, std::int64_t programId);
  void setTrainingCompleted(std::int64_t planId, std::int64_t programId,
                            const std::optional<std::string>& at);
  void removeTraining(std::int64_t planId, std::int64_t programId);

  /// The open tasks of plans not completed that belong to the employee, and with `roles` those
  /// of the roles (hr, it) too, by due date.
  std::vector<PlanTask> openTasksOf(const std::optional<std::int64_t>& employeeId,
                                    const std::vector<std::string>& roles, std::int64_t limit);

  /// Open tasks of plans not completed, due before `today` and not yet reminded of (no
  /// notification "overdue-task:<id>"), oldest due first.
  std::vector<OverdueTask> overdue(const std::string& today, std::int64_t limit);

 private:
  Transaction& tx_;
};

}  // namespace cadre::recruiting
