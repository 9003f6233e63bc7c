#include "dates.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Timespan.h>

#include "cadre/json_fields.hpp"

namespace cadre::territory {

std::string today() {
  return Poco::DateTimeFormatter::format(Poco::LocalDateTime(), "%Y-%m-%d");
}

std::string nowTimestamp() {
  return Poco::DateTimeFormatter::format(Poco::DateTime(), "%Y-%m-%dT%H:%M:%SZ");
}

std::string asOfDate(const Request& request) {
  auto asOf = request.queryParam("asOf");
  if (!asOf) return today();
  if (!isIsoDate(*asOf)) {
    throw HttpError::badRequest("asOf must be a date YYYY-MM-DD",
                                {{"asOf", "'" + *asOf + "' is not a date YYYY-MM-DD"}});
  }
  return *asOf;
}

std::string nextDay(const std::string& isoDate) {
  int tz = 0;
  Poco::DateTime date = Poco::DateTimeParser::parse("%Y-%m-%d", isoDate, tz);
  date += Poco::Timespan(1, 0, 0, 0, 0);
  return Poco::DateTimeFormatter::format(date, "%Y-%m-%d");
}

}  // namespace cadre::territory
