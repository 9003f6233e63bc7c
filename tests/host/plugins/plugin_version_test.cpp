#include "plugins/plugin_version.hpp"

#include <gtest/gtest.h>

namespace cadre::plugins {
namespace {

TEST(PluginVersionTest, ParsesOneToThreeComponents) {
  EXPECT_EQ(PluginVersion::parse("1.2.3")->toString(), "1.2.3");
  EXPECT_EQ(PluginVersion::parse("1.0")->toString(), "1.0.0");
  EXPECT_EQ(PluginVersion::parse("7")->toString(), "7.0.0");
}

TEST(PluginVersionTest, RefusesMalformedText) {
  for (const char* text : {"", "1.", ".1", "1..2", "1.2.3.4", "v1", "1.2-beta", "-1", "1.2.x"})
    EXPECT_FALSE(PluginVersion::parse(text).has_value()) << text;
}

TEST(PluginVersionTest, ComparesComponentByComponent) {
  auto v = [](const char* text) { return *PluginVersion::parse(text); };
  EXPECT_TRUE(v("1.2.3") < v("1.10.0"));
  EXPECT_TRUE(v("1.9.9") < v("2.0.0"));
  EXPECT_TRUE(v("1.0") == v("1.0.0"));
  EXPECT_TRUE(v("1.2.3") <= v("1.2.3"));
  EXPECT_FALSE(v("1.2.4") <= v("1.2.3"));
}

TEST(PluginDependencyTest, ParsesNamesAndMinimumVersions) {
  auto deps = parseDependencies("alpha>=1.0, beta ,gamma >= 2.1.3");
  ASSERT_EQ(deps.size(), 3u);
  EXPECT_EQ(deps[0].name, "alpha");
  EXPECT_EQ(deps[0].minimum->toString(), "1.0.0");
  EXPECT_EQ(deps[0].text, "alpha>=1.0");
  EXPECT_EQ(deps[1].name, "beta");
  EXPECT_FALSE(deps[1].minimum.has_value());
  EXPECT_EQ(deps[2].name, "gamma");
  EXPECT_EQ(deps[2].minimum->toString(), "2.1.3");
  EXPECT_TRUE(parseDependencies("").empty());
}

TEST(PluginDependencyTest, RefusesMalformedEntriesNamingThem) {
  auto message = [](const std::string& list) {
    try {
      parseDependencies(list);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("alpha>=one"), "dependency 'alpha>=one' has a malformed version");
  EXPECT_EQ(message(">=1.0"), "dependency '>=1.0' does not start with a plugin name");
  EXPECT_EQ(message("Alpha"), "dependency 'Alpha' does not start with a plugin name");
  EXPECT_EQ(message("alpha,,beta"), "dependency list 'alpha,,beta' has an empty entry");
}

}  // namespace
}  // namespace cadre::plugins
