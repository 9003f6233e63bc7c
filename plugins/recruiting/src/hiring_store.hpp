#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/database.hpp"

namespace cadre::recruiting {

/// What a hire takes from its requisition: where the new employee goes and how many openings
/// are left.
struct RequisitionSeat {
  std::int64_t id = 0;
  std::string title;
  std::int64_t orgUnitId = 0;
  std::optional<std::int64_t> positionId;
  std::optional<std::string> newPositionTitle;
  std::optional<std::int64_t> territoryId;
  std::int64_t hiringManagerId = 0;
  std::string employmentType;
  std::int64_t openings = 0;
  std::int64_t filled = 0;
  std::string state;
  std::optional<std::string> openedAt;
  std::optional<std::string> filledAt;
  std::optional<std::int64_t> timeToFillDays;
  std::int64_t version = 0;
};

/// The SQL of a hire on recruiting's side: the requisition's count and the hired employee on
/// the application and its offer.
class HiringStore {
 public:
  explicit HiringStore(Transaction& tx) : tx_(tx) {}

  std::optional<RequisitionSeat> requisition(std::int64_t id);
  /// Writes filled, state, filled at and time to fill when the requisition is still at
  /// `seat.version`; false when someone changed it meanwhile.
  bool countHire(const RequisitionSeat& seat);
  void markHired(std::int64_t applicationId, std::int64_t offerId, std::int64_t employeeId);
  /// Moves the application into its requisition's hired stage, recording the move; returns
  /// the stage's code.
  std::string enterHiredStage(std::int64_t applicationId, const std::string& actor);

 private:
  Transaction& tx_;
};

}  // namespace cadre::recruiting
