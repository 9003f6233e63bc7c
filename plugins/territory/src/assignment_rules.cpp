#include "assignment_rules.hpp"

#include <map>

#include "cadre/dates.hpp"
#include "cadre/http.hpp"
#include "cadre/territory/org_directory.hpp"

namespace cadre::territory {

namespace {

bool sameOrUnset(const std::optional<std::string>& wanted, const std::string& actual) {
  return !wanted || *wanted == actual;
}

}  // namespace

bool ruleMatches(const AssignmentRule& rule, const Account& account) {
  return sameOrUnset(rule.region, account.region) && sameOrUnset(rule.industry, account.industry) &&
         sameOrUnset(rule.size, account.size) &&
         (!rule.postalPrefix || account.postalCode.rfind(*rule.postalPrefix, 0) == 0);
}

std::optional<AssignmentRule> firstMatch(const std::vector<AssignmentRule>& rules,
                                         const Account& account) {
  for (const auto& rule : rules) {
    if (ruleMatches(rule, account)) return rule;
  }
  return std::nullopt;
}

std::vector<RuleMove> AccountPlacement::preview(std::int64_t modelId, const std::string& date,
                                                bool overrideManual) {
  auto model = models_.requireModel(modelId);
  auto rules = rules_.ofModel(modelId);
  auto readOn = planDate(model, date);
  std::map<std::int64_t, AccountAssignment> placed;
  for (const auto& a : accounts_.assignmentsIn(modelId, readOn)) placed[a.accountId] = a;
  std::vector<RuleMove> moves;
  AccountFilter all;
  all.limit = INT64_MAX;
  for (const auto& account : accounts_.list(all)) {
    auto found = placed.find(account.id);
    std::optional<AccountAssignment> current;
    if (found != placed.end()) current = found->second;
    if (current && current->cause == "manual" && !overrideManual) continue;
    auto rule = firstMatch(rules, account);
    // A manual assignment that no rule claims stays where HR put it.
    if (!rule && (!current || current->cause == "manual")) continue;
    std::optional<std::int64_t> to =
        rule ? std::optional<std::int64_t>(rule->territoryId) : std::nullopt;
    std::optional<std::int64_t> ruleId =
        rule ? std::optional<std::int64_t>(rule->id) : std::nullopt;
    if (current && current->territoryId == to && current->cause == "rule" &&
        current->ruleId == ruleId) {
      continue;
    }
    RuleMove m{account.id, account.name, std::nullopt, std::nullopt, std::nullopt, to, ruleId};
    if (current) {
      m.fromTerritoryId = current->territoryId;
      m.fromCause = current->cause;
      m.fromRuleId = current->ruleId;
      m.fromAssignmentId = current->id;
    }
    moves.push_back(m);
  }
  return moves;
}

std::vector<RuleMove> AccountPlacement::apply(std::int64_t modelId, const std::string& date,
                                              bool overrideManual) {
  auto model = models_.requireWritable(modelId);
  auto moves = preview(modelId, date, overrideManual);
  auto latest = accounts_.latestStartsIn(modelId);
  std::vector<std::int64_t> ending;
  std::vector<std::int64_t> moved;
  std::vector<AccountAssignment> beginning;
  for (const auto& m : moves) {
    auto found = latest.find(m.accountId);
    checkDate(m.accountId, model, date,
              found == latest.end() ? std::nullopt : std::optional<std::string>(found->second));
    if (m.fromAssignmentId) ending.push_back(*m.fromAssignmentId);
    if (m.toTerritoryId) {
      beginning.push_back({0, m.accountId, *m.toTerritoryId, "rule", m.ruleId, date, kOpenEnd});
    }
    moved.push_back(m.accountId);
  }
  // Set-wise, so that re-running the rules over thousands of accounts stays a few statements.
  accounts_.endAssignments(ending, date);
  accounts_.addAssignments(beginning, actor_, nowTimestamp());
  accounts_.bumpVersions(moved);
  return moves;
}

AccountAssignment AccountPlacement::assignManually(std::int64_t accountId, std::int64_t territoryId,
                                                   const std::string& date) {
  if (!accounts_.find(accountId)) {
    throw HttpError::notFound("there is no account " + std::to_string(accountId));
  }
  auto territory = models_.requireTerritory(territoryId);
  auto model = models_.requireWritable(territory.modelId);
  auto current = accounts_.assignmentIn(accountId, model.id, planDate(model, date));
  if (current && current->territoryId == territoryId && current->cause == "manual") {
    throw HttpError::unprocessable("account " + std::to_string(accountId) +
                                       " is already assigned to territory " + territory.code +
                                       " by hand",
                                   {{"territoryId", "unchanged"}});
  }
  auto placed = move(accountId, model, current, territoryId, std::nullopt, date);
  accounts_.bumpVersion(accountId);
  return *placed;
}

std::optional<AccountAssignment> AccountPlacement::move(
    std::int64_t accountId, const TerritoryModel& model,
    const std::optional<AccountAssignment>& current, std::optional<std::int64_t> territoryId,
    std::optional<std::int64_t> ruleId, const std::string& date) {
  checkDate(accountId, model, date, [&]() -> std::optional<std::string> {
    auto latest = accounts_.latestIn(accountId, model.id);
    if (!latest) return std::nullopt;
    return latest->validFrom;
  }());
  // In a planning model dates are a draft; an end before the beginning is an empty period.
  if (current) {
    accounts_.endAssignment(current->id, std::max(date, current->validFrom));
  }
  if (!territoryId) return std::nullopt;
  AccountAssignment next{0,      accountId, *territoryId, ruleId ? "rule" : "manual",
                         ruleId, date,      kOpenEnd};
  next.id = accounts_.addAssignment(next, actor_, nowTimestamp());
  return next;
}

void AccountPlacement::checkDate(std::int64_t accountId, const TerritoryModel& model,
                                 const std::string& date,
                                 const std::optional<std::string>& latestStart) {
  // A planning model has no calendar yet: its dates are a draft.
  if (model.state == "planning") return;
  if (model.activatedOn && date < *model.activatedOn) {
    throw HttpError::unprocessable("territory model " + std::to_string(model.id) +
                                       " is active only from " + *model.activatedOn,
                                   {{"effectiveDate", "before the model became active"}});
  }
  if (latestStart && *latestStart > date) {
    throw HttpError::unprocessable(
        "account " + std::to_string(accountId) + " has an assignment from " + *latestStart +
            "; a change must be dated on or after it",
        {{"effectiveDate", "before the planned assignment of " + *latestStart}});
  }
}

AssignmentRule AccountPlacement::requireRule(std::int64_t id) {
  auto rule = rules_.find(id);
  if (!rule) throw HttpError::notFound("there is no territory rule " + std::to_string(id));
  return *rule;
}

void AccountPlacement::checkRule(const RuleDraft& draft, std::int64_t& modelId) {
  auto territory = models_.requireTerritory(draft.territoryId);
  models_.requireWritable(territory.modelId);
  if (modelId != 0 && modelId != territory.modelId) {
    throw HttpError::unprocessable("a rule cannot move to another model's territory",
                                   {{"territoryId", "not a territory of the rule's model"}});
  }
  modelId = territory.modelId;
}

AssignmentRule AccountPlacement::createRule(const RuleDraft& draft) {
  std::int64_t modelId = 0;
  checkRule(draft, modelId);
  AssignmentRule rule{0,
                      modelId,
                      draft.territoryId,
                      draft.priority,
                      draft.region,
                      draft.postalPrefix,
                      draft.industry,
                      draft.size,
                      1};
  auto id = rules_.insert(rule);
  TerritoryModelStore(tx_).bumpModelVersion(modelId);
  return requireRule(id);
}

AssignmentRule AccountPlacement::changeRule(std::int64_t id, const RuleDraft& draft) {
  auto rule = requireRule(id);
  models_.requireWritable(rule.modelId);
  checkRule(draft, rule.modelId);
  rule.territoryId = draft.territoryId;
  rule.priority = draft.priority;
  rule.region = draft.region;
  rule.postalPrefix = draft.postalPrefix;
  rule.industry = draft.industry;
  rule.size = draft.size;
  rules_.update(rule);
  TerritoryModelStore(tx_).bumpModelVersion(rule.modelId);
  return requireRule(id);
}

void AccountPlacement::deleteRule(std::int64_t id) {
  auto rule = requireRule(id);
  auto model = models_.requireModel(rule.modelId);
  if (model.state != "planning") {
    throw HttpError::unprocessable("rules are deleted only in planning models; territory model " +
                                   std::to_string(model.id) + " is " + model.state);
  }
  accounts_.forgetRule(id);
  rules_.remove(id);
  TerritoryModelStore(tx_).bumpModelVersion(rule.modelId);
}

}  // namespace cadre::territory
