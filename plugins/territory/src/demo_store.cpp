#include "demo_store.hpp"

#include "staffing_plan.hpp"

namespace cadre::territory {

namespace {

const std::string kDemoActor = "demo";

}  // namespace

std::int64_t DemoStore::addPosition(std::int64_t orgUnitId, const std::string& title,
                                    double budgetedCost, const std::string& openedOn) {
  Position draft;
  draft.orgUnitId = orgUnitId;
  draft.title = title;
  draft.budgetedCost = budgetedCost;
  draft.openedOn = openedOn;
  return StaffingPlan(tx_).open(draft).id;
}

std::int64_t DemoStore::addModel(const std::string& name, const std::string& state,
                                 std::optional<std::int64_t> basedOn,
                                 const std::string& activatedOn) {
  return tx_.insert(
      "INSERT INTO territory_models (name, state, based_on_id, activated_on, archived_on, "
      "version) VALUES (?, ?, ?, ?, NULL, 1)",
      {name, state, basedOn ? SqlValue(*basedOn) : SqlValue(),
       activatedOn.empty() ? SqlValue() : SqlValue(activatedOn)});
}

std::int64_t DemoStore::addTerritory(const DemoTerritory& t) {
  return tx_.insert(
      "INSERT INTO territory_territories (model_id, parent_id, code, name, type, version) "
      "VALUES (?, ?, ?, ?, ?, 1)",
      {t.modelId, t.parentId ? SqlValue(*t.parentId) : SqlValue(), t.code, t.name, t.type});
}

std::int64_t DemoStore::addAccount(const DemoAccount& a) {
  return tx_.insert(
      "INSERT INTO territory_accounts (name, region, postal_code, industry, size, status, "
      "external_id, potential, version) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, 1)",
      {a.name, a.region, a.postalCode, a.industry, a.size, a.externalId, a.potential});
}

std::int64_t DemoStore::addRule(std::int64_t modelId, std::int64_t territoryId,
                                std::int64_t priority, const std::string& region,
                                const std::string& size) {
  return tx_.insert(
      "INSERT INTO territory_assignment_rules (model_id, territory_id, priority, region, "
      "postal_prefix, industry, size, version) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)",
      {modelId, territoryId, priority, region, size});
}

void DemoStore::assignAccount(std::int64_t territoryId, std::int64_t accountId, std::int64_t ruleId,
                              const std::string& validFrom, const std::string& recordedAt) {
  tx_.insert(
      "INSERT INTO territory_account_assignments (territory_id, account_id, cause, rule_id, "
      "valid_from, valid_to, recorded_at, recorded_by) VALUES (?, ?, 'rule', ?, ?, "
      "'9999-12-31', ?, ?)",
      {territoryId, accountId, ruleId, validFrom, recordedAt, kDemoActor});
}

void DemoStore::addRepSeat(std::int64_t territoryId, std::int64_t employeeId,
                           const std::string& role, const std::string& validFrom,
                           const std::string& validTo, const std::string& recordedAt) {
  tx_.insert(
      "INSERT INTO territory_rep_assignments (territory_id, employee_id, role, split_percent, "
      "valid_from, valid_to, recorded_at, recorded_by) VALUES (?, ?, ?, 100.0, ?, ?, ?, ?)",
      {territoryId, employeeId, role, validFrom, validTo, recordedAt, kDemoActor});
}

}  // namespace cadre::territory
