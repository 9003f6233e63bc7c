#include "stage_templates.hpp"

#include <map>
#include <set>

#include "application_json.hpp"
#include "application_store.hpp"
#include "cadre/json_text.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

namespace {

bool isStageCode(const std::string& code) {
  if (code.empty() || code.size() > 40 || code[0] < 'a' || code[0] > 'z') return false;
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

std::vector<FieldError> stageListProblems(const std::vector<StageSpec>& stages) {
  std::vector<FieldError> problems;
  if (stages.size() > 30) problems.push_back({"stages", "may hold at most 30 stages"});
  std::set<std::string> codes;
  std::map<std::string, int> kinds;
  bool terminalSeen = false;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const auto& s = stages[i];
    const std::string at = "stages[" + std::to_string(i) + "]";
    if (!isStageCode(s.code)) {
      problems.push_back({at + ".code", "must be lower-case letters, digits and _ (up to 40)"});
    } else if (!codes.insert(s.code).second) {
      problems.push_back({at + ".code", "is used by an earlier stage"});
    }
    ++kinds[s.kind];
    if (s.kind == "active" && terminalSeen) {
      problems.push_back({at + ".kind", "active stages come before hired, rejected and withdrawn"});
    }
    terminalSeen = terminalSeen || s.kind != "active";
  }
  if (kinds["active"] == 0) problems.push_back({"stages", "needs at least one active stage"});
  for (const char* kind : {"hired", "rejected", "withdrawn"}) {
    if (kinds[kind] != 1) {
      problems.push_back({"stages", std::string("needs exactly one ") + kind + " stage"});
    }
  }
  return problems;
}

StageTemplates::StageTemplates(Transaction& tx, AuditTrail trail)
    : tx_(tx), store_(tx), log_(tx, std::move(trail)) {}

std::vector<StageTemplate> StageTemplates::list() {
  return store_.templates();
}

StageTemplate StageTemplates::require(std::int64_t id) {
  return requireFound(store_.findTemplate(id), "stage template", id);
}

void StageTemplates::checkName(const StageTemplate& draft, std::int64_t exceptId) {
  if (store_.templateNameTaken(draft.name, exceptId)) {
    throw HttpError::conflict("a stage template named '" + draft.name + "' exists");
  }
}

StageTemplate StageTemplates::create(const StageTemplate& draft) {
  checkName(draft, 0);
  auto id = store_.insertTemplate(draft);
  if (draft.isDefault) store_.clearDefaultExcept(id);
  auto created = require(id);
  log_.record("stage_template", "created", id, nullptr, stageTemplateJson(created));
  return created;
}

StageTemplate StageTemplates::edit(std::int64_t id, std::int64_t version,
                                   const StageTemplate& draft) {
  auto before = require(id);
  if (before.isDefault && !draft.isDefault) {
    throw HttpError::unprocessable(
        "one template is always the default; make another one the "
        "default instead",
        {{"isDefault", "cannot be cleared on the default template"}});
  }
  checkName(draft, id);
  StageTemplate after = draft;
  after.id = id;
  after.version = version;
  store_.updateTemplate(after);
  if (after.isDefault) store_.clearDefaultExcept(id);
  after = require(id);
  log_.record("stage_template", "updated", id, stageTemplateJson(before), stageTemplateJson(after));
  return after;
}

std::vector<Stage> StageTemplates::setRequisitionStages(std::int64_t requisitionId,
                                                        std::int64_t version,
                                                        std::vector<StageSpec> stages,
                                                        std::optional<std::int64_t> templateId) {
  ApplicationStore applications(tx_);
  auto requisition =
      requireFound(applications.requisition(requisitionId), "requisition", requisitionId);
  if (requisition.state == "filled" || requisition.state == "cancelled") {
    throw HttpError::unprocessable("requisition " + std::to_string(requisitionId) + " is " +
                                   requisition.state + "; its stages stay as they were");
  }
  if (requisition.version != version) {
    throw HttpError::conflict("requisition " + std::to_string(requisitionId) +
                              " was changed meanwhile; read it again");
  }
  if (templateId) stages = require(*templateId).stages;
  auto before = applications.stages(requisitionId);
  std::map<std::string, const Stage*> kept;
  for (const auto& s : before) kept[s.code] = &s;
  for (const auto& s : before) {
    bool stays = false;
    for (const auto& spec : stages) stays = stays || spec.code == s.code;
    if (!stays && store_.stageUsed(s.id)) {
      throw HttpError::unprocessable("stage " + s.code + " holds or held applications; keep it",
                                     {{"stages", "must keep stage " + s.code}});
    }
    if (!stays) store_.deleteStage(s.id);
  }
  std::int64_t order = 0;
  for (const auto& spec : stages) {
    ++order;
    auto existing = kept.find(spec.code);
    if (existing == kept.end()) {
      store_.insertStage(requisitionId, spec, order);
      continue;
    }
    const Stage& stage = *existing->second;
    if (stage.kind != spec.kind && store_.stageUsed(stage.id)) {
      throw HttpError::unprocessable(
          "stage " + spec.code + " holds or held applications; its kind stays " + stage.kind,
          {{"stages", "must keep stage " + spec.code + " " + stage.kind}});
    }
    store_.updateStage(stage.id, spec, order);
  }
  store_.recomputeFurthest(requisitionId);
  store_.touchRequisition(requisitionId, templateId.value_or(requisition.stageTemplateId), version);
  auto after = applications.stages(requisitionId);
  log_.record("requisition", "stages_changed", requisitionId,
              requisitionStagesJson(requisitionId, before),
              requisitionStagesJson(requisitionId, after));
  return after;
}

}  // namespace cadre::recruiting
