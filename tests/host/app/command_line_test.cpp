#include "app/command_line.hpp"

#include <gtest/gtest.h>

namespace cadre {
namespace {

TEST(CommandLine, ConfigAndSetAnywhere) {
  auto line = CommandLine::parse({"user", "--set", "db.url=sqlite:x.db", "add", "ana", "--role",
                                  "hr", "--config=/etc/cadre.properties", "--set=http.port=0"});
  EXPECT_EQ(line.words, (std::vector<std::string>{"user", "add", "ana"}));
  EXPECT_EQ(*line.configFile, "/etc/cadre.properties");
  EXPECT_EQ(line.overrides.at("db.url"), "sqlite:x.db");
  EXPECT_EQ(line.overrides.at("http.port"), "0");
  EXPECT_EQ(*line.option("role"), "hr");
  EXPECT_FALSE(line.help);
  EXPECT_EQ(line.arguments, (std::vector<std::string>{"user", "add", "ana", "--role", "hr"}));
  EXPECT_TRUE(line.unknownOptions.empty());
}

TEST(CommandLine, KeepsUnknownOptionsForPluginCommands) {
  auto line = CommandLine::parse({"sync", "--full", "ldap", "--set", "ldap.uri=ldap://x",
                                  "--dry-run=yes", "--force", "--help"});
  EXPECT_EQ(line.words, (std::vector<std::string>{"sync", "ldap"}));
  EXPECT_EQ(line.arguments,
            (std::vector<std::string>{"sync", "--full", "ldap", "--dry-run=yes", "--force"}));
  EXPECT_EQ(line.unknownOptions, (std::vector<std::string>{"--full", "--dry-run"}));
  EXPECT_EQ(line.overrides.at("ldap.uri"), "ldap://x");
  EXPECT_TRUE(line.help);
}

TEST(CommandLine, HelpAndErrors) {
  EXPECT_TRUE(CommandLine::parse({"serve", "--help"}).help);
  try {
    CommandLine::parse({"serve", "--set", "novalue"});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "--set takes KEY=VALUE, not 'novalue'");
  }
  try {
    CommandLine::parse({"serve", "--config"});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "--config needs a value");
  }
}

}  // namespace
}  // namespace cadre
