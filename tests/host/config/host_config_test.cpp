#include "config/host_config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace cadre {
namespace {

class HostConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cadre-config-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    file_ = (dir_ / "cadre.properties").string();
    std::ofstream(file_) << "http.port = 9000\nhttp.address = 0.0.0.0\ndb.passwordFile = "
                         << (dir_ / "db.pass").string() << "\n";
    std::ofstream(dir_ / "db.pass") << "s3cret-from-file\n";
  }
  void TearDown() override {
    ::unsetenv("CADRE_HTTP_PORT");
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::string file_;
};

TEST_F(HostConfigTest, DefaultsWithoutAFile) {
  HostConfig config(std::nullopt, {}, "/opt/cadre/bin");
  EXPECT_EQ(config.get("http.port"), "8080");
  EXPECT_EQ(config.get("db.url"), "sqlite:cadre.db");
  EXPECT_EQ(config.get("plugins.dir"), "/opt/cadre/bin/../lib/cadre/plugins");
  EXPECT_EQ(config.sourceOf("http.port"), "default");
  EXPECT_EQ(config.getInt("http.port", 1), 8080);
  EXPECT_FALSE(config.has("http.port"));
}

TEST_F(HostConfigTest, FileThenEnvironmentThenSet) {
  HostConfig fromFile(file_, {}, "/x");
  EXPECT_EQ(fromFile.get("http.port"), "9000");
  EXPECT_EQ(fromFile.sourceOf("http.port"), "file");

  ::setenv("CADRE_HTTP_PORT", "9100", 1);
  HostConfig fromEnv(file_, {}, "/x");
  EXPECT_EQ(fromEnv.getInt("http.port", 0), 9100);
  EXPECT_EQ(fromEnv.sourceOf("http.port"), "environment");
  EXPECT_EQ(fromEnv.get("http.address"), "0.0.0.0");

  HostConfig fromSet(file_, {{"http.port", "9200"}}, "/x");
  EXPECT_EQ(fromSet.getInt("http.port", 0), 9200);
  EXPECT_EQ(fromSet.sourceOf("http.port"), "--set");
}

TEST_F(HostConfigTest, SecretFromValueOrFile) {
  HostConfig config(file_, {}, "/x");
  EXPECT_EQ(*config.secret("db.password"), "s3cret-from-file");
  HostConfig direct(file_, {{"db.password", "direct"}}, "/x");
  EXPECT_EQ(*direct.secret("db.password"), "direct");
  HostConfig none(std::nullopt, {}, "/x");
  EXPECT_FALSE(none.secret("db.password").has_value());
}

TEST_F(HostConfigTest, ClearErrors) {
  HostConfig config(std::nullopt, {{"http.port", "eighty"}, {"http.secureCookies", "maybe"}}, "/x");
  try {
    config.getInt("http.port", 0);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "configuration key http.port must be a whole number, not 'eighty'");
  }
  try {
    config.getBool("http.secureCookies", false);
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "configuration key http.secureCookies must be true or false, not 'maybe'");
  }
  EXPECT_THROW(HostConfig((dir_ / "missing.properties").string(), {}, "/x"), std::runtime_error);
  EXPECT_EQ(HostConfig::environmentName("ldap.bindDN"), "CADRE_LDAP_BINDDN");
}

}  // namespace
}  // namespace cadre
