#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"

namespace cadre::territory {

/// A territory model: one version of the whole territory design. Exactly one is active; others
/// are planning sandboxes or archived (read-only) former ones.
struct TerritoryModel {
  std::int64_t id = 0;
  std::string name;
  /// planning, active or archived.
  std::string state;
  std::optional<std::int64_t> basedOnId;
  std::optional<std::string> activatedOn;
  std::optional<std::string> archivedOn;
  std::int64_t version = 0;
};

/// A territory of one model. The code is unique per model and carries its identity across models.
struct Territory {
  std::int64_t id = 0;
  std::int64_t modelId = 0;
  std::optional<std::int64_t> parentId;
  std::string code;
  std::string name;
  std::string type;
  std::int64_t version = 0;
};

/// A kind of territory (geo, named, industry, overlay, and whatever HR adds).
struct TerritoryType {
  std::string code;
  std::string name;
};

/// The SQL of territory models, their territories and the territory types.
class TerritoryModelStore {
 public:
  explicit TerritoryModelStore(Transaction& tx) : tx_(tx) {}

  std::vector<TerritoryModel> models();
  std::optional<TerritoryModel> model(std::int64_t id);
  std::optional<TerritoryModel> activeModel();
  /// The model in force on a date: activated on or before it and not archived by then.
  std::optional<TerritoryModel> modelInForceOn(const std::string& date);
  bool modelNameTaken(const std::string& name, std::int64_t exceptId);
  std::int64_t insertModel(const TerritoryModel& model);
  void renameModel(std::int64_t id, const std::string& name);
  /// Sets state and dates and bumps the version; returns false when the row is no longer in
  /// `expectedState` (someone else changed it).
  bool setModelState(std::int64_t id, const std::string& expectedState, const TerritoryModel& next);
  void bumpModelVersion(std::int64_t id);
  /// Bumps the version only if it still is `expected`; false when someone changed the model
  /// meanwhile (on PostgreSQL the row lock makes a concurrent writer wait, then see it).
  bool bumpModelVersionFrom(std::int64_t id, std::int64_t expected);

  /// The territories of a model, by code; with a parent, only its children.
  std::vector<Territory> territories(std::int64_t modelId,
                                     const std::optional<std::int64_t>& parentId = std::nullopt,
                                     bool rootsOnly = false);
  std::optional<Territory> territory(std::int64_t id);
  std::optional<Territory> territoryByCode(std::int64_t modelId, const std::string& code);
  std::int64_t insertTerritory(const Territory& territory);
  void updateTerritory(const Territory& territory);
  void deleteTerritory(std::int64_t id);
  /// The ids of a territory and every territory below it.
  std::vector<std::int64_t> subtree(std::int64_t id);
  /// Whether anything still hangs on a territory: children, rules, or open accounts or seats.
  bool hasContent(std::int64_t id);

  std::vector<TerritoryType> types();
  bool typeExists(const std::string& code);
  void insertType(const TerritoryType& type);

 private:
  Transaction& tx_;
};

}  // namespace cadre::territory
