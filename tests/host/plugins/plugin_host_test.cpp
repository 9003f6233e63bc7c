#include "plugins/plugin_host.hpp"

#include <cstdlib>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cadre/abi.hpp"
#include "host_doubles.hpp"

namespace cadre::plugins {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class PluginHostTest : public ::testing::Test {
 protected:
  PluginHostTest() {
    services.provideAs("test", "fixture.journal", journal);
    Poco::Logger::get("cadre.plugins").setChannel(warnings);
    Poco::Logger::get("cadre.plugins").setLevel(Poco::Message::PRIO_WARNING);
  }
  ~PluginHostTest() override {
    host.reset();
    Poco::Logger::get("cadre.plugins").setChannel(nullptr);
  }

  PluginHost& makeHost() {
    host = std::make_unique<PluginHost>(HostFacilities{
        database, router, services, events, pages, auth, commands, audit, users, config,
        [this](const std::string& owner, JobSpec job) { jobs.push_back(owner + ":" + job.name); },
        [](const std::string&) {}});
    return *host;
  }
  /// discover → migrate → registerAll → startAll, as the host's main does.
  PluginHost& runAll() {
    makeHost();
    host->discover(folder.path());
    host->migrate([this](const std::string& owner, const std::vector<Migration>& steps) {
      migrated.push_back(owner + ":" + std::to_string(steps.size()));
    });
    host->registerAll();
    host->startAll();
    return *host;
  }
  const PluginStatus& status(const std::string& name) {
    statusCache = host->statuses();
    for (const auto& s : statusCache)
      if (s.name == name) return s;
    throw std::runtime_error("no status for " + name);
  }
  std::string failure(const std::string& name) {
    const PluginStatus& s = status(name);
    EXPECT_EQ(s.state, "failed") << name;
    return s.error;
  }

