#include "org_directory_provider.hpp"

#include <algorithm>

#include "cadre/json_text.hpp"

#include "account_store.hpp"
#include "cadre/dates.hpp"
#include "directory_people.hpp"
#include "org_unit_store.hpp"
#include "position_store.hpp"
#include "rep_seat_store.hpp"
#include "staffing_plan.hpp"
#include "territory_model_store.hpp"
#include "workforce.hpp"

namespace cadre::territory {

namespace {

std::string dateOrToday(const std::string& asOf) {
  return asOf.empty() ? today() : asOf;
}

/// The employee today, or on their hire date when that is still to come.
std::optional<EmployeeRecord> current(EmployeeStore& store, const std::optional<std::int64_t>& id,
                                      Transaction& tx) {
  if (!id) return std::nullopt;
  if (auto now = store.find(*id, today())) return now;
  auto hired = tx.queryOne("SELECT hire_date FROM territory_employees WHERE id = ?", {*id});
  return hired ? store.find(*id, hired->getString(0)) : std::nullopt;
}

}  // namespace

std::optional<EmployeeRecord> OrgDirectoryProvider::findEmployee(Transaction& tx,
                                                                 std::int64_t employeeId,
                                                                 const std::string& asOf) {
  return EmployeeStore(tx).find(employeeId, dateOrToday(asOf));
}

std::optional<EmployeeRecord> OrgDirectoryProvider::findByDirectoryId(
    Transaction& tx, const std::string& directoryId) {
  EmployeeStore store(tx);
  return current(store, store.idOfDirectoryId(directoryId), tx);
}

std::optional<EmployeeRecord> OrgDirectoryProvider::findByEmployeeNumber(
    Transaction& tx, const std::string& number) {
  EmployeeStore store(tx);
  return current(store, store.idOfNumber(number), tx);
}

std::optional<EmployeeRecord> OrgDirectoryProvider::findByUser(Transaction& tx,
                                                               std::int64_t userId) {
  EmployeeStore store(tx);
  return current(store, store.idOfUser(userId), tx);
}

std::vector<EmployeeRecord> OrgDirectoryProvider::directoryEmployees(Transaction& tx,
                                                                     const std::string& asOf) {
  return EmployeeStore(tx).withDirectoryId(dateOrToday(asOf));
}

std::vector<EmployeeRecord> OrgDirectoryProvider::directoryEmployeesWith(
    Transaction& tx, const std::string& asOf, const DirectoryEmployeeKeys& keys) {
  return EmployeeStore(tx).withDirectoryKeys(dateOrToday(asOf), keys);
}

std::vector<DirectoryDn> OrgDirectoryProvider::directoryDns(Transaction& tx,
                                                            const std::string& asOf) {
  return EmployeeStore(tx).directoryDns(dateOrToday(asOf));
}

std::optional<std::int64_t> OrgDirectoryProvider::findOrgUnitByCode(Transaction& tx,
                                                                    const std::string& code) {
  return OrgUnitStore(tx).idOfCode(code);
}

EmployeeRecord OrgDirectoryProvider::hire(Transaction& tx, const NewEmployee& person,
                                          const Placement& placement,
                                          const std::optional<TerritorySeat>& seat,
                                          const std::string& actor) {
  return Workforce(tx, systemTrail(audit_, actor), actor, users_).hire(person, placement, seat);
}

EmployeeRecord OrgDirectoryProvider::transfer(Transaction& tx, std::int64_t employeeId,
                                              const Placement& placement,
                                              const std::string& actor) {
  return Workforce(tx, systemTrail(audit_, actor), actor, users_).transfer(employeeId, placement);
}

EmployeeRecord OrgDirectoryProvider::terminate(Transaction& tx, std::int64_t employeeId,
                                               const std::string& effectiveDate,
                                               const std::string& reason,
                                               const std::string& actor) {
  return Workforce(tx, systemTrail(audit_, actor), actor, users_)
      .terminate(employeeId, effectiveDate, reason);
}

EmployeeRecord OrgDirectoryProvider::changeStatus(Transaction& tx, std::int64_t employeeId,
                                                  const std::string& status,
                                                  const std::string& effectiveDate,
                                                  const std::string& reason,
                                                  const std::string& actor) {
  return Workforce(tx, systemTrail(audit_, actor), actor, users_)
      .changeStatus(employeeId, status, effectiveDate, reason);
}

DirectoryOutcome OrgDirectoryProvider::upsertFromDirectory(Transaction& tx,
                                                           const DirectoryPerson& person,
                                                           const std::string& effectiveDate,
                                                           const std::string& actor) {
  return Workforce(tx, systemTrail(audit_, actor), actor, users_)
      .upsertFromDirectory(person, effectiveDate);
}

std::unique_ptr<DirectoryWriter> OrgDirectoryProvider::directoryWriter(
    Transaction& tx, const std::string& effectiveDate, const std::string& actor) {
  return std::make_unique<DirectoryPeople>(tx, systemTrail(audit_, actor),
                                           systemBatchTrail(audit_, actor), actor, effectiveDate);
}

EmployeeRecord OrgDirectoryProvider::linkUser(Transaction& tx, std::int64_t employeeId,
                                              std::optional<std::int64_t> userId,
                                              const std::string& actor) {
  MasterDataEdit edit;
  edit.userId = userId;
  return Workforce(tx, systemTrail(audit_, actor), actor, users_).editMasterData(employeeId, edit);
}

std::vector<std::int64_t> OrgDirectoryProvider::managerChain(Transaction& tx,
                                                             std::int64_t employeeId,
                                                             const std::string& asOf) {
  return EmployeeStore(tx).managerChain(employeeId, dateOrToday(asOf));
}

std::vector<std::int64_t> OrgDirectoryProvider::reports(Transaction& tx, std::int64_t managerId,
                                                        const std::string& asOf, bool indirect) {
  return EmployeeStore(tx).reports(managerId, dateOrToday(asOf), indirect);
}

std::vector<std::int64_t> OrgDirectoryProvider::subtreeEmployees(Transaction& tx,
                                                                 std::int64_t orgUnitId,
                                                                 const std::string& asOf) {
  return EmployeeStore(tx).assignedToSubtree(orgUnitId, dateOrToday(asOf));
}

std::vector<RepTerritory> OrgDirectoryProvider::territoriesOf(Transaction& tx,
                                                              std::int64_t employeeId,
                                                              const std::string& asOf) {
  return RepSeatStore(tx).territoriesOfRep(employeeId, dateOrToday(asOf));
}

std::vector<std::int64_t> OrgDirectoryProvider::accountsOf(Transaction& tx, std::int64_t employeeId,
                                                           const std::string& asOf) {
  return AccountStore(tx).accountsOfRep(employeeId, dateOrToday(asOf));
}

std::optional<OrgUnitRecord> OrgDirectoryProvider::findOrgUnit(Transaction& tx,
                                                               std::int64_t orgUnitId,
                                                               const std::string& asOf) {
  auto unit = OrgUnitStore(tx).find(orgUnitId, dateOrToday(asOf));
  if (!unit) return std::nullopt;
  return OrgUnitRecord{unit->id, unit->code, unit->name, unit->parentId, unit->headEmployeeId};
}

std::optional<PositionRecord> OrgDirectoryProvider::findPosition(Transaction& tx,
                                                                 std::int64_t positionId,
                                                                 const std::string& asOf) {
  auto position = PositionStore(tx).find(positionId, dateOrToday(asOf));
  if (!position) return std::nullopt;
  return PositionRecord{position->id, position->orgUnitId, position->title, position->state,
                        position->holderId};
}

std::optional<TerritoryRecord> OrgDirectoryProvider::findTerritory(Transaction& tx,
                                                                   std::int64_t territoryId) {
  TerritoryModelStore store(tx);
  auto territory = store.territory(territoryId);
  if (!territory) return std::nullopt;
  auto model = store.model(territory->modelId);
  return TerritoryRecord{territory->id, territory->modelId, territory->code, territory->name,
                         model ? model->state : ""};
}

std::optional<HeadcountRoom> OrgDirectoryProvider::headcountRoom(Transaction& tx,
                                                                 std::int64_t orgUnitId,
                                                                 const std::string& date) {
  PositionStore positions(tx);
  for (const auto& plan : positions.plans(orgUnitId)) {
    if (plan.periodStart > date || plan.periodEnd < date) continue;
    auto headcount = positions.actuals(orgUnitId, date).headcount;
    return HeadcountRoom{plan.id,        plan.periodStart,
                         plan.periodEnd, plan.plannedPositions,
                         headcount,      plan.plannedPositions - headcount};
  }
  return std::nullopt;
}

PositionRecord OrgDirectoryProvider::openPosition(Transaction& tx, std::int64_t orgUnitId,
                                                  const std::string& title, double budgetedCost,
                                                  const std::string& openedOn,
                                                  const std::string& actor) {
  Position draft;
  draft.orgUnitId = orgUnitId;
  draft.title = title;
  draft.budgetedCost = budgetedCost;
  draft.openedOn = openedOn;
  auto opened = StaffingPlan(tx).open(draft);
  auto after = orderedObject();
  after->set("id", opened.id);
  after->set("orgUnitId", opened.orgUnitId);
  after->set("title", opened.title);
  after->set("fte", opened.fte);
  after->set("budgetedCost", opened.budgetedCost);
  after->set("state", opened.state);
  after->set("openedOn", opened.openedOn);
  after->set("version", opened.version);
  systemTrail(audit_, actor)(
      tx, {"territory.position.create", "position", std::to_string(opened.id), "", toJson(after)});
  return PositionRecord{opened.id, opened.orgUnitId, opened.title, opened.state, opened.holderId};
}

std::optional<std::int64_t> OrgScope::employeeOf(const User& user) {
  return database_.inTransaction(
      [&](Transaction& tx) { return EmployeeStore(tx).idOfUser(user.id); }, TxMode::Read);
}

bool OrgScope::manages(const User& user, std::int64_t employeeId, const std::string& isoDate) {
  return database_.inTransaction(
      [&](Transaction& tx) {
        EmployeeStore store(tx);
        auto self = store.idOfUser(user.id);
        if (!self) return false;
        auto chain = store.managerChain(employeeId, isoDate);
        return std::find(chain.begin(), chain.end(), *self) != chain.end();
      },
      TxMode::Read);
}

}  // namespace cadre::territory
