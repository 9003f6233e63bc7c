#include "territory_model_store.hpp"

#include "cadre/sql_values.hpp"

#include "cadre/territory/org_directory.hpp"

namespace cadre::territory {

namespace {

const char* kModelColumns =
    "SELECT id, name, state, based_on_id, activated_on, archived_on, version FROM "
    "territory_models ";
const char* kTerritoryColumns =
    "SELECT id, model_id, parent_id, code, name, type, version FROM territory_territories ";

TerritoryModel modelOf(const SqlRow& row) {
  return {row.getInt(0),         row.getString(1),         row.getString(2),
          row.getOptionalInt(3), row.getOptionalString(4), row.getOptionalString(5),
          row.getInt(6)};
}

Territory territoryOf(const SqlRow& row) {
  return {row.getInt(0),    row.getInt(1),    row.getOptionalInt(2), row.getString(3),
          row.getString(4), row.getString(5), row.getInt(6)};
}

}  // namespace

std::vector<TerritoryModel> TerritoryModelStore::models() {
  std::vector<TerritoryModel> result;
  for (const auto& row : tx_.query(std::string(kModelColumns) + "ORDER BY id"))
    result.push_back(modelOf(row));
  return result;
}

std::optional<TerritoryModel> TerritoryModelStore::model(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kModelColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return modelOf(*row);
}

std::optional<TerritoryModel> TerritoryModelStore::activeModel() {
  auto row = tx_.queryOne(std::string(kModelColumns) + "WHERE state = 'active' ORDER BY id");
  if (!row) return std::nullopt;
  return modelOf(*row);
}

std::optional<TerritoryModel> TerritoryModelStore::modelInForceOn(const std::string& date) {
  auto row = tx_.queryOne(std::string(kModelColumns) +
                              "WHERE state <> 'planning' AND activated_on <= ? AND "
                              "(archived_on IS NULL OR archived_on > ?) ORDER BY activated_on DESC",
                          {date, date});
  if (!row) return std::nullopt;
  return modelOf(*row);
}

bool TerritoryModelStore::modelNameTaken(const std::string& name, std::int64_t exceptId) {
  return tx_.queryOne("SELECT 1 FROM territory_models WHERE name = ? AND id <> ?", {name, exceptId})
      .has_value();
}

std::int64_t TerritoryModelStore::insertModel(const TerritoryModel& model) {
  return tx_.insert(
      "INSERT INTO territory_models (name, state, based_on_id, activated_on, archived_on, "
      "version) VALUES (?, ?, ?, ?, ?, 1)",
      {model.name, model.state, nullable(model.basedOnId), nullable(model.activatedOn),
       nullable(model.archivedOn)});
}

void TerritoryModelStore::renameModel(std::int64_t id, const std::string& name) {
  tx_.execute("UPDATE territory_models SET name = ?, version = version + 1 WHERE id = ?",
              {name, id});
}

bool TerritoryModelStore::setModelState(std::int64_t id, const std::string& expectedState,
                                        const TerritoryModel& next) {
  return tx_.execute(
             "UPDATE territory_models SET state = ?, activated_on = ?, archived_on = ?, "
             "version = version + 1 WHERE id = ? AND state = ?",
             {next.state, nullable(next.activatedOn), nullable(next.archivedOn), id,
              expectedState}) == 1;
}

void TerritoryModelStore::bumpModelVersion(std::int64_t id) {
  tx_.execute("UPDATE territory_models SET version = version + 1 WHERE id = ?", {id});
}

bool TerritoryModelStore::bumpModelVersionFrom(std::int64_t id, std::int64_t expected) {
  return tx_.execute(
             "UPDATE territory_models SET version = version + 1 WHERE id = ? AND version = ?",
             {id, expected}) == 1;
}

std::vector<Territory> TerritoryModelStore::territories(std::int64_t modelId,
                                                        const std::optional<std::int64_t>& parentId,
                                                        bool rootsOnly) {
  std::string sql = std::string(kTerritoryColumns) + "WHERE model_id = ?";
  if (parentId) {
    sql += " AND parent_id = ?";
  } else if (rootsOnly) {
    sql += " AND parent_id IS NULL";
  }
  std::vector<Territory> result;
  auto rows = parentId ? tx_.query(sql + " ORDER BY code", {modelId, *parentId})
                       : tx_.query(sql + " ORDER BY code", {modelId});
  for (const auto& row : rows) result.push_back(territoryOf(row));
  return result;
}

std::optional<Territory> TerritoryModelStore::territory(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kTerritoryColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return territoryOf(*row);
}

std::optional<Territory> TerritoryModelStore::territoryByCode(std::int64_t modelId,
                                                              const std::string& code) {
  auto row = tx_.queryOne(std::string(kTerritoryColumns) + "WHERE model_id = ? AND code = ?",
                          {modelId, code});
  if (!row) return std::nullopt;
  return territoryOf(*row);
}

std::int64_t TerritoryModelStore::insertTerritory(const Territory& t) {
  return tx_.insert(
      "INSERT INTO territory_territories (model_id, parent_id, code, name, type, version) "
      "VALUES (?, ?, ?, ?, ?, 1)",
      {t.modelId, nullable(t.parentId), t.code, t.name, t.type});
}

void TerritoryModelStore::updateTerritory(const Territory& t) {
  tx_.execute(
      "UPDATE territory_territories SET parent_id = ?, name = ?, type = ?, version = version + 1 "
      "WHERE id = ?",
      {nullable(t.parentId), t.name, t.type, t.id});
}

void TerritoryModelStore::deleteTerritory(std::int64_t id) {
  // Ended periods of a planning model are scratch work; they go with the territory.
  tx_.execute("DELETE FROM territory_account_assignments WHERE territory_id = ?", {id});
  tx_.execute("DELETE FROM territory_rep_assignments WHERE territory_id = ?", {id});
  tx_.execute("DELETE FROM territory_territories WHERE id = ?", {id});
}

std::vector<std::int64_t> TerritoryModelStore::subtree(std::int64_t id) {
  std::vector<std::int64_t> result;
  for (const auto& row : tx_.query(
           "WITH RECURSIVE below(id) AS (SELECT id FROM territory_territories WHERE id = ? "
           "UNION ALL SELECT t.id FROM territory_territories t JOIN below b ON t.parent_id = b.id) "
           "SELECT id FROM below ORDER BY id",
           {id})) {
    result.push_back(row.getInt(0));
  }
  return result;
}

bool TerritoryModelStore::hasContent(std::int64_t id) {
  std::string open(kOpenEnd);
  return tx_
      .queryOne(
          "SELECT 1 FROM territory_territories WHERE parent_id = ? UNION ALL "
          "SELECT 1 FROM territory_assignment_rules WHERE territory_id = ? UNION ALL "
          "SELECT 1 FROM territory_account_assignments WHERE territory_id = ? AND "
          "valid_to = ? UNION ALL SELECT 1 FROM territory_rep_assignments WHERE "
          "territory_id = ? AND valid_to = ?",
          {id, id, id, open, id, open})
      .has_value();
}

std::vector<TerritoryType> TerritoryModelStore::types() {
  std::vector<TerritoryType> result;
  for (const auto& row :
       tx_.query("SELECT code, name FROM territory_territory_types ORDER BY code")) {
    result.push_back({row.getString(0), row.getString(1)});
  }
  return result;
}

bool TerritoryModelStore::typeExists(const std::string& code) {
  return tx_.queryOne("SELECT 1 FROM territory_territory_types WHERE code = ?", {code}).has_value();
}

void TerritoryModelStore::insertType(const TerritoryType& type) {
  tx_.execute("INSERT INTO territory_territory_types (code, name) VALUES (?, ?)",
              {type.code, type.name});
}

}  // namespace cadre::territory
