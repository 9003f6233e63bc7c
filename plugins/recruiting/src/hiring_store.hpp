#pragma once

#include <cstdint>
#include <string>

#include "cadre/database.hpp"

namespace cadre::recruiting {

/// The SQL of a hire on recruiting's side: the hired employee on the application and its
/// offer, and the application's move into its hired stage.
class HiringStore {
 public:
  explicit HiringStore(Transaction& tx) : tx_(tx) {}

  void markHired(std::int64_t applicationId, std::int64_t offerId, std::int64_t employeeId);
  /// Moves the application into its requisition's hired stage, recording the move; returns
  /// the stage's code.
  std::string enterHiredStage(std::int64_t applicationId, const std::string& actor);

 private:
  Transaction& tx_;
};

}  // namespace cadre::recruiting
