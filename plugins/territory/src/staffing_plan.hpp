#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/database.hpp"
#include "position_store.hpp"

namespace cadre::territory {

/// Changes to a position; unset members keep their value.
struct PositionEdit {
  std::optional<std::string> title;
  std::optional<double> fte;
  std::optional<double> budgetedCost;
  std::optional<bool> frozen;
};

/// A plan compared with what its org unit (and the units below) has on a date.
struct PlanVersusActual {
  HeadcountPlan plan;
  std::string asOf;
  HeadcountActuals actual;
};

/// The rules of positions and headcount plans: a position opens in an open org unit, is frozen
/// only while vacant, closes only when nobody holds it from that date on; plans of one unit do
/// not overlap. Throws cadre::HttpError (404, 409, 422). Works in the caller's transaction.
class StaffingPlan {
 public:
  explicit StaffingPlan(Transaction& tx) : tx_(tx), positions_(tx) {}

  Position open(const Position& draft);
  Position edit(std::int64_t id, const PositionEdit& edit);
  Position close(std::int64_t id, const std::string& effectiveDate);
  HeadcountPlan createPlan(const HeadcountPlan& plan);
  HeadcountPlan editPlan(const HeadcountPlan& plan);
  /// The plan against its unit's actuals on `asOf` (default: the plan's last day or today,
  /// whichever comes first).
  PlanVersusActual compare(std::int64_t planId, const std::optional<std::string>& asOf);

 private:
  Position require(std::int64_t id);
  void checkPlan(const HeadcountPlan& plan);
  Transaction& tx_;
  PositionStore positions_;
};

}  // namespace cadre::territory
