#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "offer.hpp"

namespace cadre::recruiting {

/// The SQL of offers.
class OfferStore {
 public:
  explicit OfferStore(Transaction& tx) : tx_(tx) {}

  std::optional<Offer> find(std::int64_t id);
  std::vector<Offer> list(const OfferFilter& filter);
  /// The application's offer still in play (draft, pending approval, extended, or accepted
  /// and not yet hired), if any.
  std::optional<Offer> liveOf(std::int64_t applicationId);
  /// Extended offers whose last day to accept lies before `today`.
  std::vector<Offer> expiredBy(const std::string& today);
  std::int64_t insert(const Offer& offer);
  /// Writes everything but the application and creation, and bumps the version.
  void update(const Offer& offer);
  /// Records the employee the accepted offer hired, and bumps the version.
  void markHired(std::int64_t offerId, std::int64_t employeeId);
  /// The salary band of the application's requisition.
  SalaryBand bandOf(std::int64_t applicationId);

 private:
  Transaction& tx_;
};

}  // namespace cadre::recruiting
