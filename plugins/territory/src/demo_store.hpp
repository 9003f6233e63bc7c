#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/database.hpp"

namespace cadre::territory {

/// A sales territory as the demo writes it.
struct DemoTerritory {
  std::int64_t modelId = 0;
  std::optional<std::int64_t> parentId;
  std::string code;
  std::string name;
  std::string type;
};

/// A customer account as the demo writes it.
struct DemoAccount {
  std::string name;
  std::string region;
  std::string postalCode;
  std::string industry;
  std::string size;
  std::string externalId;
  double potential = 0;
};

/// What the demo writes: positions through StaffingPlan's rules; the sales side (models,
/// territories, accounts, rules, account and rep assignments) with its own SQL until it goes
/// through the sales rules — the one place that writes those tables directly.
class DemoStore {
 public:
  explicit DemoStore(Transaction& tx) : tx_(tx) {}

  /// An open, unfrozen position of one FTE in a unit from `openedOn` (StaffingPlan::open).
  std::int64_t addPosition(std::int64_t orgUnitId, const std::string& title, double budgetedCost,
                           const std::string& openedOn);
  /// A territory model; `activatedOn` is empty for a draft.
  std::int64_t addModel(const std::string& name, const std::string& state,
                        std::optional<std::int64_t> basedOn, const std::string& activatedOn);
  std::int64_t addTerritory(const DemoTerritory& territory);
  std::int64_t addAccount(const DemoAccount& account);
  /// An assignment rule matching region and size, in priority order.
  std::int64_t addRule(std::int64_t modelId, std::int64_t territoryId, std::int64_t priority,
                       const std::string& region, const std::string& size);
  /// An account placed in a territory by a rule from a date on.
  void assignAccount(std::int64_t territoryId, std::int64_t accountId, std::int64_t ruleId,
                     const std::string& validFrom, const std::string& recordedAt);
  /// A rep's seat in a territory for the period [validFrom, validTo).
  void addRepSeat(std::int64_t territoryId, std::int64_t employeeId, const std::string& role,
                  const std::string& validFrom, const std::string& validTo,
                  const std::string& recordedAt);

 private:
  Transaction& tx_;
};

}  // namespace cadre::territory
