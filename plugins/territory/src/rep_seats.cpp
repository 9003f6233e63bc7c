#include "rep_seats.hpp"

#include <set>
#include <sstream>

#include "cadre/dates.hpp"
#include "cadre/http.hpp"
#include "employee_store.hpp"
#include "territory_models.hpp"

namespace cadre::territory {

namespace {

bool overlay(const std::string& role) {
  return role == "overlay";
}

std::string percent(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

RepSeat RepSeats::require(std::int64_t seatId) {
  auto seat = seats_.find(seatId);
  if (!seat) throw HttpError::notFound("there is no rep seat " + std::to_string(seatId));
  return *seat;
}

RepSeat RepSeats::place(const RepSeat& wanted) {
  TerritoryModels models(tx_, actor_);
  auto territory = models.requireTerritory(wanted.territoryId);
  models.requireWritable(territory.modelId);
  if (wanted.role != "owner" && wanted.role != "rep" && wanted.role != "overlay") {
    throw HttpError::unprocessable("role '" + wanted.role + "' is unknown",
                                   {{"role", "must be owner, rep or overlay"}});
  }
  if (!(wanted.splitPercent > 0 && wanted.splitPercent <= 100)) {
    throw HttpError::unprocessable("a split must be above 0 and at most 100 percent",
                                   {{"splitPercent", "out of range"}});
  }
  auto employee = EmployeeStore(tx_).find(wanted.employeeId, wanted.validFrom);
  if (!employee || employee->status == "terminated") {
    throw HttpError::unprocessable(
        "employee " + std::to_string(wanted.employeeId) + " is not employed on " + wanted.validFrom,
        {{"employeeId", "not employed on the date"}});
  }
  for (const auto& other : seats_.ofTerritoryFrom(wanted.territoryId, wanted.validFrom)) {
    if (other.employeeId == wanted.employeeId) {
      throw HttpError::unprocessable("employee " + std::to_string(wanted.employeeId) +
                                         " already holds a seat in territory " + territory.code +
                                         " from " + other.validFrom,
                                     {{"employeeId", "already seated in the territory"}});
    }
  }
  checkSplits(wanted, territory.code);
  RepSeat seat = wanted;
  seat.validTo = kOpenEnd;
  seat.id = seats_.insert(seat, actor_, nowTimestamp());
  return seat;
}

void RepSeats::checkSplits(const RepSeat& seat, const std::string& territoryCode) {
  auto others = seats_.ofTerritoryFrom(seat.territoryId, seat.validFrom);
  // The sum can only rise where a seat begins, so checking those dates covers every date.
  std::set<std::string> dates{seat.validFrom};
  for (const auto& other : others) {
    if (other.validFrom > seat.validFrom) dates.insert(other.validFrom);
  }
  for (const auto& date : dates) {
    double sum = seat.splitPercent;
    for (const auto& other : others) {
      if (overlay(other.role) == overlay(seat.role) && other.validFrom <= date &&
          other.validTo > date) {
        sum += other.splitPercent;
      }
    }
    if (sum > 100.0 + 1e-9) {
      std::string group = overlay(seat.role) ? "overlay" : "owner and rep";
      throw HttpError::unprocessable(
          "the " + group + " splits of territory " + territoryCode + " would add up to " +
              percent(sum) + " percent on " + date + "; at most 100 are allowed",
          {{"splitPercent", "territory " + territoryCode + " over 100 percent"}});
    }
  }
}

RepSeat RepSeats::end(std::int64_t seatId, const std::string& date) {
  auto seat = require(seatId);
  TerritoryModels models(tx_, actor_);
  models.requireWritable(models.requireTerritory(seat.territoryId).modelId);
  if (seat.validTo != kOpenEnd) {
    throw HttpError::unprocessable("rep seat " + std::to_string(seatId) + " already ended on " +
                                   seat.validTo);
  }
  if (date < seat.validFrom) {
    throw HttpError::unprocessable("rep seat " + std::to_string(seatId) + " begins on " +
                                       seat.validFrom + "; it cannot end before that",
                                   {{"effectiveDate", "before the seat begins"}});
  }
  seats_.end(seatId, date);
  return require(seatId);
}

}  // namespace cadre::territory
