#include "clock_text.hpp"

#include <ctime>

namespace cadre::ldap {
namespace {

std::string format(const char* pattern, const std::tm& tm) {
  char buffer[40];
  std::size_t length = std::strftime(buffer, sizeof buffer, pattern, &tm);
  return std::string(buffer, length);
}

std::tm local() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return tm;
}

}  // namespace

std::string todayLocal() {
  return format("%Y-%m-%d", local());
}

std::string nowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return format("%Y-%m-%dT%H:%M:%SZ", tm);
}

int localHour() {
  return local().tm_hour;
}

}  // namespace cadre::ldap
