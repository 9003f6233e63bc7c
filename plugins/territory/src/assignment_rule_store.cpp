#include "assignment_rule_store.hpp"

#include "cadre/sql_values.hpp"

namespace cadre::territory {

namespace {

const char* kRuleColumns =
    "SELECT id, model_id, territory_id, priority, region, postal_prefix, industry, size, version "
    "FROM territory_assignment_rules ";

AssignmentRule ruleOf(const SqlRow& row) {
  return {row.getInt(0),
          row.getInt(1),
          row.getInt(2),
          row.getInt(3),
          row.getOptionalString(4),
          row.getOptionalString(5),
          row.getOptionalString(6),
          row.getOptionalString(7),
          row.getInt(8)};
}

}  // namespace

std::vector<AssignmentRule> AssignmentRuleStore::ofModel(std::int64_t modelId) {
  std::vector<AssignmentRule> result;
  for (const auto& row :
       tx_.query(std::string(kRuleColumns) + "WHERE model_id = ? ORDER BY priority, id", {modelId}))
    result.push_back(ruleOf(row));
  return result;
}

std::optional<AssignmentRule> AssignmentRuleStore::find(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kRuleColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return ruleOf(*row);
}

std::int64_t AssignmentRuleStore::insert(const AssignmentRule& r) {
  return tx_.insert(
      "INSERT INTO territory_assignment_rules (model_id, territory_id, priority, region, "
      "postal_prefix, industry, size, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
      {r.modelId, r.territoryId, r.priority, nullable(r.region), nullable(r.postalPrefix),
       nullable(r.industry), nullable(r.size)});
}

void AssignmentRuleStore::update(const AssignmentRule& r) {
  tx_.execute(
      "UPDATE territory_assignment_rules SET territory_id = ?, priority = ?, region = ?, "
      "postal_prefix = ?, industry = ?, size = ?, version = version + 1 WHERE id = ?",
      {r.territoryId, r.priority, nullable(r.region), nullable(r.postalPrefix),
       nullable(r.industry), nullable(r.size), r.id});
}

void AssignmentRuleStore::remove(std::int64_t id) {
  tx_.execute("DELETE FROM territory_assignment_rules WHERE id = ?", {id});
}

}  // namespace cadre::territory
