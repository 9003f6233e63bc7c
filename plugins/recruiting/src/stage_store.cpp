#include "stage_store.hpp"

#include "cadre/http.hpp"

namespace cadre::recruiting {

namespace {

constexpr const char* kTemplateColumns =
    "SELECT id, name, is_default, version FROM recruiting_stage_templates ";

StageTemplate templateOf(const SqlRow& row) {
  StageTemplate t;
  t.id = row.getInt(0);
  t.name = row.getString(1);
  t.isDefault = row.getInt(2) != 0;
  t.version = row.getInt(3);
  return t;
}

}  // namespace

std::vector<StageTemplate> StageStore::templates() {
  std::vector<StageTemplate> result;
  for (const auto& row : tx_.query(std::string(kTemplateColumns) + "ORDER BY id")) {
    result.push_back(templateOf(row));
  }
  for (const auto& row : tx_.query(
           "SELECT template_id, code, name, kind FROM recruiting_stage_template_stages ORDER BY "
           "template_id, stage_order, id")) {
    for (auto& t : result) {
      if (t.id == row.getInt(0)) {
        t.stages.push_back({row.getString(1), row.getString(2), row.getString(3)});
      }
    }
  }
  return result;
}

std::optional<StageTemplate> StageStore::findTemplate(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kTemplateColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  auto t = templateOf(*row);
  for (const auto& stage : tx_.query(
           "SELECT code, name, kind FROM recruiting_stage_template_stages WHERE template_id = ? "
           "ORDER BY stage_order, id",
           {id})) {
    t.stages.push_back({stage.getString(0), stage.getString(1), stage.getString(2)});
  }
  return t;
}

bool StageStore::templateNameTaken(const std::string& name, std::int64_t exceptId) {
  return tx_
      .queryOne("SELECT 1 FROM recruiting_stage_templates WHERE name = ? AND id <> ?",
                {name, exceptId})
      .has_value();
}

std::int64_t StageStore::insertTemplate(const StageTemplate& t) {
  auto id = tx_.insert(
      "INSERT INTO recruiting_stage_templates (name, is_default, version) VALUES (?, ?, 1)",
      {t.name, std::int64_t{t.isDefault ? 1 : 0}});
  writeTemplateStages(id, t.stages);
  return id;
}

void StageStore::updateTemplate(const StageTemplate& t) {
  auto changed = tx_.execute(
      "UPDATE recruiting_stage_templates SET name = ?, is_default = ?, version = version + 1 "
      "WHERE id = ? AND version = ?",
      {t.name, std::int64_t{t.isDefault ? 1 : 0}, t.id, t.version});
  if (changed != 1) {
    throw HttpError::conflict("stage template " + std::to_string(t.id) +
                              " was changed meanwhile; read it again");
  }
  tx_.execute("DELETE FROM recruiting_stage_template_stages WHERE template_id = ?", {t.id});
  writeTemplateStages(t.id, t.stages);
}

void StageStore::clearDefaultExcept(std::int64_t id) {
  tx_.execute(
      "UPDATE recruiting_stage_templates SET is_default = 0, version = version + 1 WHERE "
      "is_default <> 0 AND id <> ?",
      {id});
}

void StageStore::writeTemplateStages(std::int64_t templateId,
                                     const std::vector<StageSpec>& stages) {
  std::int64_t order = 0;
  for (const auto& s : stages) {
    tx_.execute(
        "INSERT INTO recruiting_stage_template_stages (template_id, code, name, stage_order, "
        "kind) VALUES (?, ?, ?, ?, ?)",
        {templateId, s.code, s.name, ++order, s.kind});
  }
}

bool StageStore::stageUsed(std::int64_t stageId) {
  return tx_
      .queryOne(
          "SELECT 1 FROM recruiting_applications WHERE stage_id = ? UNION ALL SELECT 1 FROM "
          "recruiting_stage_moves WHERE to_stage_id = ? OR from_stage_id = ?",
          {stageId, stageId, stageId})
      .has_value();
}

void StageStore::insertStage(std::int64_t requisitionId, const StageSpec& s, std::int64_t order) {
  tx_.execute(
      "INSERT INTO recruiting_requisition_stages (requisition_id, code, name, stage_order, kind) "
      "VALUES (?, ?, ?, ?, ?)",
      {requisitionId, s.code, s.name, order, s.kind});
}

void StageStore::updateStage(std::int64_t stageId, const StageSpec& s, std::int64_t order) {
  tx_.execute(
      "UPDATE recruiting_requisition_stages SET name = ?, stage_order = ?, kind = ? WHERE id = ?",
      {s.name, order, s.kind, stageId});
}

void StageStore::deleteStage(std::int64_t stageId) {
  tx_.execute("DELETE FROM recruiting_requisition_stages WHERE id = ?", {stageId});
}

void StageStore::recomputeFurthest(std::int64_t requisitionId) {
  tx_.execute(
      "UPDATE recruiting_applications SET furthest_order = COALESCE((SELECT MAX(s.stage_order) "
      "FROM recruiting_stage_moves m JOIN recruiting_requisition_stages s ON s.id = "
      "m.to_stage_id WHERE m.application_id = recruiting_applications.id AND s.kind IN "
      "('active', 'hired')), 0) WHERE requisition_id = ?",
      {requisitionId});
}

void StageStore::touchRequisition(std::int64_t requisitionId, std::int64_t templateId,
                                  std::int64_t version) {
  auto changed = tx_.execute(
      "UPDATE recruiting_requisitions SET stage_template_id = ?, version = version + 1 WHERE "
      "id = ? AND version = ?",
      {templateId, requisitionId, version});
  if (changed != 1) {
    throw HttpError::conflict("requisition " + std::to_string(requisitionId) +
                              " was changed meanwhile; read it again");
  }
}

}  // namespace cadre::recruiting
