#include "rep_seat_store.hpp"

namespace cadre::territory {

namespace {

const char* kSeatColumns =
    "SELECT r.id, r.territory_id, r.employee_id, r.role, r.split_percent, r.valid_from, "
    "r.valid_to FROM territory_rep_assignments r JOIN territory_territories t ON "
    "t.id = r.territory_id ";
const char* kInModel =
    " AND territory_id IN (SELECT id FROM territory_territories WHERE model_id = ?)";

std::vector<RepSeat> seats(Transaction& tx, const std::string& sql, const SqlParams& params) {
  std::vector<RepSeat> result;
  for (const auto& row : tx.query(std::string(kSeatColumns) + sql, params)) {
    result.push_back({row.getInt(0), row.getInt(1), row.getInt(2), row.getString(3),
                      row.getDouble(4), row.getString(5), row.getString(6)});
  }
  return result;
}

}  // namespace

std::optional<std::string> RepSeatStore::modelStateOf(std::int64_t territoryId) {
  auto row = tx_.queryOne(
      "SELECT m.state FROM territory_territories t JOIN territory_models m ON m.id = t.model_id "
      "WHERE t.id = ?",
      {territoryId});
  if (!row) return std::nullopt;
  return row->getString(0);
}

std::int64_t RepSeatStore::insert(const RepSeat& seat, const std::string& actor,
                                  const std::string& recordedAt) {
  return tx_.insert(
      "INSERT INTO territory_rep_assignments (territory_id, employee_id, role, split_percent, "
      "valid_from, valid_to, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {seat.territoryId, seat.employeeId, seat.role, seat.splitPercent, seat.validFrom,
       seat.validTo, recordedAt, actor});
}

std::optional<RepSeat> RepSeatStore::find(std::int64_t id) {
  auto found = seats(tx_, "WHERE r.id = ?", {id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

void RepSeatStore::end(std::int64_t id, const std::string& validTo) {
  tx_.execute("UPDATE territory_rep_assignments SET valid_to = ? WHERE id = ?", {validTo, id});
}

void RepSeatStore::endAllOf(std::int64_t employeeId, const std::string& date) {
  tx_.execute(
      "UPDATE territory_rep_assignments SET valid_to = ? WHERE employee_id = ? AND valid_to > ? "
      "AND valid_from < ?",
      {date, employeeId, date, date});
  tx_.execute(
      "UPDATE territory_rep_assignments SET valid_to = valid_from WHERE employee_id = ? AND "
      "valid_from >= ?",
      {employeeId, date});
}

std::vector<RepSeat> RepSeatStore::ofTerritory(std::int64_t territoryId, const std::string& date) {
  return seats(tx_,
               "WHERE r.territory_id = ? AND r.valid_from <= ? AND r.valid_to > ? ORDER BY "
               "r.role, r.employee_id, r.id",
               {territoryId, date, date});
}

std::vector<RepSeat> RepSeatStore::ofEmployee(std::int64_t employeeId, const std::string& date) {
  return seats(tx_,
               "WHERE r.employee_id = ? AND r.valid_from <= ? AND r.valid_to > ? ORDER BY "
               "t.code, r.id",
               {employeeId, date, date});
}

std::vector<RepSeat> RepSeatStore::ofTerritoryFrom(std::int64_t territoryId,
                                                   const std::string& date) {
  return seats(tx_,
               "WHERE r.territory_id = ? AND r.valid_to > ? AND r.valid_to > r.valid_from "
               "ORDER BY r.valid_from, r.id",
               {territoryId, date});
}

std::vector<RepSeat> RepSeatStore::inModel(std::int64_t modelId, const std::string& date) {
  return seats(tx_,
               "WHERE t.model_id = ? AND r.valid_from <= ? AND r.valid_to > ? ORDER BY "
               "r.employee_id, t.code, r.id",
               {modelId, date, date});
}

std::vector<RepSeat> RepSeatStore::openIn(std::int64_t modelId) {
  return seats(tx_, "WHERE t.model_id = ? AND r.valid_to = ? ORDER BY r.employee_id, t.code, r.id",
               {modelId, std::string(kOpenEnd)});
}

void RepSeatStore::endModelAt(std::int64_t modelId, const std::string& date) {
  tx_.execute(
      "UPDATE territory_rep_assignments SET valid_to = ? WHERE valid_to > ? AND "
      "valid_from < ?" +
          std::string(kInModel),
      {date, date, date, modelId});
  tx_.execute("UPDATE territory_rep_assignments SET valid_to = valid_from WHERE valid_from >= ?" +
                  std::string(kInModel),
              {date, modelId});
}

void RepSeatStore::beginModelAt(std::int64_t modelId, const std::string& date) {
  std::string open(kOpenEnd);
  tx_.execute("DELETE FROM territory_rep_assignments WHERE valid_to <> ?" + std::string(kInModel),
              {open, modelId});
  tx_.execute("UPDATE territory_rep_assignments SET valid_from = ? WHERE valid_to = ?" +
                  std::string(kInModel),
              {date, open, modelId});
}

std::vector<RepTerritory> RepSeatStore::territoriesOfRep(std::int64_t employeeId,
                                                         const std::string& date) {
  std::vector<RepTerritory> result;
  for (const auto& row : tx_.query(
           "SELECT t.id, t.code, t.name, r.role, r.split_percent FROM territory_rep_assignments r "
           "JOIN territory_territories t ON t.id = r.territory_id JOIN territory_models m ON "
           "m.id = t.model_id WHERE m.state <> 'planning' AND r.employee_id = ? AND "
           "r.valid_from <= ? AND r.valid_to > ? ORDER BY t.code",
           {employeeId, date, date})) {
    result.push_back(
        {row.getInt(0), row.getString(1), row.getString(2), row.getString(3), row.getDouble(4)});
  }
  return result;
}

}  // namespace cadre::territory
