#include "instant.hpp"

#include <gtest/gtest.h>

namespace cadre::recruiting::test {
namespace {

TEST(InstantTest, TimesWithAZoneBecomeUtcInstants) {
  EXPECT_EQ(utcInstant("2026-11-26T09:30:00Z"), std::optional<std::string>("2026-11-26T09:30:00Z"));
  EXPECT_EQ(utcInstant("2026-11-26T10:30+01:00"),
            std::optional<std::string>("2026-11-26T09:30:00Z"));
  EXPECT_EQ(utcInstant("2026-12-31T22:15:05-05:30"),
            std::optional<std::string>("2027-01-01T03:45:05Z"));
}

TEST(InstantTest, TimesWithoutAZoneOrThatDoNotExistAreRefused) {
  for (const char* bad :
       {"2026-11-26T09:30:00", "2026-11-26 09:30Z", "2026-02-30T09:30Z", "2026-11-26T24:00Z",
        "2026-11-26T09:60Z", "2026-11-26T09:30+15:00", "tomorrow", ""}) {
    EXPECT_EQ(utcInstant(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace cadre::recruiting::test
