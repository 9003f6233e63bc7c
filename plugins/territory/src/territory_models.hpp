#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "territory_model_store.hpp"

namespace cadre::territory {

/// The date on which a model's plan is read. A planning model has no calendar yet: its open
/// periods are the plan, so it is read on the last day before kOpenEnd whatever was asked.
std::string planDate(const TerritoryModel& model, const std::string& asOf);

/// A new territory in a model.
struct TerritoryDraft {
  std::int64_t modelId = 0;
  std::string code;
  std::string name;
  std::string type;
  std::optional<std::int64_t> parentId;
};

/// What a change to a territory sets; unset members keep their value (a null parent makes it a
/// root).
struct TerritoryChange {
  std::optional<std::string> name;
  std::optional<std::optional<std::int64_t>> parentId;
  std::optional<std::string> type;
};

/// How a territory (by code) differs between two models. `changes` holds added, removed,
/// renamed, moved and retyped.
struct TerritoryDifference {
  std::string code;
  std::vector<std::string> changes;
  std::optional<Territory> before;
  std::optional<std::string> beforeParentCode;
  std::optional<Territory> after;
  std::optional<std::string> afterParentCode;
};

/// An account whose territory differs between two models (by code; none when unassigned).
struct AccountMove {
  std::int64_t accountId = 0;
  std::string accountName;
  std::optional<std::string> fromCode;
  std::optional<std::string> toCode;
};

/// A rep whose territories differ between two models (codes, sorted).
struct RepMove {
  std::int64_t employeeId = 0;
  std::vector<std::string> fromCodes;
  std::vector<std::string> toCodes;
};

/// What would change if `model` replaced `base`.
struct ModelComparison {
  TerritoryModel model;
  TerritoryModel base;
  std::string asOf;
  std::vector<TerritoryDifference> territories;
  std::vector<AccountMove> accounts;
  std::vector<RepMove> reps;
};

/// The rules of territory models and their territories: exactly one model is active; a planning
/// model is a sandbox copied from the active one, compared with it and activated on a date in
/// one transaction; an archived model is read-only. Throws cadre::HttpError (404 unknown,
/// 409 taken, 422 a rule) and leaves rollback to the caller's transaction.
class TerritoryModels {
 public:
  TerritoryModels(Transaction& tx, std::string actor)
      : tx_(tx), store_(tx), actor_(std::move(actor)) {}

  TerritoryModel requireModel(std::int64_t id);
  /// The model, unless it is archived (422 naming it).
  TerritoryModel requireWritable(std::int64_t id);
  /// The active model, or 422 when there is none yet.
  TerritoryModel requireActive();
  /// The first model becomes active from `activeFrom`; later ones start as planning.
  TerritoryModel create(const std::string& name, const std::string& activeFrom);
  TerritoryModel rename(std::int64_t id, const std::string& name);
  /// A planning model copied from an active or planning one: territories (same codes), rules,
  /// open account assignments and open rep seats.
  TerritoryModel copy(std::int64_t sourceId, const std::string& name);
  /// How `modelId` differs from `baseId`, each read on its plan date for `asOf`.
  ModelComparison compare(std::int64_t modelId, std::int64_t baseId, const std::string& asOf);
  /// Makes a planning model the active one from `date`: the active one is archived and its open
  /// periods end at `date`; the planning one's open periods begin at `date`.
  TerritoryModel activate(std::int64_t modelId, const std::string& date);

  Territory requireTerritory(std::int64_t id);
  Territory createTerritory(const TerritoryDraft& draft);
  Territory changeTerritory(std::int64_t id, const TerritoryChange& change);
  /// Deletes a territory of a planning model that has no children, rules, accounts or reps.
  void deleteTerritory(std::int64_t id);

 private:
  void checkName(const std::string& name, std::int64_t exceptId);
  void checkType(const std::string& type);
  void checkParent(std::int64_t modelId, std::int64_t parentId, std::optional<std::int64_t> self);
  void copyContent(std::int64_t sourceId, std::int64_t targetId);

  Transaction& tx_;
  TerritoryModelStore store_;
  std::string actor_;
};

}  // namespace cadre::territory
