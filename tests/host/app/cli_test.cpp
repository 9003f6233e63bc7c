// The `cadre` subcommands, run as a user would run them.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "db/sql_database.hpp"
#include "support/host_process.hpp"

namespace cadre::test {
namespace {

TEST(Cli, HelpForEverySubcommand) {
  HostProcess host;
  for (const char* command : {"serve", "migrate", "plugins", "user", "config", "demo"}) {
    auto result = host.cli({command, "--help"});
    EXPECT_EQ(result.exitCode, 0) << command;
    EXPECT_NE(result.output.find(std::string("usage: cadre ") + command), std::string::npos)
        << result.output;
    EXPECT_NE(result.output.find("--set KEY=VALUE"), std::string::npos);
  }
  auto unknown = host.cli({"fly"});
  EXPECT_EQ(unknown.exitCode, 64);
  EXPECT_NE(unknown.output.find("cadre: unknown subcommand 'fly'"), std::string::npos);
}

TEST(Cli, PluginSubcommandsRunWithTheirArgumentsAndAreListed) {
  HostProcess host({"alpha"});
  auto echo = host.cli({"alpha", "--set", "log.level=error", "echo", "--full", "x", "--force"});
  EXPECT_EQ(echo.exitCode, 0) << echo.output;
  EXPECT_NE(echo.output.find("[--full][x][--force]\n"), std::string::npos) << echo.output;
  auto failed = host.cli({"alpha", "echo", "--fail"});
  EXPECT_EQ(failed.exitCode, 2);
  EXPECT_NE(failed.output.find("alpha echo: asked to fail"), std::string::npos) << failed.output;
  auto threw = host.cli({"alpha", "echo", "--throw"});
  EXPECT_EQ(threw.exitCode, 1);
  EXPECT_NE(threw.output.find("cadre alpha echo: asked to throw"), std::string::npos);
  auto usage = host.cli({"alpha", "echo", "--help"});
  EXPECT_EQ(usage.exitCode, 0);
  EXPECT_NE(usage.output.find("usage: cadre alpha echo [ARG]..."), std::string::npos);
  auto help = host.cli({"help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.output.find("alpha echo       prints its arguments in brackets (alpha)"),
            std::string::npos)
      << help.output;
  EXPECT_NE(host.cli({"help", "alpha", "echo"}).output.find("usage: cadre alpha echo"),
            std::string::npos);
  auto unknown = host.cli({"alpha", "fly"});
  EXPECT_EQ(unknown.exitCode, 64);
  EXPECT_NE(unknown.output.find("cadre: unknown subcommand 'alpha'"), std::string::npos);
  // The host's own subcommands still refuse options they do not know.
  auto serve = host.cli({"serve", "--port", "1"});
  EXPECT_EQ(serve.exitCode, 64);
  EXPECT_NE(serve.output.find("cadre: unknown option --port"), std::string::npos);
}

TEST(Cli, ConfigCheckRunsThePluginsChecks) {
  HostProcess host({"alpha"});
  auto good = host.cli({"config", "check"});
  EXPECT_EQ(good.exitCode, 0) << good.output;
  EXPECT_NE(good.output.find("\nalpha: ok (greeter ready)\n"), std::string::npos) << good.output;
  auto bad = host.cli({"config", "check", "--set", "alpha.broken=1"});
  EXPECT_EQ(bad.exitCode, 1);
  EXPECT_NE(bad.output.find("\nalpha: FAILED: alpha.broken is set\n"), std::string::npos)
      << bad.output;
  HostProcess broken({"alpha", "throws_register"});
  auto failed = broken.cli({"config", "check"});
  EXPECT_EQ(failed.exitCode, 1);
  EXPECT_NE(failed.output.find("\nplugin throws_register: FAILED: "), std::string::npos)
      << failed.output;
  EXPECT_NE(failed.output.find("\nalpha: ok (greeter ready)\n"), std::string::npos);
}

TEST(Cli, PluginsListsStatesAndFailsWhenOneFailed) {
  HostProcess host({"alpha", "beta", "wrong_api"});
  auto result = host.cli({"plugins"});
  EXPECT_EQ(result.exitCode, 1) << result.output;
  EXPECT_NE(result.output.find("alpha            1.2.0      running"), std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("beta             1.0.0      running"), std::string::npos);
  EXPECT_NE(result.output.find("wrong_api"), std::string::npos);
  EXPECT_NE(result.output.find("failed"), std::string::npos);
  EXPECT_NE(result.output.find("built for SDK API 99, host provides 1"), std::string::npos)
      << result.output;

  HostProcess healthy({"alpha"});
  EXPECT_EQ(healthy.cli({"plugins"}).exitCode, 0);
}

TEST(Cli, AFailedPluginShowsInTheApiMetricsAndHealthWhileTheRestServes) {
  HostProcess host({"probe", "wrong_api"});
  host.addUser("root", "admin", "root-long-password");
  host.start();
  auto plugins = host.request("GET", "/api/v1/plugins", "",
                              bearerHeader(host.login("root", "root-long-password")));
  EXPECT_EQ(plugins.status, 200);
  // Of a descriptor from another SDK API only the API version is read: its layout may differ.
  EXPECT_NE(plugins.body.find("\"name\":\"wrong_api\",\"version\":\"\""), std::string::npos)
      << plugins.body;
  EXPECT_NE(
      plugins.body.find("\"state\":\"failed\",\"error\":\"built for SDK API 99, host provides 1"),
      std::string::npos)
      << plugins.body;
  auto metrics = host.request("GET", "/metrics");
  EXPECT_NE(metrics.body.find("cadre_plugin_state{plugin=\"wrong_api\",state=\"failed\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("cadre_plugins_failed 1"), std::string::npos);
  auto health = host.request("GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body.rfind("{\"status\":\"degraded\",\"database\":\"up\"", 0), 0u)
      << health.body;
  EXPECT_NE(host.log().find("W cadre.plugins: plugin 'wrong_api'"), std::string::npos)
      << host.log();
  host.stop();
}

TEST(Cli, UserLifecycle) {
  HostProcess host;
  auto weak = host.cli({"user", "add", "ana", "--role", "hr"}, "short\n");
  EXPECT_EQ(weak.exitCode, 1);
  EXPECT_NE(weak.output.find("at least 12 characters"), std::string::npos) << weak.output;
  auto noRole = host.cli({"user", "add", "ana"}, "long-enough-password\n");
  EXPECT_EQ(noRole.exitCode, 64);
  EXPECT_EQ(
      host.cli({"user", "add", "ana", "--role", "hr", "--name", "Ana Lê"}, "long-enough-password\n")
          .exitCode,
      0);
  auto duplicate = host.cli({"user", "add", "ana", "--role", "hr"}, "long-enough-password\n");
  EXPECT_EQ(duplicate.exitCode, 1);
  EXPECT_EQ(host.cli({"user", "disable", "ana"}).exitCode, 0);
  auto list = host.cli({"user", "list"});
  EXPECT_EQ(list.exitCode, 0);
  EXPECT_NE(list.output.find("ana                      hr        local    disabled  Ana Lê"),
            std::string::npos)
      << list.output;
  EXPECT_EQ(host.cli({"user", "disable", "nobody"}).exitCode, 1);
  EXPECT_EQ(host.cli({"user", "passwd", "ana"}, "another-long-password\n").exitCode, 0);
}

/// Starts the host with one employee, rita, logged in; returns her bearer header.
std::map<std::string, std::string> startWithRitaLoggedIn(HostProcess& host) {
  host.addUser("rita", "employee", "first-long-password");
  host.start();
  auto auth = bearerHeader(host.login("rita", "first-long-password"));
  EXPECT_EQ(host.request("GET", "/api/v1/auth/me", "", auth).status, 200);
  return auth;
}

TEST(Cli, PasswordChangeAndDisableEndSessionsWithinTheCacheLifetime) {
  // The server keeps looked-up sessions for session.cacheMillis (1 s by default); the CLI is
  // another process, so its revocations reach the server within that time.
  using namespace std::chrono_literals;
  HostProcess host;
  auto auth = startWithRitaLoggedIn(host);
  EXPECT_EQ(host.cli({"user", "passwd", "rita"}, "second-long-password\n").exitCode, 0);
  std::this_thread::sleep_for(1100ms);
  EXPECT_EQ(host.request("GET", "/api/v1/auth/me", "", auth).status, 401);

  auth = bearerHeader(host.login("rita", "second-long-password"));
  EXPECT_EQ(host.request("GET", "/api/v1/auth/me", "", auth).status, 200);
  EXPECT_EQ(host.cli({"user", "disable", "rita"}).exitCode, 0);
  std::this_thread::sleep_for(1100ms);
  EXPECT_EQ(host.request("GET", "/api/v1/auth/me", "", auth).status, 401);
  auto refused = host.request("POST", "/api/v1/auth/login",
                              R"({"username":"rita","password":"second-long-password"})");
  EXPECT_EQ(refused.status, 401);
  host.stop();
}

TEST(Cli, LogoutEndsTheSessionAtOnceOnThisHost) {
  HostProcess host;
  auto auth = startWithRitaLoggedIn(host);
  EXPECT_EQ(host.request("POST", "/api/v1/auth/logout", "", auth).status, 204);
  EXPECT_EQ(host.request("GET", "/api/v1/auth/me", "", auth).status, 401);
  host.stop();
}

TEST(Cli, ConfigCheckShowsSourcesAndMasksSecrets) {
  HostProcess host;
  auto result = host.cli({"config", "check", "--set", "db.password=hunter2-hunter2"});
  EXPECT_EQ(result.exitCode, 0) << result.output;
  EXPECT_EQ(result.output.find("hunter2"), std::string::npos);
  EXPECT_NE(result.output.find("***"), std::string::npos);
  EXPECT_NE(result.output.find("(--set)"), std::string::npos);
  EXPECT_NE(result.output.find("database: ok"), std::string::npos);
  auto bad = host.cli({"config", "check", "--set", "db.url=mysql://x"});
  EXPECT_EQ(bad.exitCode, 1);
  EXPECT_NE(bad.output.find("database: FAILED: db.url 'mysql://x' is neither sqlite:PATH nor "
                            "postgresql://"),
            std::string::npos)
      << bad.output;
}

TEST(Cli, MigrateAndDemoAreRepeatable) {
  HostProcess host({"alpha"});
  auto migrate = host.cli({"migrate"});
  EXPECT_EQ(migrate.exitCode, 0) << migrate.output;
  EXPECT_NE(migrate.output.find("host             schema version 3"), std::string::npos)
      << migrate.output;
  EXPECT_NE(migrate.output.find("alpha            schema version 1"), std::string::npos);
  auto demo = host.cli({"demo", "--set", "admin.password=demo-admin-password"});
  EXPECT_EQ(demo.exitCode, 0) << demo.output;
  EXPECT_NE(demo.output.find("demo: log in as admin with password demo-admin-password"),
            std::string::npos);
  EXPECT_NE(demo.output.find("demo: 1 plugin(s) seeded their demo data in sqlite:"),
            std::string::npos)
      << demo.output;
  auto database = db::openDatabase(host.databaseUrl());
  auto rows = database->begin(TxMode::Read)->query("SELECT name FROM alpha_items");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].getString(0), "demo");
  auto again = host.cli({"demo"});
  EXPECT_EQ(again.exitCode, 0);
  EXPECT_NE(again.output.find("nothing seeded again"), std::string::npos);
}

TEST(Cli, AFailingMigrationStopsTheHostAndKeepsNothingOfTheStep) {
  HostProcess host({"bad_migration"});
  auto migrate = host.cli({"migrate"});
  EXPECT_EQ(migrate.exitCode, 3) << migrate.output;
  EXPECT_NE(migrate.output.find("cadre: migration bad_migration 2 'broken step' failed: "),
            std::string::npos)
      << migrate.output;
  EXPECT_NE(migrate.output.find("; rolled back"), std::string::npos);
  auto serve = host.cli({"serve", "--set", "http.port=0"});
  EXPECT_EQ(serve.exitCode, 3) << serve.output;
  // Step 1 stays applied; nothing of step 2 does.
  auto database = db::openDatabase(host.databaseUrl());
  auto tx = database->begin(TxMode::Read);
  auto tables = tx->query(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'bad_migration%'");
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].getString(0), "bad_migration_good");
  auto versions = tx->query("SELECT version FROM schema_migrations WHERE owner = 'bad_migration'");
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].getInt(0), 1);
}

TEST(Cli, LogsToARotatingFileWhenAsked) {
  HostProcess host;
  std::string file = host.folder() + "/cadre.log";
  host.start({{"log.file", file}});
  EXPECT_EQ(host.request("GET", "/healthz").status, 200);
  host.stop();
  std::ifstream in(file);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(content.find("I cadre.access: GET /healthz 200 "), std::string::npos) << content;
  EXPECT_NE(content.find("N cadre: stopping"), std::string::npos);
}

TEST(Cli, ServeWithNoConfigUsesSqliteInTheWorkingFolder) {
  HostProcess host;
  host.start({}, false);
  EXPECT_EQ(host.request("GET", "/healthz").status, 200);
  EXPECT_TRUE(std::filesystem::exists(host.folder() + "/cadre.db"));
  host.stop();
}

}  // namespace
}  // namespace cadre::test
