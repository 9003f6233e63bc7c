#include "db/migrator.hpp"

#include <atomic>
#include <regex>
#include <thread>

#include <gtest/gtest.h>

#include "core/host_schema.hpp"
#include "support/test_database.hpp"

namespace cadre::db {
namespace {

/// A fresh database per test, on the engine named by the parameter.
class MigratorTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<test::TestDatabase>(GetParam());
    db_ = store_->open();
  }

  bool tableExists(const std::string& table) {
    try {
      db_->begin(TxMode::Read)->query("SELECT COUNT(*) FROM " + table);
      return true;
    } catch (const std::runtime_error&) {
      return false;
    }
  }

  std::vector<std::string> records() {
    std::vector<std::string> out;
    auto tx = db_->begin(TxMode::Read);
    for (const auto& row : tx->query("SELECT owner, version, description FROM schema_migrations"
                                     " ORDER BY owner, version")) {
      out.push_back(row.getString(0) + " " + row.getString(1) + " " + row.getString(2));
    }
    return out;
  }

  std::unique_ptr<test::TestDatabase> store_;
  std::unique_ptr<SqlDatabase> db_;
};

std::vector<Migration> territorySteps() {
  return {{1, "territories", {"CREATE TABLE territories (id ${id}, name TEXT NOT NULL)"}},
          {2,
           "accounts",
           {"CREATE TABLE accounts (id ${id}, territory_id ${bigint})",
            "CREATE INDEX accounts_territory ON accounts(territory_id)"}}};
}

TEST_P(MigratorTest, AppliesTheHostMigrations) {
  Migrator migrator(*db_);
  EXPECT_EQ(migrator.migrate("host", hostMigrations()), 3);
  EXPECT_EQ(migrator.versions(), (std::map<std::string, int>{{"host", 3}}));
  EXPECT_EQ(records(), (std::vector<std::string>{"host 1 users, sessions, login attempts",
                                                 "host 2 audit log", "host 3 job runs"}));
  for (const char* table : {"users", "sessions", "login_attempts", "audit_log", "job_runs"})
    EXPECT_TRUE(tableExists(table)) << table;
  auto id = db_->inTransaction([](Transaction& tx) {
    return tx.insert(
        "INSERT INTO users (username, display_name, role, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?)",
        {std::string("ann"), std::string("Ann"), std::string("hr"), std::string("t"),
         std::string("t")});
  });
  EXPECT_EQ(id, 1);
}

TEST_P(MigratorTest, RecordsWhenEachStepWasApplied) {
  Migrator(*db_).migrate("host", hostMigrations());
  auto row = db_->begin(TxMode::Read)->queryOne("SELECT applied_at FROM schema_migrations");
  ASSERT_TRUE(row);
  EXPECT_TRUE(std::regex_match(row->getString(0), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << row->getString(0);
}

TEST_P(MigratorTest, RerunningAppliesNothing) {
  EXPECT_EQ(Migrator(*db_).migrate("host", hostMigrations()), 3);
  EXPECT_EQ(Migrator(*db_).migrate("host", hostMigrations()), 0);
  EXPECT_EQ(records().size(), 3u);
}

TEST_P(MigratorTest, AppliesOnlyTheNewSteps) {
  Migrator migrator(*db_);
  auto steps = territorySteps();
  EXPECT_EQ(migrator.migrate("territory", {steps[0]}), 1);
  EXPECT_FALSE(tableExists("accounts"));
  EXPECT_EQ(migrator.migrate("territory", steps), 1);
  EXPECT_TRUE(tableExists("accounts"));
  EXPECT_EQ(migrator.versions(), (std::map<std::string, int>{{"territory", 2}}));
}

TEST_P(MigratorTest, KeepsOwnersApart) {
  Migrator migrator(*db_);
  EXPECT_EQ(migrator.migrate("territory", territorySteps()), 2);
  EXPECT_EQ(migrator.migrate("host", hostMigrations()), 3);
  EXPECT_EQ(migrator.versions(), (std::map<std::string, int>{{"host", 3}, {"territory", 2}}));
}

TEST_P(MigratorTest, AFailingStepRollsBackWholeAndKeepsEarlierOnes) {
  Migrator migrator(*db_);
  auto steps = territorySteps();
  steps.push_back({3, "add x", {"CREATE TABLE x (id INTEGER)", "INSERT INTO missing VALUES (1)"}});
  try {
    migrator.migrate("territory", steps);
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    const std::string reason =
        GetParam() == "sqlite" ? "no such table: missing" : "relation \"missing\" does not exist";
    EXPECT_EQ(std::string(e.what()),
              "migration territory 3 'add x' failed: " + reason + "; rolled back");
  }
  EXPECT_FALSE(tableExists("x"));
  EXPECT_TRUE(tableExists("accounts"));
  EXPECT_EQ(records(),
            (std::vector<std::string>{"territory 1 territories", "territory 2 accounts"}));
}

TEST_P(MigratorTest, RefusesVersionsOutOfOrder) {
  auto steps = territorySteps();
  std::swap(steps[0], steps[1]);
  try {
    Migrator(*db_).migrate("territory", steps);
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_STREQ(e.what(),
                 "migrations of territory: version 1 comes after version 2; versions must ascend");
  }
  EXPECT_FALSE(tableExists("territories"));
  EXPECT_FALSE(tableExists("accounts"));
  EXPECT_TRUE(records().empty());
}

TEST_P(MigratorTest, RefusesDuplicateAndNonPositiveVersions) {
  auto steps = territorySteps();
  steps[1].version = 1;
  try {
    Migrator(*db_).migrate("territory", steps);
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_STREQ(e.what(), "migrations of territory: version 1 appears twice");
  }
  try {
    Migrator(*db_).migrate("territory", {{0, "zero", {}}});
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_STREQ(e.what(), "migrations of territory: version 0 'zero' is not positive");
  }
  EXPECT_TRUE(records().empty());
}

TEST_P(MigratorTest, HostsStartingTogetherMigrateOnce) {
  std::atomic<int> applied{0};
  std::atomic<int> failures{0};
  std::vector<std::thread> hosts;
  for (int h = 0; h < 3; ++h) {
    hosts.emplace_back([&] {
      try {
        auto db = store_->open();
        applied += Migrator(*db).migrate("host", hostMigrations());
      } catch (const std::exception&) {
        ++failures;
      }
    });
  }
  for (auto& host : hosts) host.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(applied.load(), 3);
  EXPECT_EQ(records().size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Engines, MigratorTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cadre::db
