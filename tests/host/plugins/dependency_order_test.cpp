#include "plugins/dependency_order.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cadre::plugins {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(DependencyOrderTest, DependenciesComeFirst) {
  auto result = orderByDependencies({{"attendance", {"territory"}},
                                     {"performance", {"territory", "attendance"}},
                                     {"territory", {}},
                                     {"alone", {}}});
  EXPECT_THAT(result.order, ElementsAre("alone", "territory", "attendance", "performance"));
  EXPECT_THAT(result.cycles, IsEmpty());
}

TEST(DependencyOrderTest, UnknownDependenciesAreIgnored) {
  auto result = orderByDependencies({{"a", {"ghost"}}});
  EXPECT_THAT(result.order, ElementsAre("a"));
}

TEST(DependencyOrderTest, CyclesAreNamedForEveryMemberAndLeftOut) {
  auto result = orderByDependencies(
      {{"c", {"a"}}, {"a", {"b"}}, {"b", {"c"}}, {"d", {"a"}}, {"self", {"self"}}, {"e", {}}});
  EXPECT_EQ(result.cycles.at("a"), "dependency cycle: a -> b -> c -> a");
  EXPECT_EQ(result.cycles.at("b"), "dependency cycle: a -> b -> c -> a");
  EXPECT_EQ(result.cycles.at("c"), "dependency cycle: a -> b -> c -> a");
  EXPECT_EQ(result.cycles.at("self"), "dependency cycle: self -> self");
  EXPECT_EQ(result.cycles.size(), 4u);
  // d depends on the cycle: ordered, and the host fails it "because 'a' failed".
  EXPECT_THAT(result.order, ElementsAre("d", "e"));
}

}  // namespace
}  // namespace cadre::plugins
