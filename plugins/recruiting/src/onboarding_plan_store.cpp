#include "onboarding_plan_store.hpp"

#include "cadre/sql_values.hpp"

namespace cadre::recruiting {

namespace {

// The plan's columns and its progress on a date (the first parameter).
const char* const kPlanSelect =
    "SELECT p.id, p.employee_id, p.application_id, p.template_id, p.manager_employee_id, "
    "p.mentor_employee_id, p.start_date, p.created_at, p.completed_at, p.version, "
    "(SELECT COUNT(*) FROM recruiting_onboarding_tasks t WHERE t.plan_id = p.id), "
    "(SELECT COUNT(*) FROM recruiting_onboarding_tasks t WHERE t.plan_id = p.id AND "
    "t.done_at IS NOT NULL), "
    "(SELECT COUNT(*) FROM recruiting_onboarding_tasks t WHERE t.plan_id = p.id AND "
    "t.done_at IS NULL AND t.due_date < ?), "
    "(SELECT COUNT(*) FROM recruiting_plan_trainings g WHERE g.plan_id = p.id), "
    "(SELECT COUNT(*) FROM recruiting_plan_trainings g WHERE g.plan_id = p.id AND "
    "g.completed_at IS NOT NULL) "
    "FROM recruiting_onboarding_plans p ";

const char* const kTaskColumns =
    "id, plan_id, title, description, owner_role, owner_employee_id, due_date, task_order, "
    "done_at, done_by, version";

OnboardingPlan planFrom(const SqlRow& row) {
  OnboardingPlan p;
  p.id = row.getInt(0);
  p.employeeId = row.getInt(1);
  p.applicationId = row.getOptionalInt(2);
  p.templateId = row.getOptionalInt(3);
  p.managerEmployeeId = row.getOptionalInt(4);
  p.mentorEmployeeId = row.getOptionalInt(5);
  p.startDate = row.getString(6);
  p.createdAt = row.getString(7);
  p.completedAt = row.getOptionalString(8);
  p.version = row.getInt(9);
  p.progress = {row.getInt(10), row.getInt(11), row.getInt(12), row.getInt(13), row.getInt(14)};
  return p;
}

PlanTask taskFrom(const SqlRow& row, std::size_t first = 0) {
  PlanTask t;
  t.id = row.getInt(first);
  t.planId = row.getInt(first + 1);
  t.title = row.getString(first + 2);
  t.description = row.getString(first + 3);
  t.ownerRole = row.getString(first + 4);
  t.ownerEmployeeId = row.getOptionalInt(first + 5);
  t.dueDate = row.getString(first + 6);
  t.order = row.getInt(first + 7);
  t.doneAt = row.getOptionalString(first + 8);
  t.doneBy = row.getOptionalString(first + 9);
  t.version = row.getInt(first + 10);
  return t;
}

}  // namespace

std::optional<OnboardingPlan> OnboardingPlanStore::find(std::int64_t id, const std::string& today) {
  auto row = tx_.queryOne(std::string(kPlanSelect) + "WHERE p.id = ?", {today, id});
  if (!row) return std::nullopt;
  return planFrom(*row);
}

std::vector<OnboardingPlan> OnboardingPlanStore::list(const PlanFilter& f) {
  std::int64_t employee = f.employeeId.value_or(0);
  std::int64_t manager = f.managerEmployeeId.value_or(0);
  std::int64_t visible = f.visibleTo.value_or(0);
  std::string state = f.state.value_or("");
  std::int64_t overdue = f.overdueOnly ? 1 : 0;
  std::vector<OnboardingPlan> out;
  for (const auto& row : tx_.query(
           std::string(kPlanSelect) +
               "WHERE p.id > ? AND (? = 0 OR p.employee_id = ?) AND (? = 0 OR "
               "p.manager_employee_id = ?) AND (? = 0 OR p.manager_employee_id = ? OR "
               "p.mentor_employee_id = ? OR p.employee_id = ?) AND (? = '' OR (? = 'open' AND "
               "p.completed_at IS NULL) OR (? = 'completed' AND p.completed_at IS NOT NULL)) "
               "AND (? = 0 OR EXISTS (SELECT 1 FROM recruiting_onboarding_tasks o WHERE "
               "o.plan_id = p.id AND o.done_at IS NULL AND o.due_date < ?)) ORDER BY p.id "
               "LIMIT ?",
           {f.today, f.afterId, employee, employee, manager, manager, visible, visible, visible,
            visible, state, state, state, overdue, f.today, f.limit})) {
    out.push_back(planFrom(row));
  }
  return out;
}

std::optional<std::int64_t> OnboardingPlanStore::forApplication(std::int64_t applicationId) {
  auto row = tx_.queryOne(
      "SELECT MIN(id) FROM recruiting_onboarding_plans WHERE application_id = ?", {applicationId});
  return row ? row->getOptionalInt(0) : std::nullopt;
}

std::optional<std::int64_t> OnboardingPlanStore::openFor(std::int64_t employeeId) {
  auto row = tx_.queryOne(
      "SELECT MIN(id) FROM recruiting_onboarding_plans WHERE employee_id = ? AND completed_at "
      "IS NULL",
      {employeeId});
  return row ? row->getOptionalInt(0) : std::nullopt;
}

std::int64_t OnboardingPlanStore::insert(const OnboardingPlan& p) {
  return tx_.insert(
      "INSERT INTO recruiting_onboarding_plans (employee_id, application_id, template_id, "
      "manager_employee_id, mentor_employee_id, start_date, created_at, version) VALUES (?, ?, "
      "?, ?, ?, ?, ?, 1)",
      {p.employeeId, nullable(p.applicationId), nullable(p.templateId),
       nullable(p.managerEmployeeId), nullable(p.mentorEmployeeId), p.startDate, p.createdAt});
}

bool OnboardingPlanStore::update(const OnboardingPlan& p, std::int64_t version) {
  return tx_.execute(
             "UPDATE recruiting_onboarding_plans SET manager_employee_id = ?, "
             "mentor_employee_id = ?, completed_at = ?, version = version + 1 WHERE id = ? AND "
             "version = ?",
             {nullable(p.managerEmployeeId), nullable(p.mentorEmployeeId), nullable(p.completedAt),
              p.id, version}) == 1;
}

std::vector<PlanTask> OnboardingPlanStore::tasks(std::int64_t planId) {
  std::vector<PlanTask> out;
  for (const auto& row : tx_.query(std::string("SELECT ") + kTaskColumns +
                                       " FROM recruiting_onboarding_tasks WHERE plan_id = ? "
                                       "ORDER BY task_order, id",
                                   {planId})) {
    out.push_back(taskFrom(row));
  }
  return out;
}

std::optional<PlanTask> OnboardingPlanStore::findTask(std::int64_t planId, std::int64_t taskId) {
  auto row = tx_.queryOne(std::string("SELECT ") + kTaskColumns +
                              " FROM recruiting_onboarding_tasks WHERE plan_id = ? AND id = ?",
                          {planId, taskId});
  if (!row) return std::nullopt;
  return taskFrom(*row);
}

std::int64_t OnboardingPlanStore::insertTask(const PlanTask& t) {
  return tx_.insert(
      "INSERT INTO recruiting_onboarding_tasks (plan_id, title, description, owner_role, "
      "owner_employee_id, due_date, task_order, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
      {t.planId, t.title, t.description, t.ownerRole, nullable(t.ownerEmployeeId), t.dueDate,
       t.order});
}

bool OnboardingPlanStore::setTaskDone(std::int64_t taskId, std::int64_t version,
                                      const std::optional<std::string>& at,
                                      const std::optional<std::string>& by) {
  return tx_.execute(
             "UPDATE recruiting_onboarding_tasks SET done_at = ?, done_by = ?, version = "
             "version + 1 WHERE id = ? AND version = ?",
             {nullable(at), nullable(by), taskId, version}) == 1;
}

void OnboardingPlanStore::assignRole(std::int64_t planId, const std::string& role,
                                     const std::optional<std::int64_t>& employeeId) {
  tx_.execute(
      "UPDATE recruiting_onboarding_tasks SET owner_employee_id = ?, version = version + 1 "
      "WHERE plan_id = ? AND owner_role = ? AND done_at IS NULL",
      {nullable(employeeId), planId, role});
}

std::vector<PlanTraining> OnboardingPlanStore::trainings(std::int64_t planId) {
  std::vector<PlanTraining> out;
  for (const auto& row :
       tx_.query("SELECT g.program_id, p.code, p.name, g.due_date, g.completed_at FROM "
                 "recruiting_plan_trainings g JOIN recruiting_training_programs p ON p.id = "
                 "g.program_id WHERE g.plan_id = ? ORDER BY p.code",
                 {planId})) {
    out.push_back({row.getInt(0), row.getString(1), row.getString(2), row.getOptionalString(3),
                   row.getOptionalString(4)});
  }
  return out;
}

void OnboardingPlanStore::addTraining(std::int64_t planId, std::int64_t programId,
                                      const std::optional<std::string>& dueDate) {
  tx_.execute(
      "INSERT INTO recruiting_plan_trainings (plan_id, program_id, due_date) VALUES (?, ?, ?)",
      {planId, programId, nullable(dueDate)});
}

bool OnboardingPlanStore::hasTraining(std::int64_t planId, std::int64_t programId) {
  return tx_
      .queryOne("SELECT 1 FROM recruiting_plan_trainings WHERE plan_id = ? AND program_id = ?",
                {planId, programId})
      .has_value();
}

void OnboardingPlanStore::setTrainingCompleted(std::int64_t planId, std::int64_t programId,
                                               const std::optional<std::string>& at) {
  tx_.execute(
      "UPDATE recruiting_plan_trainings SET completed_at = ? WHERE plan_id = ? AND program_id = ?",
      {nullable(at), planId, programId});
}

void OnboardingPlanStore::removeTraining(std::int64_t planId, std::int64_t programId) {
  tx_.execute("DELETE FROM recruiting_plan_trainings WHERE plan_id = ? AND program_id = ?",
              {planId, programId});
}

std::vector<PlanTask> OnboardingPlanStore::openTasksOf(
    const std::optional<std::int64_t>& employeeId, const std::vector<std::string>& roles,
    std::int64_t limit) {
  std::int64_t owner = employeeId.value_or(0);
  // At most two roles (hr, it): two fixed placeholders, '' for none.
  std::string first = roles.size() > 0 ? roles[0] : "";
  std::string second = roles.size() > 1 ? roles[1] : "";
  std::vector<PlanTask> out;
  for (const auto& row :
       tx_.query("SELECT t.id, t.plan_id, t.title, t.description, t.owner_role, "
                 "t.owner_employee_id, t.due_date, t.task_order, t.done_at, t.done_by, "
                 "t.version FROM recruiting_onboarding_tasks t JOIN recruiting_onboarding_plans "
                 "p ON p.id = t.plan_id WHERE t.done_at IS NULL AND p.completed_at IS NULL AND "
                 "((? <> 0 AND t.owner_employee_id = ?) OR t.owner_role IN (?, ?)) ORDER BY "
                 "t.due_date, t.id LIMIT ?",
                 {owner, owner, first, second, limit})) {
    out.push_back(taskFrom(row));
  }
  return out;
}

std::vector<OverdueTask> OnboardingPlanStore::overdue(const std::string& today,
                                                      std::int64_t limit) {
  std::vector<OverdueTask> out;
  for (const auto& row :
       tx_.query("SELECT t.id, t.plan_id, t.title, t.description, t.owner_role, "
                 "t.owner_employee_id, t.due_date, t.task_order, t.done_at, t.done_by, "
                 "t.version, p.employee_id, p.manager_employee_id FROM "
                 "recruiting_onboarding_tasks t JOIN recruiting_onboarding_plans p ON p.id = "
                 "t.plan_id WHERE t.done_at IS NULL AND t.due_date < ? AND p.completed_at IS "
                 "NULL AND NOT EXISTS (SELECT 1 FROM recruiting_notifications n WHERE "
                 "n.dedupe_key = 'overdue-task:' || CAST(t.id AS TEXT)) ORDER BY t.due_date, "
                 "t.id LIMIT ?",
                 {today, limit})) {
    out.push_back({taskFrom(row), row.getInt(11), row.getOptionalInt(12)});
  }
  return out;
}

}  // namespace cadre::recruiting
