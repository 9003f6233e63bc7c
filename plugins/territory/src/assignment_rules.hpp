#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "account_store.hpp"
#include "assignment_rule_store.hpp"
#include "cadre/database.hpp"
#include "territory_models.hpp"

namespace cadre::territory {

/// Whether every criterion the rule gives matches the account.
bool ruleMatches(const AssignmentRule& rule, const Account& account);
/// The first rule (in the order given) that matches the account.
std::optional<AssignmentRule> firstMatch(const std::vector<AssignmentRule>& rules,
                                         const Account& account);

/// One account that re-running the rules would move: from where (none when unassigned) to
/// where (none when no rule matches any more) and by which rule.
struct RuleMove {
  std::int64_t accountId = 0;
  std::string accountName;
  std::optional<std::int64_t> fromTerritoryId;
  std::optional<std::string> fromCause;
  std::optional<std::int64_t> fromRuleId;
  std::optional<std::int64_t> toTerritoryId;
  std::optional<std::int64_t> ruleId;
  /// The assignment that ends (internal: not shown).
  std::optional<std::int64_t> fromAssignmentId;
};

/// A rule as HR writes it; the model is the territory's.
struct RuleDraft {
  std::int64_t territoryId = 0;
  std::int64_t priority = 0;
  std::optional<std::string> region;
  std::optional<std::string> postalPrefix;
  std::optional<std::string> industry;
  std::optional<std::string> size;
};

/// Assigning accounts to territories, by hand or by the rules of a model, effective-dated.
/// Rules run only when asked: preview lists what would move and writes nothing; apply moves
/// exactly that. Manual assignments stay unless overrideManual. Every rule change bumps the
/// model's version, so an apply with the version its preview saw fails (409) when the rules
/// changed in between. Throws cadre::HttpError; leaves rollback to the caller.
class AccountPlacement {
 public:
  AccountPlacement(Transaction& tx, std::string actor)
      : tx_(tx), accounts_(tx), rules_(tx), models_(tx, actor), actor_(std::move(actor)) {}

  std::vector<RuleMove> preview(std::int64_t modelId, const std::string& date, bool overrideManual);
  std::vector<RuleMove> apply(std::int64_t modelId, const std::string& date, bool overrideManual);
  /// Puts an account in a territory from a date on (cause manual), ending its assignment in the
  /// territory's model there.
  AccountAssignment assignManually(std::int64_t accountId, std::int64_t territoryId,
                                   const std::string& date);

  AssignmentRule requireRule(std::int64_t id);
  AssignmentRule createRule(const RuleDraft& draft);
  AssignmentRule changeRule(std::int64_t id, const RuleDraft& draft);
  /// Deletes a rule of a planning model; assignments it made keep their cause.
  void deleteRule(std::int64_t id);

 private:
  std::optional<AccountAssignment> move(std::int64_t accountId, const TerritoryModel& model,
                                        const std::optional<AccountAssignment>& current,
                                        std::optional<std::int64_t> territoryId,
                                        std::optional<std::int64_t> ruleId,
                                        const std::string& date);
  void checkRule(const RuleDraft& draft, std::int64_t& modelId);
  void checkDate(std::int64_t accountId, const TerritoryModel& model, const std::string& date,
                 const std::optional<std::string>& latestStart);

  Transaction& tx_;
  AccountStore accounts_;
  AssignmentRuleStore rules_;
  TerritoryModels models_;
  std::string actor_;
};

}  // namespace cadre::territory
