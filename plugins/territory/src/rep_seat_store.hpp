#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "cadre/territory/org_directory.hpp"

namespace cadre::territory {

/// One period of a rep (an employee) in a territory with a role and a split.
struct RepSeat {
  std::int64_t id = 0;
  std::int64_t territoryId = 0;
  std::int64_t employeeId = 0;
  /// owner, rep or overlay.
  std::string role;
  double splitPercent = 0;
  std::string validFrom;
  std::string validTo;
};

/// The SQL of rep seats (territory_rep_assignments). A seat belongs to the model of its
/// territory.
class RepSeatStore {
 public:
  explicit RepSeatStore(Transaction& tx) : tx_(tx) {}

  /// The state of the model a territory belongs to; std::nullopt for an unknown territory.
  std::optional<std::string> modelStateOf(std::int64_t territoryId);
  std::int64_t insert(const RepSeat& seat, const std::string& actor, const std::string& recordedAt);
  std::optional<RepSeat> find(std::int64_t id);
  void end(std::int64_t id, const std::string& validTo);
  /// Ends every seat of an employee at a date; seats that would begin on or after it become
  /// empty periods.
  void endAllOf(std::int64_t employeeId, const std::string& date);
  std::vector<RepSeat> ofTerritory(std::int64_t territoryId, const std::string& date);
  std::vector<RepSeat> ofEmployee(std::int64_t employeeId, const std::string& date);
  /// The seats of a territory that are in force on a date or later.
  std::vector<RepSeat> ofTerritoryFrom(std::int64_t territoryId, const std::string& date);
  std::vector<RepSeat> inModel(std::int64_t modelId, const std::string& date);
  std::vector<RepSeat> openIn(std::int64_t modelId);
  /// Ends every seat of a model in force on or after a date at that date.
  void endModelAt(std::int64_t modelId, const std::string& date);
  /// Drops a model's ended seats and begins its open ones on a date.
  void beginModelAt(std::int64_t modelId, const std::string& date);
  /// The territories a rep holds a seat in on a date, in the model in force then (active, or
  /// archived for a date before the active one began), by code.
  std::vector<RepTerritory> territoriesOfRep(std::int64_t employeeId, const std::string& date);

 private:
  Transaction& tx_;
};

}  // namespace cadre::territory
