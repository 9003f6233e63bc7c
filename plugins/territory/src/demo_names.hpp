#pragma once

#include <cstdint>
#include <string>
#include <utility>

namespace cadre::territory {

/// A small deterministic generator (splitmix64): the same seed gives the same demo everywhere,
/// unlike the standard distributions whose results differ between library implementations.
class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : state_(seed) {}
  /// The next value in [0, bound); bound must be positive.
  std::int64_t below(std::int64_t bound);

 private:
  std::uint64_t state_;
};

/// The markets the demo's people and accounts come from.
enum class DemoMarket { Vietnam, Indonesia, China };

/// A believable given and family name for the market, in its own script.
std::pair<std::string, std::string> demoPersonName(DemoMarket market, DemoRandom& random);

/// A believable company name for the market, in its own script.
std::string demoAccountName(DemoMarket market, DemoRandom& random);

/// A lowercase ASCII mailbox name for a person (diacritics and CJK become the serial number).
std::string demoMailbox(const std::string& employeeNumber);

/// The date `days` days after (or, negative, before) an ISO date.
std::string demoAddDays(const std::string& isoDate, std::int64_t days);

/// Days from `from` to `to` (negative when `to` is earlier).
std::int64_t demoDaysBetween(const std::string& from, const std::string& to);

}  // namespace cadre::territory
