#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"

namespace cadre::territory {

/// A seat in an org unit as it stood on one date. The state is derived, never stored apart
/// from the frozen flag: frozen when frozen, filled when someone holds it on the date, vacant
/// otherwise, so it cannot drift from the assignments.
struct Position {
  std::int64_t id = 0;
  std::int64_t orgUnitId = 0;
  std::string title;
  double fte = 1.0;
  double budgetedCost = 0;
  bool frozen = false;
  std::string openedOn;
  std::optional<std::string> closedOn;
  std::int64_t version = 0;
  /// vacant, filled or frozen on the date asked for.
  std::string state;
  std::optional<std::int64_t> holderId;
};

/// Filters of a position list; unset ones do not filter.
struct PositionFilter {
  std::optional<std::int64_t> orgUnitId;
  bool subtree = false;
  std::optional<std::string> state;
  std::int64_t afterId = 0;
  std::int64_t limit = 50;
};

/// What an org unit (with the units below it) has on a date, to compare with its plan.
struct HeadcountActuals {
  std::int64_t positions = 0;
  std::int64_t filled = 0;
  std::int64_t vacant = 0;
  std::int64_t frozen = 0;
  double budget = 0;
  std::int64_t headcount = 0;
};

/// A headcount plan: positions and budget planned for an org unit over a period.
struct HeadcountPlan {
  std::int64_t id = 0;
  std::int64_t orgUnitId = 0;
  std::string periodStart;
  std::string periodEnd;
  std::int64_t plannedPositions = 0;
  double plannedBudget = 0;
  std::string note;
  std::int64_t version = 0;
};

/// The SQL of positions and headcount plans.
class PositionStore {
 public:
  explicit PositionStore(Transaction& tx) : tx_(tx) {}

  /// The position on a date (open then), or std::nullopt.
  std::optional<Position> find(std::int64_t id, const std::string& asOf);
  /// The position whatever the date, its state as of `asOf`.
  std::optional<Position> findAny(std::int64_t id, const std::string& asOf);
  std::vector<Position> list(const PositionFilter& filter, const std::string& asOf);
  std::int64_t insert(const Position& position);
  void update(const Position& position);
  void close(std::int64_t id, const std::string& closedOn);

  /// Open positions and people of a unit and every unit below it on a date.
  HeadcountActuals actuals(std::int64_t orgUnitId, const std::string& asOf);
  std::optional<HeadcountPlan> findPlan(std::int64_t id);
  std::vector<HeadcountPlan> plans(const std::optional<std::int64_t>& orgUnitId);
  bool planOverlaps(std::int64_t orgUnitId, const std::string& start, const std::string& end,
                    std::int64_t exceptId);
  std::int64_t insertPlan(const HeadcountPlan& plan);
  void updatePlan(const HeadcountPlan& plan);

 private:
  Transaction& tx_;
};

}  // namespace cadre::territory