  test::PluginFolder folder;
  test::RecordingDatabase database;
  http::Router router;
  ServiceTable services;
  EventBus events;
  PageRegistry pages;
  AuthExtensions auth;
  CommandRegistry commands;
  test::NoAudit audit;
  test::NoUsers users;
  test::EmptyConfig config;
  std::vector<std::string> jobs;
  std::vector<std::string> migrated;
  std::shared_ptr<test::TestJournal> journal = std::make_shared<test::TestJournal>(folder.path());
  Poco::AutoPtr<test::CapturingChannel> warnings{new test::CapturingChannel};
  std::unique_ptr<PluginHost> host;
  std::vector<PluginStatus> statusCache;
};

TEST_F(PluginHostTest, GoodPluginsStartInDependencyOrderAndStopInReverse) {
  folder.add("alpha");
  folder.add("beta");
  runAll();

  const PluginStatus& alpha = status("alpha");
  EXPECT_EQ(alpha.state, "running");
  EXPECT_EQ(alpha.version, "1.2.0");
  EXPECT_EQ(alpha.compatVersion, "1.0.0");
  EXPECT_EQ(alpha.file, folder.file("alpha"));
  EXPECT_EQ(alpha.error, "");
  EXPECT_THAT(status("beta").dependencies, ElementsAre("alpha>=1.0"));
  EXPECT_EQ(status("beta").state, "running");
  EXPECT_EQ(host->failedCount(), 0u);
  EXPECT_THAT(migrated, ElementsAre("alpha:1", "beta:0"));
  EXPECT_EQ(router.match("GET", "/api/v1/alpha/greeting").route->owner, "alpha");
  EXPECT_EQ(router.match("GET", "/api/v1/beta/greeting").route->owner, "beta");
  EXPECT_THAT(services.names(), ElementsAre("alpha.greeter", "fixture.journal"));

  host->stopAll();
  EXPECT_THAT(journal->events(),
              ElementsAre("register alpha", "register beta", "start alpha", "start beta",
                          "hello from beta", "stop beta", "stop alpha",
                          "destroy beta (library loaded)", "destroy alpha (library loaded)"));
  EXPECT_EQ(status("alpha").state, "stopped");
  EXPECT_EQ(status("beta").state, "stopped");
  EXPECT_THAT(router.routes(), IsEmpty());
  EXPECT_THAT(services.names(), ElementsAre("fixture.journal"));
  // The host closed its handles. alpha itself may stay mapped: glibc never unloads a library
  // whose GNU-unique symbols (here std::make_shared's tag) another object bound to.
  EXPECT_FALSE(test::isLoaded(folder.file("beta")));
  EXPECT_THAT(warnings->messages(), IsEmpty());
}

TEST_F(PluginHostTest, WrongSdkApiVersionIsRefusedWithBothVersions) {
  folder.add("wrong_api");
  folder.add("alpha");
  runAll();
  EXPECT_EQ(failure("wrong_api"), "built for SDK API 99, host provides 1");
  EXPECT_EQ(status("alpha").state, "running");
  EXPECT_EQ(host->failedCount(), 1u);
  EXPECT_THAT(warnings->messages(), ElementsAre("plugin 'wrong_api' (" + folder.file("wrong_api") +
                                                ") failed: built for SDK API 99, host provides 1"));
  EXPECT_THAT(journal->events(), ElementsAre("register alpha", "start alpha"));
}

TEST_F(PluginHostTest, WrongAbiTagIsRefusedWithBothTags) {
  folder.add("wrong_abi");
  runAll();
  EXPECT_EQ(failure("wrong_abi"), std::string("ABI tag 'GNU-0.0/c++98/poco-0/boost-0' differs "
                                              "from the host's '") +
                                      kAbiTag + "'");
  EXPECT_THAT(journal->events(), IsEmpty());
}

TEST_F(PluginHostTest, LibraryWithoutEntryPointIsRefusedWithoutRunningItsCode) {
  folder.add("no_entry");
  runAll();
  EXPECT_EQ(failure("no_entry"),
            "exports no 'cadre_plugin_descriptor' and 'cadre_plugin_factory' (not a Cadre plugin)");
  EXPECT_EQ(std::getenv("CADRE_FIXTURE_NO_ENTRY_RAN"), nullptr);
  EXPECT_FALSE(test::isLoaded(folder.file("no_entry")));
}

TEST_F(PluginHostTest, StrippedPluginLoadsFromItsDynamicSymbols) {
  folder.add("alpha");
  std::string command = "strip --strip-unneeded '" + folder.file("alpha") + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  runAll();
  EXPECT_EQ(status("alpha").state, "running") << status("alpha").error;
}

TEST_F(PluginHostTest, FileThatIsNotALibraryIsRefused) {
  std::string junk = folder.path() + "/junk.so";
  std::FILE* file = std::fopen(junk.c_str(), "w");
  std::fputs("not an ELF file\n", file);
  std::fclose(file);
  runAll();
  EXPECT_EQ(failure("junk").rfind("not a shared library this host can read (", 0), 0u)
      << failure("junk");
}

TEST_F(PluginHostTest, MissingDependencyIsNamed) {
  folder.add("needs_ghost");
  runAll();
  EXPECT_EQ(failure("needs_ghost"), "depends on 'ghost', which is not installed");
  EXPECT_THAT(status("needs_ghost").dependencies, ElementsAre("ghost>=1.0"));
}

TEST_F(PluginHostTest, DependencyVersionMismatchNamesWantedAndFound) {
  folder.add("alpha");
  folder.add("needs_new_alpha");
  runAll();
  EXPECT_EQ(failure("needs_new_alpha"),
            "needs 'alpha' >= 2.0.0, found 'alpha' 1.2.0 (compatible down to 1.0.0)");
  EXPECT_EQ(status("alpha").state, "running");
}

TEST_F(PluginHostTest, DependencyCycleFailsEveryMember) {
  folder.add("cycle_a");
  folder.add("cycle_b");
  folder.add("alpha");
  runAll();
  EXPECT_EQ(failure("cycle_a"), "dependency cycle: cycle_a -> cycle_b -> cycle_a");
  EXPECT_EQ(failure("cycle_b"), "dependency cycle: cycle_a -> cycle_b -> cycle_a");
  EXPECT_EQ(status("alpha").state, "running");
  EXPECT_EQ(host->failedCount(), 2u);
}

TEST_F(PluginHostTest, DuplicateNameFailsTheSecondFileNamingBoth) {
  folder.add("dup_one");
  folder.add("dup_two");
  runAll();
  auto all = host->statuses();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].file, folder.file("dup_one"));
  EXPECT_EQ(all[0].state, "running");
  EXPECT_EQ(all[0].version, "1.0.0");
  EXPECT_EQ(all[1].file, folder.file("dup_two"));
  EXPECT_EQ(all[1].name, "dup");
  EXPECT_EQ(all[1].version, "2.0.0");
  EXPECT_EQ(all[1].state, "failed");
  EXPECT_EQ(all[1].error,
            "'dup_two.so' declares the name 'dup', which 'dup_one.so' declared first");
}

