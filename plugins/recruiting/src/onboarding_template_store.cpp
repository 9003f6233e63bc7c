#include "onboarding_template_store.hpp"

#include "cadre/sql_values.hpp"

namespace cadre::recruiting {

namespace {

const char* const kProgramColumns = "id, code, name, description, duration_days, version";

OnboardingTemplate templateFrom(const SqlRow& row) {
  OnboardingTemplate t;
  t.id = row.getInt(0);
  t.name = row.getString(1);
  t.orgUnitId = row.getOptionalInt(2);
  t.positionId = row.getOptionalInt(3);
  t.version = row.getInt(4);
  return t;
}

TrainingProgram programFrom(const SqlRow& row) {
  TrainingProgram p;
  p.id = row.getInt(0);
  p.code = row.getString(1);
  p.name = row.getString(2);
  p.description = row.getString(3);
  p.durationDays = row.getOptionalInt(4);
  p.version = row.getInt(5);
  return p;
}

}  // namespace

std::optional<OnboardingTemplate> OnboardingTemplateStore::find(std::int64_t id) {
  auto row = tx_.queryOne(
      "SELECT id, name, org_unit_id, position_id, version FROM recruiting_onboarding_templates "
      "WHERE id = ?",
      {id});
  if (!row) return std::nullopt;
  auto t = templateFrom(*row);
  for (const auto& r : tx_.query(
           "SELECT id, title, description, owner_role, due_offset_days, task_order FROM "
           "recruiting_onboarding_template_tasks WHERE template_id = ? ORDER BY task_order, id",
           {id})) {
    t.tasks.push_back(
        {r.getInt(0), r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getInt(5)});
  }
  for (const auto& r : tx_.query(
           "SELECT program_id FROM recruiting_onboarding_template_trainings WHERE template_id = "
           "? ORDER BY program_id",
           {id})) {
    t.trainingProgramIds.push_back(r.getInt(0));
  }
  return t;
}

std::vector<OnboardingTemplate> OnboardingTemplateStore::list(const TemplateFilter& f) {
  std::int64_t unit = f.orgUnitId.value_or(0);
  std::int64_t position = f.positionId.value_or(0);
  std::vector<OnboardingTemplate> out;
  for (const auto& row :
       tx_.query("SELECT id, name, org_unit_id, position_id, version FROM "
                 "recruiting_onboarding_templates WHERE id > ? AND (? = 0 OR org_unit_id = ?) "
                 "AND (? = 0 OR position_id = ?) ORDER BY id LIMIT ?",
                 {f.afterId, unit, unit, position, position, f.limit})) {
    out.push_back(templateFrom(row));
  }
  return out;
}

std::optional<std::int64_t> OnboardingTemplateStore::forPosition(std::int64_t positionId) {
  auto row = tx_.queryOne(
      "SELECT MIN(id) FROM recruiting_onboarding_templates WHERE position_id = ?", {positionId});
  return row ? row->getOptionalInt(0) : std::nullopt;
}

std::optional<std::int64_t> OnboardingTemplateStore::forOrgUnit(std::int64_t orgUnitId) {
  auto row = tx_.queryOne(
      "SELECT MIN(id) FROM recruiting_onboarding_templates WHERE org_unit_id = ? AND "
      "position_id IS NULL",
      {orgUnitId});
  return row ? row->getOptionalInt(0) : std::nullopt;
}

std::int64_t OnboardingTemplateStore::insert(const OnboardingTemplate& draft) {
  auto id = tx_.insert(
      "INSERT INTO recruiting_onboarding_templates (name, org_unit_id, position_id, version) "
      "VALUES (?, ?, ?, 1)",
      {draft.name, nullable(draft.orgUnitId), nullable(draft.positionId)});
  insertParts(id, draft);
  return id;
}

bool OnboardingTemplateStore::replace(std::int64_t id, std::int64_t version,
                                      const OnboardingTemplate& draft) {
  if (tx_.execute(
          "UPDATE recruiting_onboarding_templates SET name = ?, org_unit_id = ?, "
          "position_id = ?, version = version + 1 WHERE id = ? AND version = ?",
          {draft.name, nullable(draft.orgUnitId), nullable(draft.positionId), id, version}) == 0) {
    return false;
  }
  tx_.execute("DELETE FROM recruiting_onboarding_template_tasks WHERE template_id = ?", {id});
  tx_.execute("DELETE FROM recruiting_onboarding_template_trainings WHERE template_id = ?", {id});
  insertParts(id, draft);
  return true;
}

void OnboardingTemplateStore::remove(std::int64_t id) {
  tx_.execute("DELETE FROM recruiting_onboarding_template_tasks WHERE template_id = ?", {id});
  tx_.execute("DELETE FROM recruiting_onboarding_template_trainings WHERE template_id = ?", {id});
  tx_.execute("DELETE FROM recruiting_onboarding_templates WHERE id = ?", {id});
}

std::int64_t OnboardingTemplateStore::planCount(std::int64_t id) {
  return tx_
      .queryOne("SELECT COUNT(*) FROM recruiting_onboarding_plans WHERE template_id = ?", {id})
      ->getInt(0);
}

void OnboardingTemplateStore::insertParts(std::int64_t id, const OnboardingTemplate& draft) {
  for (const auto& task : draft.tasks) {
    tx_.insert(
        "INSERT INTO recruiting_onboarding_template_tasks (template_id, title, description, "
        "owner_role, due_offset_days, task_order) VALUES (?, ?, ?, ?, ?, ?)",
        {id, task.title, task.description, task.ownerRole, task.dueOffsetDays, task.order});
  }
  for (auto program : draft.trainingProgramIds) {
    tx_.execute(
        "INSERT INTO recruiting_onboarding_template_trainings (template_id, program_id) VALUES "
        "(?, ?)",
        {id, program});
  }
}

std::optional<TrainingProgram> OnboardingTemplateStore::findProgram(std::int64_t id) {
  auto row = tx_.queryOne(
      std::string("SELECT ") + kProgramColumns + " FROM recruiting_training_programs WHERE id = ?",
      {id});
  if (!row) return std::nullopt;
  return programFrom(*row);
}

std::optional<TrainingProgram> OnboardingTemplateStore::findProgramByCode(const std::string& code) {
  auto row = tx_.queryOne(std::string("SELECT ") + kProgramColumns +
                              " FROM recruiting_training_programs WHERE code = ?",
                          {code});
  if (!row) return std::nullopt;
  return programFrom(*row);
}

std::vector<TrainingProgram> OnboardingTemplateStore::programs(std::int64_t afterId,
                                                               std::int64_t limit) {
  std::vector<TrainingProgram> out;
  for (const auto& row : tx_.query(std::string("SELECT ") + kProgramColumns +
                                       " FROM recruiting_training_programs WHERE id > ? ORDER "
                                       "BY id LIMIT ?",
                                   {afterId, limit})) {
    out.push_back(programFrom(row));
  }
  return out;
}

std::int64_t OnboardingTemplateStore::insertProgram(const TrainingProgram& p) {
  return tx_.insert(
      "INSERT INTO recruiting_training_programs (code, name, description, duration_days, "
      "version) VALUES (?, ?, ?, ?, 1)",
      {p.code, p.name, p.description, nullable(p.durationDays)});
}

bool OnboardingTemplateStore::updateProgram(const TrainingProgram& p, std::int64_t version) {
  return tx_.execute(
             "UPDATE recruiting_training_programs SET code = ?, name = ?, description = ?, "
             "duration_days = ?, version = version + 1 WHERE id = ? AND version = ?",
             {p.code, p.name, p.description, nullable(p.durationDays), p.id, version}) == 1;
}

}  // namespace cadre::recruiting
