#include "instant.hpp"

#include <regex>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>

#include "cadre/json_fields.hpp"

namespace cadre::recruiting {

std::optional<std::string> utcInstant(const std::string& text) {
  static const std::regex kInstant(
      R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2})))");
  std::smatch m;
  if (!std::regex_match(text, m, kInstant) || !isIsoDate(text.substr(0, 10))) return std::nullopt;
  int hour = std::stoi(m[4]);
  int minute = std::stoi(m[5]);
  int second = m[6].matched ? std::stoi(m[6]) : 0;
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  int offsetMinutes = 0;
  if (m[7] != "Z") {
    int zoneHours = std::stoi(m[9]);
    int zoneMinutes = std::stoi(m[10]);
    if (zoneHours > 14 || zoneMinutes > 59) return std::nullopt;
    offsetMinutes = (m[8] == "-" ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  Poco::DateTime local(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), hour, minute, second);
  local -= Poco::Timespan(0, 0, offsetMinutes, 0, 0);
  return Poco::DateTimeFormatter::format(local, "%Y-%m-%dT%H:%M:%SZ");
}

}  // namespace cadre::recruiting
