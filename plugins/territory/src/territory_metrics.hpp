#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "territory_model_store.hpp"

namespace cadre::territory {

/// What a territory (or a rep) covers on a date.
struct Coverage {
  std::int64_t reps = 0;
  std::int64_t accounts = 0;
  std::int64_t prospects = 0;
  std::int64_t activeCustomers = 0;
  double potential = 0;
};

/// A territory's own coverage and that of its whole subtree (reps counted once).
struct TerritoryFigures {
  Territory territory;
  Coverage own;
  Coverage subtree;
};

/// The coverage of every territory of a model on a date (a planning model: its plan), by code.
std::vector<TerritoryFigures> territoryMetrics(Transaction& tx, const TerritoryModel& model,
                                               const std::string& asOf);

/// How a figure spreads across a team: population standard deviation; the max/min ratio is
/// absent when the minimum is 0 (or the team is empty).
struct Spread {
  double min = 0;
  double max = 0;
  double mean = 0;
  double stddev = 0;
  std::optional<double> maxMinRatio;
};

/// The spread of a list of values (all zero for an empty one).
Spread spreadOf(const std::vector<double>& values);

/// One rep's book: the distinct accounts of the territories they hold a seat in.
struct RepFigures {
  std::int64_t employeeId = 0;
  std::string employeeNumber;
  std::string name;
  std::vector<std::string> territoryCodes;
  Coverage coverage;
};

/// How evenly a team's accounts are spread over its reps. Members without a seat in the model
/// are listed apart and not counted in the spread.
struct BalanceReport {
  std::vector<RepFigures> reps;
  /// accounts, prospects, activeCustomers, potential.
  std::map<std::string, Spread> spread;
  std::vector<std::int64_t> withoutSeat;
};

/// The balance of a team (employee ids) in a model on a date.
BalanceReport balanceReport(Transaction& tx, const TerritoryModel& model,
                            const std::vector<std::int64_t>& team, const std::string& asOf);

}  // namespace cadre::territory
