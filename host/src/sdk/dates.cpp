#include "cadre/dates.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Timespan.h>

#include "cadre/json_fields.hpp"

namespace cadre {

namespace {

Poco::DateTime parseDate(const std::string& isoDate) {
  int tz = 0;
  return Poco::DateTimeParser::parse("%Y-%m-%d", isoDate.substr(0, 10), tz);
}

}  // namespace

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
  Poco::DateTime date = parseDate(isoDate);
  date += Poco::Timespan(1, 0, 0, 0, 0);
  return Poco::DateTimeFormatter::format(date, "%Y-%m-%d");
}

long daysBetween(const std::string& from, const std::string& to) {
  return static_cast<long>((parseDate(to) - parseDate(from)).days());
}

}  // namespace cadre
