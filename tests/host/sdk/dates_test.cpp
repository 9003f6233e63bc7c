#include "cadre/dates.hpp"

#include <gtest/gtest.h>

namespace cadre {
namespace {

TEST(Dates, NextDayCrossesMonthsAndLeapDays) {
  EXPECT_EQ(nextDay("2024-02-28"), "2024-02-29");
  EXPECT_EQ(nextDay("2023-02-28"), "2023-03-01");
  EXPECT_EQ(nextDay("2024-12-31"), "2025-01-01");
}

TEST(Dates, DaysBetweenCountsWholeDaysOfDatesOrTimestamps) {
  EXPECT_EQ(daysBetween("2024-02-01", "2024-03-01"), 29);
  EXPECT_EQ(daysBetween("2024-03-01", "2024-02-01"), -29);
  EXPECT_EQ(daysBetween("2024-06-30T23:59:59Z", "2024-07-01T00:00:01Z"), 1);
  EXPECT_EQ(daysBetween("2024-06-30", "2024-06-30T12:00:00Z"), 0);
}

}  // namespace
}  // namespace cadre
