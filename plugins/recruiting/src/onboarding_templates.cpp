#include "onboarding_templates.hpp"

#include "cadre/dates.hpp"
#include "cadre/http.hpp"
#include "change_log.hpp"
#include "onboarding_json.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

namespace {

// Deeper than any org; stops a walk up a tree that (wrongly) loops.
constexpr int kMaxDepth = 64;

void requireVersion(bool written, const std::string& what, std::int64_t id) {
  if (!written) {
    throw HttpError::conflict(what + " " + std::to_string(id) +
                              " was changed by someone else; read it again");
  }
}

}  // namespace

OnboardingTemplate OnboardingTemplates::require(std::int64_t id) {
  return requireFound(store_.find(id), "onboarding template", id);
}

void OnboardingTemplates::check(const OnboardingTemplate& draft, std::int64_t exceptId) {
  std::vector<FieldError> problems;
  const std::string asOf = today();
  if (draft.orgUnitId && !org_.findOrgUnit(tx_, *draft.orgUnitId, asOf)) {
    problems.push_back(
        {"orgUnitId", "there is no org unit " + std::to_string(*draft.orgUnitId) + " open today"});
  }
  if (draft.positionId && !org_.findPosition(tx_, *draft.positionId, asOf)) {
    problems.push_back({"positionId", "there is no position " + std::to_string(*draft.positionId) +
                                          " open today"});
  }
  for (std::size_t i = 0; i < draft.trainingProgramIds.size(); ++i) {
    auto program = draft.trainingProgramIds[i];
    if (!store_.findProgram(program)) {
      problems.push_back({"trainings[" + std::to_string(i) + "].programId",
                          "there is no training program " + std::to_string(program)});
    }
  }
  if (!problems.empty()) {
    throw HttpError::unprocessable("the template names what does not exist", problems);
  }
  auto taken = draft.positionId ? store_.forPosition(*draft.positionId)
                                : store_.forOrgUnit(draft.orgUnitId.value_or(0));
  if (taken && *taken != exceptId) {
    throw HttpError::conflict(
        std::string(draft.positionId ? "position " : "org unit ") +
        std::to_string(draft.positionId.value_or(draft.orgUnitId.value_or(0))) +
        " has onboarding template " + std::to_string(*taken) + " already; change that one");
  }
}

OnboardingTemplate OnboardingTemplates::create(const OnboardingTemplate& draft) {
  check(draft, 0);
  auto id = store_.insert(draft);
  auto created = require(id);
  ChangeLog(tx_, trail_)
      .record("onboarding-template", "created", id, nullptr, templateJson(created));
  return created;
}

OnboardingTemplate OnboardingTemplates::replace(std::int64_t id, std::int64_t version,
                                                const OnboardingTemplate& draft) {
  auto before = require(id);
  check(draft, id);
  requireVersion(store_.replace(id, version, draft), "onboarding template", id);
  auto after = require(id);
  ChangeLog(tx_, trail_)
      .record("onboarding-template", "updated", id, templateJson(before), templateJson(after));
  return after;
}

void OnboardingTemplates::remove(std::int64_t id, std::int64_t version) {
  auto before = require(id);
  requireVersion(before.version == version, "onboarding template", id);
  if (auto plans = store_.planCount(id)) {
    throw HttpError::unprocessable("onboarding template " + std::to_string(id) + " began " +
                                   std::to_string(plans) +
                                   " plan(s), which name it; change it instead");
  }
  store_.remove(id);
  ChangeLog(tx_, trail_)
      .record("onboarding-template", "deleted", id, templateJson(before), nullptr);
}

std::optional<OnboardingTemplate> OnboardingTemplates::match(
    const std::optional<std::int64_t>& positionId, const std::optional<std::int64_t>& orgUnitId,
    const std::string& asOf) {
  auto unit = orgUnitId;
  if (positionId) {
    if (auto id = store_.forPosition(*positionId)) return store_.find(*id);
    if (!unit) {
      if (auto position = org_.findPosition(tx_, *positionId, asOf)) unit = position->orgUnitId;
    }
  }
  for (int depth = 0; unit && depth < kMaxDepth; ++depth) {
    if (auto id = store_.forOrgUnit(*unit)) return store_.find(*id);
    auto record = org_.findOrgUnit(tx_, *unit, asOf);
    unit = record ? record->parentId : std::nullopt;
  }
  return std::nullopt;
}

TrainingProgram OnboardingTemplates::requireProgram(std::int64_t id) {
  return requireFound(store_.findProgram(id), "training program", id);
}

TrainingProgram OnboardingTemplates::createProgram(const TrainingProgram& draft) {
  if (auto taken = store_.findProgramByCode(draft.code)) {
    throw HttpError::conflict("training program " + std::to_string(taken->id) + " has the code '" +
                              draft.code + "' already");
  }
  auto created = requireProgram(store_.insertProgram(draft));
  ChangeLog(tx_, trail_)
      .record("training-program", "created", created.id, nullptr, programJson(created));
  return created;
}

TrainingProgram OnboardingTemplates::updateProgram(std::int64_t id, std::int64_t version,
                                                   const TrainingProgram& draft) {
  auto before = requireProgram(id);
  auto taken = store_.findProgramByCode(draft.code);
  if (taken && taken->id != id) {
    throw HttpError::conflict("training program " + std::to_string(taken->id) + " has the code '" +
                              draft.code + "' already");
  }
  TrainingProgram changed = draft;
  changed.id = id;
  requireVersion(store_.updateProgram(changed, version), "training program", id);
  auto after = requireProgram(id);
  ChangeLog(tx_, trail_)
      .record("training-program", "updated", id, programJson(before), programJson(after));
  return after;
}

}  // namespace cadre::recruiting
