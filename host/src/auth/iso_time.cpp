#include "auth/iso_time.hpp"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Timestamp.h>

namespace cadre::auth {
namespace {

constexpr const char* kFormat = "%Y-%m-%dT%H:%M:%S.%iZ";
constexpr std::size_t kLength = 24;

}  // namespace

Clock systemClock() {
  return [] { return std::chrono::system_clock::now(); };
}

std::string isoUtc(std::chrono::system_clock::time_point time) {
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch());
  return Poco::DateTimeFormatter::format(Poco::Timestamp(micros.count()), kFormat);
}

std::optional<std::chrono::system_clock::time_point> parseIsoUtc(const std::string& text) {
  if (text.size() != kLength || text.back() != 'Z') return std::nullopt;
  Poco::DateTime parsed;
  int zone = 0;
  if (!Poco::DateTimeParser::tryParse(kFormat, text, parsed, zone)) return std::nullopt;
  auto micros = std::chrono::microseconds(parsed.timestamp().epochMicroseconds());
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(micros));
}

}  // namespace cadre::auth
