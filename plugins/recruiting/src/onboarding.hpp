#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cadre::recruiting {

/// Who does an onboarding task: hr, it, manager, mentor or new_hire.
inline const std::vector<std::string>& onboardingOwnerRoles() {
  static const std::vector<std::string> roles{"hr", "it", "manager", "mentor", "new_hire"};
  return roles;
}

/// One task of a checklist template: due `dueOffsetDays` after the start date (negative:
/// before it), done in `order`.
struct TemplateTask {
  std::int64_t id = 0;
  std::string title;
  std::string description;
  std::string ownerRole = "hr";
  std::int64_t dueOffsetDays = 0;
  std::int64_t order = 0;
};

/// A checklist for the new hires of one org unit (and the units below it) or of one position.
struct OnboardingTemplate {
  std::int64_t id = 0;
  std::string name;
  /// Exactly one of the two is set.
  std::optional<std::int64_t> orgUnitId;
  std::optional<std::int64_t> positionId;
  std::vector<TemplateTask> tasks;
  /// Training programs every plan made from it assigns.
  std::vector<std::int64_t> trainingProgramIds;
  std::int64_t version = 0;
};

/// A course a new hire takes; `durationDays` after the start date is when it is due.
struct TrainingProgram {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string description;
  std::optional<std::int64_t> durationDays;
  std::int64_t version = 0;
};

/// One task of a plan, copied from the template (or added to the plan) with its due date and,
/// for the manager, mentor and new hire, the person behind the role.
struct PlanTask {
  std::int64_t id = 0;
  std::int64_t planId = 0;
  std::string title;
  std::string description;
  std::string ownerRole;
  std::optional<std::int64_t> ownerEmployeeId;
  std::string dueDate;
  std::int64_t order = 0;
  std::optional<std::string> doneAt;
  std::optional<std::string> doneBy;
  std::int64_t version = 0;
};

/// A training program assigned to a plan.
struct PlanTraining {
  std::int64_t programId = 0;
  std::string code;
  std::string name;
  std::optional<std::string> dueDate;
  std::optional<std::string> completedAt;
};

/// How far a plan has come: tasks done of all, and those overdue on a date.
struct PlanProgress {
  std::int64_t tasks = 0;
  std::int64_t done = 0;
  std::int64_t overdue = 0;
  std::int64_t trainings = 0;
  std::int64_t trainingsCompleted = 0;
};

/// A new hire's onboarding: who is hired, from when, by whom managed and mentored, and its
/// tasks and trainings.
struct OnboardingPlan {
  std::int64_t id = 0;
  std::int64_t employeeId = 0;
  std::optional<std::int64_t> applicationId;
  std::optional<std::int64_t> templateId;
  std::optional<std::int64_t> managerEmployeeId;
  std::optional<std::int64_t> mentorEmployeeId;
  std::string startDate;
  std::string createdAt;
  std::optional<std::string> completedAt;
  std::int64_t version = 0;
  /// Counted as of the day the plan was read.
  PlanProgress progress;
};

/// What a hire tells onboarding (the payload of the hire event).
struct HireFacts {
  std::optional<std::int64_t> applicationId;
  std::int64_t employeeId = 0;
  std::optional<std::int64_t> requisitionId;
  std::string startDate;
  std::optional<std::int64_t> positionId;
  std::optional<std::int64_t> orgUnitId;
  std::optional<std::int64_t> managerEmployeeId;
  std::optional<std::int64_t> mentorEmployeeId;
};

/// Filters of a plan list; unset ones do not filter.
struct PlanFilter {
  std::optional<std::int64_t> employeeId;
  std::optional<std::int64_t> managerEmployeeId;
  /// open (not completed) or completed.
  std::optional<std::string> state;
  /// Only plans with a task overdue on `today`.
  bool overdueOnly = false;
  /// Only plans this employee manages, mentors or is the new hire of (everyone but HR).
  std::optional<std::int64_t> visibleTo;
  /// The date overdue is counted on.
  std::string today;
  std::int64_t afterId = 0;
  std::int64_t limit = 50;
};

}  // namespace cadre::recruiting
