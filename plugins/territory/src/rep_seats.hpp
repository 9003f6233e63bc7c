#pragma once

#include <cstdint>
#include <string>

#include "cadre/database.hpp"
#include "rep_seat_store.hpp"

namespace cadre::territory {

/// The rules of rep seats: a rep may cover several territories; within one territory on any
/// date the splits of owners and reps together, and of overlays apart, add up to at most 100
/// percent; a seat is open-ended from its date until ended. Throws cadre::HttpError (404, 422);
/// leaves rollback to the caller.
class RepSeats {
 public:
  RepSeats(Transaction& tx, std::string actor) : tx_(tx), seats_(tx), actor_(std::move(actor)) {}

  /// Seats a rep from `seat.validFrom` on (validTo is ignored: the seat is open-ended).
  RepSeat place(const RepSeat& seat);
  /// Ends a seat at a date (the first day without it).
  RepSeat end(std::int64_t seatId, const std::string& date);
  RepSeat require(std::int64_t seatId);

 private:
  void checkSplits(const RepSeat& seat, const std::string& territoryCode);

  Transaction& tx_;
  RepSeatStore seats_;
  std::string actor_;
};

}  // namespace cadre::territory