TEST_F(PluginHostTest, PluginThatThrowsInStartFailsAndTakesItsDependantsAlong) {
  folder.add("alpha");
  folder.add("throws_start");
  folder.add("after_throws_start");
  runAll();
  EXPECT_EQ(failure("throws_start"), "start threw: licence file missing");
  EXPECT_EQ(failure("after_throws_start"), "because 'throws_start' failed");
  EXPECT_EQ(status("alpha").state, "running");
  EXPECT_EQ(host->failedCount(), 2u);
  EXPECT_EQ(router.match("GET", "/api/v1/throws_start/x").route, nullptr);
  // Dependencies first, otherwise in name order.
  EXPECT_THAT(journal->events(),
              ElementsAre("register throws_start", "register after_throws_start", "register alpha",
                          "start throws_start", "start alpha"));
  EXPECT_EQ(warnings->messages().size(), 2u);

  host->stopAll();
  EXPECT_THAT(journal->events(), ElementsAre("register throws_start", "register after_throws_start",
                                             "register alpha", "start throws_start", "start alpha",
                                             "stop alpha", "destroy alpha (library loaded)",
                                             "destroy after_throws_start (library loaded)",
                                             "destroy throws_start (library loaded)"));
}

TEST_F(PluginHostTest, PluginThatThrowsInRegisterWithLeavesNothingRegistered) {
  folder.add("throws_register");
  runAll();
  EXPECT_EQ(failure("throws_register"), "registerWith threw: half registered");
  EXPECT_THAT(router.routes(), IsEmpty());
  EXPECT_EQ(services.find<int>("throws_register.number"), nullptr);
  EXPECT_THAT(pages.visibleTo(Role::Admin), IsEmpty());
  EXPECT_THAT(journal->events(), ElementsAre("register throws_register"));
}

TEST_F(PluginHostTest, RouteWithoutPermissionIsRefused) {
  folder.add("no_permission");
  runAll();
  EXPECT_EQ(failure("no_permission"),
            "registerWith threw: route GET /api/v1/no_permission/x has no permission (deny by "
            "default)");
}

TEST_F(PluginHostTest, GroupWritableFileIsRefused) {
  folder.add("alpha", 0775);
  folder.add("beta");
  runAll();
  EXPECT_EQ(failure("alpha"), "plugin file '" + folder.file("alpha") +
                                  "' is writable by group or others (mode 0775; expected no "
                                  "write bit for group or others)");
  EXPECT_EQ(failure("beta"), "because 'alpha' failed");
  EXPECT_FALSE(test::isLoaded(folder.file("alpha")));
}

TEST_F(PluginHostTest, WorldWritableFolderIsRefused) {
  folder.add("alpha");
  chmod(folder.path().c_str(), 0707);
  runAll();
  EXPECT_EQ(failure("alpha"), "plugin folder '" + folder.path() +
                                  "' is writable by group or others (mode 0707; expected no "
                                  "write bit for group or others)");
  EXPECT_FALSE(test::isLoaded(folder.file("alpha")));
}

TEST_F(PluginHostTest, MissingFolderLoadsNothingAndWarns) {
  makeHost().discover(folder.path() + "/absent");
  EXPECT_THAT(host->statuses(), IsEmpty());
  ASSERT_EQ(warnings->messages().size(), 1u);
  EXPECT_EQ(
      warnings->messages()[0].rfind(
          "no plugins loaded: plugin folder '" + folder.path() + "/absent' cannot be read", 0),
      0u);
}

TEST_F(PluginHostTest, SeedDemoRunsEachRunningPluginInACommittedTransaction) {
  folder.add("alpha");
  folder.add("beta");
  runAll().seedDemo();
  EXPECT_EQ(database.log.begun, 2);
  EXPECT_EQ(database.log.committed, 2);
  EXPECT_THAT(database.log.statements, ElementsAre("INSERT INTO alpha_items (name) VALUES (?)"));
}

TEST_F(PluginHostTest, StatesFollowTheLifecycle) {
  folder.add("alpha");
  makeHost().discover(folder.path());
  EXPECT_EQ(status("alpha").state, "loaded");
  host->migrate([](const std::string&, const std::vector<Migration>&) {});
  EXPECT_EQ(status("alpha").state, "migrated");
  host->registerAll();
  EXPECT_EQ(status("alpha").state, "registered");
  host->startAll();
  EXPECT_EQ(status("alpha").state, "running");
  host->stopAll();
  EXPECT_EQ(status("alpha").state, "stopped");
}

TEST_F(PluginHostTest, FailedMigrationPropagates) {
  folder.add("alpha");
  makeHost().discover(folder.path());
  EXPECT_THROW(host->migrate([](const std::string&, const std::vector<Migration>&) {
    throw std::runtime_error("disk full");
  }),
               std::runtime_error);
}

}  // namespace
}  // namespace cadre::plugins
