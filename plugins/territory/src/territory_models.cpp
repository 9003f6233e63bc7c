#include "territory_models.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "account_store.hpp"
#include "assignment_rule_store.hpp"
#include "cadre/dates.hpp"
#include "cadre/http.hpp"
#include "rep_seat_store.hpp"

namespace cadre::territory {

namespace {

const char* kPlanDate = "9999-12-30";

std::string modelName(const TerritoryModel& model) {
  return "territory model " + std::to_string(model.id) + " (" + model.name + ")";
}

}  // namespace

std::string planDate(const TerritoryModel& model, const std::string& asOf) {
  return model.state == "planning" ? std::string(kPlanDate) : asOf;
}

TerritoryModel TerritoryModels::requireModel(std::int64_t id) {
  auto model = store_.model(id);
  if (!model) throw HttpError::notFound("there is no territory model " + std::to_string(id));
  return *model;
}

TerritoryModel TerritoryModels::requireWritable(std::int64_t id) {
  auto model = requireModel(id);
  if (model.state == "archived") {
    throw HttpError::unprocessable(modelName(model) + " is archived and read-only",
                                   {{"modelId", "archived model"}});
  }
  return model;
}

TerritoryModel TerritoryModels::requireActive() {
  auto model = store_.activeModel();
  if (!model) throw HttpError::unprocessable("there is no active territory model yet");
  return *model;
}

void TerritoryModels::checkName(const std::string& name, std::int64_t exceptId) {
  if (store_.modelNameTaken(name, exceptId)) {
    throw HttpError::conflict("a territory model named '" + name + "' exists");
  }
}

TerritoryModel TerritoryModels::create(const std::string& name, const std::string& activeFrom) {
  checkName(name, 0);
  TerritoryModel model;
  model.name = name;
  model.state = store_.activeModel() ? "planning" : "active";
  if (model.state == "active") model.activatedOn = activeFrom;
  return requireModel(store_.insertModel(model));
}

TerritoryModel TerritoryModels::rename(std::int64_t id, const std::string& name) {
  requireWritable(id);
  checkName(name, id);
  store_.renameModel(id, name);
  return requireModel(id);
}

TerritoryModel TerritoryModels::copy(std::int64_t sourceId, const std::string& name) {
  auto source = requireModel(sourceId);
  if (source.state == "archived") {
    throw HttpError::unprocessable("copy the active model or a planning one; " + modelName(source) +
                                   " is archived");
  }
  checkName(name, 0);
  TerritoryModel model;
  model.name = name;
  model.state = "planning";
  model.basedOnId = sourceId;
  auto id = store_.insertModel(model);
  copyContent(sourceId, id);
  return requireModel(id);
}

void TerritoryModels::copyContent(std::int64_t sourceId, std::int64_t targetId) {
  std::map<std::int64_t, std::int64_t> territoryIds;
  auto territories = store_.territories(sourceId);
  // Parents before children: insert in rounds until every territory has found its parent.
  while (territoryIds.size() < territories.size()) {
    std::size_t before = territoryIds.size();
    for (auto t : territories) {
      if (territoryIds.count(t.id)) continue;
      if (t.parentId && !territoryIds.count(*t.parentId)) continue;
      auto oldId = t.id;
      t.modelId = targetId;
      if (t.parentId) t.parentId = territoryIds.at(*t.parentId);
      territoryIds[oldId] = store_.insertTerritory(t);
    }
    if (territoryIds.size() == before) throw std::runtime_error("territory tree has a cycle");
  }
  AssignmentRuleStore rules(tx_);
  std::map<std::int64_t, std::int64_t> ruleIds;
  for (auto rule : rules.ofModel(sourceId)) {
    auto oldId = rule.id;
    rule.modelId = targetId;
    rule.territoryId = territoryIds.at(rule.territoryId);
    ruleIds[oldId] = rules.insert(rule);
  }
  auto now = nowTimestamp();
  AccountStore accounts(tx_);
  auto assignments = accounts.openIn(sourceId);
  for (auto& a : assignments) {
    a.territoryId = territoryIds.at(a.territoryId);
    if (a.ruleId) a.ruleId = ruleIds.at(*a.ruleId);
  }
  accounts.addAssignments(assignments, actor_, now);
  RepSeatStore seats(tx_);
  for (auto s : seats.openIn(sourceId)) {
    s.territoryId = territoryIds.at(s.territoryId);
    seats.insert(s, actor_, now);
  }
}

ModelComparison TerritoryModels::compare(std::int64_t modelId, std::int64_t baseId,
                                         const std::string& asOf) {
  ModelComparison result{requireModel(modelId), requireModel(baseId), asOf, {}, {}, {}};
  auto byCode = [&](std::int64_t id) {
    std::map<std::string, Territory> codes;
    for (const auto& t : store_.territories(id)) codes[t.code] = t;
    return codes;
  };
  auto base = byCode(baseId);
  auto plan = byCode(modelId);
  std::map<std::int64_t, std::string> codeOf;
  for (const auto& [code, t] : base) codeOf[t.id] = code;
  for (const auto& [code, t] : plan) codeOf[t.id] = code;
  auto parentCode = [&](const Territory& t) -> std::optional<std::string> {
    if (!t.parentId) return std::nullopt;
    return codeOf[*t.parentId];
  };
  std::set<std::string> codes;
  for (const auto& entry : base) codes.insert(entry.first);
  for (const auto& entry : plan) codes.insert(entry.first);
  for (const auto& code : codes) {
    TerritoryDifference d{code, {}, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    if (base.count(code)) d.before = base[code], d.beforeParentCode = parentCode(base[code]);
    if (plan.count(code)) d.after = plan[code], d.afterParentCode = parentCode(plan[code]);
    if (!d.before) d.changes.push_back("added");
    if (!d.after) d.changes.push_back("removed");
    if (d.before && d.after) {
      if (d.before->name != d.after->name) d.changes.push_back("renamed");
      if (d.beforeParentCode != d.afterParentCode) d.changes.push_back("moved");
      if (d.before->type != d.after->type) d.changes.push_back("retyped");
    }
    if (!d.changes.empty()) result.territories.push_back(d);
  }
  AccountStore accounts(tx_);
  std::map<std::int64_t, std::pair<std::optional<std::string>, std::optional<std::string>>> placed;
  for (const auto& a : accounts.assignmentsIn(baseId, planDate(result.base, asOf)))
    placed[a.accountId].first = codeOf[a.territoryId];
  for (const auto& a : accounts.assignmentsIn(modelId, planDate(result.model, asOf)))
    placed[a.accountId].second = codeOf[a.territoryId];
  for (const auto& [id, codesOf] : placed) {
    if (codesOf.first == codesOf.second) continue;
    auto account = accounts.find(id);
    result.accounts.push_back({id, account ? account->name : "", codesOf.first, codesOf.second});
  }
  RepSeatStore seats(tx_);
  std::map<std::int64_t, std::pair<std::set<std::string>, std::set<std::string>>> seated;
  for (const auto& s : seats.inModel(baseId, planDate(result.base, asOf)))
    seated[s.employeeId].first.insert(codeOf[s.territoryId]);
  for (const auto& s : seats.inModel(modelId, planDate(result.model, asOf)))
    seated[s.employeeId].second.insert(codeOf[s.territoryId]);
  for (const auto& [id, sets] : seated) {
    if (sets.first == sets.second) continue;
    result.reps.push_back(
        {id, {sets.first.begin(), sets.first.end()}, {sets.second.begin(), sets.second.end()}});
  }
  return result;
}

TerritoryModel TerritoryModels::activate(std::int64_t modelId, const std::string& date) {
  auto model = requireModel(modelId);
  if (model.state != "planning") {
    throw HttpError::unprocessable("only a planning model can be activated; " + modelName(model) +
                                   " is " + model.state);
  }
  auto active = store_.activeModel();
  if (active) {
    if (active->activatedOn && *active->activatedOn > date) {
      throw HttpError::unprocessable(modelName(*active) + " became active on " +
                                         *active->activatedOn +
                                         "; its successor cannot begin before that",
                                     {{"effectiveDate", "before " + *active->activatedOn}});
    }
    AccountStore(tx_).endModelAt(active->id, date);
    RepSeatStore(tx_).endModelAt(active->id, date);
    auto archived = *active;
    archived.state = "archived";
    archived.archivedOn = date;
    if (!store_.setModelState(active->id, "active", archived)) {
      throw HttpError::conflict(modelName(*active) + " was changed meanwhile; try again");
    }
  }
  AccountStore(tx_).beginModelAt(modelId, date);
  RepSeatStore(tx_).beginModelAt(modelId, date);
  auto next = model;
  next.state = "active";
  next.activatedOn = date;
  if (!store_.setModelState(modelId, "planning", next)) {
    throw HttpError::conflict(modelName(model) + " was changed meanwhile; try again");
  }
  return requireModel(modelId);
}

Territory TerritoryModels::requireTerritory(std::int64_t id) {
  auto territory = store_.territory(id);
  if (!territory) throw HttpError::notFound("there is no territory " + std::to_string(id));
  return *territory;
}

void TerritoryModels::checkType(const std::string& type) {
  if (!store_.typeExists(type)) {
    throw HttpError::unprocessable("territory type '" + type + "' is unknown",
                                   {{"type", "not a territory type"}});
  }
}

void TerritoryModels::checkParent(std::int64_t modelId, std::int64_t parentId,
                                  std::optional<std::int64_t> self) {
  auto parent = store_.territory(parentId);
  if (!parent || parent->modelId != modelId) {
    throw HttpError::unprocessable("territory " + std::to_string(parentId) +
                                       " is not in territory model " + std::to_string(modelId),
                                   {{"parentId", "not a territory of the same model"}});
  }
  if (self) {
    auto below = store_.subtree(*self);
    if (std::find(below.begin(), below.end(), parentId) != below.end()) {
      throw HttpError::unprocessable("territory " + std::to_string(parentId) + " is " +
                                         (parentId == *self ? "the territory itself" : "below it") +
                                         "; a territory cannot move under itself",
                                     {{"parentId", "would make a cycle"}});
    }
  }
}

Territory TerritoryModels::createTerritory(const TerritoryDraft& draft) {
  requireWritable(draft.modelId);
  checkType(draft.type);
  if (draft.parentId) checkParent(draft.modelId, *draft.parentId, std::nullopt);
  if (store_.territoryByCode(draft.modelId, draft.code)) {
    throw HttpError::conflict("territory model " + std::to_string(draft.modelId) +
                              " has a territory with code '" + draft.code + "'");
  }
  Territory t{0, draft.modelId, draft.parentId, draft.code, draft.name, draft.type, 1};
  return requireTerritory(store_.insertTerritory(t));
}

Territory TerritoryModels::changeTerritory(std::int64_t id, const TerritoryChange& change) {
  auto territory = requireTerritory(id);
  requireWritable(territory.modelId);
  if (change.name) territory.name = *change.name;
  if (change.type) {
    checkType(*change.type);
    territory.type = *change.type;
  }
  if (change.parentId) {
    if (*change.parentId) checkParent(territory.modelId, **change.parentId, id);
    territory.parentId = *change.parentId;
  }
  store_.updateTerritory(territory);
  return requireTerritory(id);
}

void TerritoryModels::deleteTerritory(std::int64_t id) {
  auto territory = requireTerritory(id);
  auto model = requireModel(territory.modelId);
  if (model.state != "planning") {
    throw HttpError::unprocessable("territories are deleted only in planning models; " +
                                   modelName(model) + " is " + model.state);
  }
  if (store_.hasContent(id)) {
    throw HttpError::unprocessable("territory " + territory.code +
                                   " still has sub-territories, rules, accounts or reps");
  }
  store_.deleteTerritory(id);
}

}  // namespace cadre::territory
