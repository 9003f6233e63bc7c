#include "db/sqlite_statement.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

namespace cadre::db {
namespace {

/// A SQLite session on a file of its own, with one table.
class SqliteStatementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::Data::SQLite::Connector::registerConnector();
    session_ = std::make_unique<Poco::Data::Session>("SQLite", file_.path());
    runSqlite(*session_, "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT UNIQUE)", {});
  }
  void TearDown() override {
    if (session_) finalizeCachedStatements(*session_);
  }

  /// How many prepared statements the connection holds.
  int statementsOnConnection() {
    sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(*session_);
    int count = 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt(handle, nullptr); s; s = sqlite3_next_stmt(handle, s))
      ++count;
    return count;
  }

  Poco::TemporaryFile file_;
  std::unique_ptr<Poco::Data::Session> session_;
};

TEST_F(SqliteStatementTest, RunningTheSameTextAgainReusesOneStatementWithNewValues) {
  const std::string insert = "INSERT INTO people (name) VALUES (?)";
  const std::string select = "SELECT name FROM people WHERE id = ?";
  EXPECT_EQ(runSqlite(*session_, insert, {std::string("Ann")}).changes, 1);
  EXPECT_EQ(runSqlite(*session_, insert, {std::string("Bob")}).changes, 1);
  EXPECT_EQ(runSqlite(*session_, select, {std::int64_t{1}}).rows.at(0).getString(0), "Ann");
  EXPECT_EQ(runSqlite(*session_, select, {std::int64_t{2}}).rows.at(0).getString(0), "Bob");
  EXPECT_TRUE(runSqlite(*session_, select, {std::int64_t{3}}).rows.empty());
  // CREATE TABLE, the INSERT and the SELECT.
  EXPECT_EQ(statementsOnConnection(), 3);
}

TEST_F(SqliteStatementTest, AStatementThatFailedRunsAgainCleanly) {
  const std::string insert = "INSERT INTO people (name) VALUES (?)";
  runSqlite(*session_, insert, {std::string("Ann")});
  EXPECT_THROW(runSqlite(*session_, insert, {std::string("Ann")}), std::runtime_error);
  EXPECT_EQ(runSqlite(*session_, insert, {std::string("Bob")}).lastInsertId, 2);
}

TEST_F(SqliteStatementTest, KeptStatementsFollowSchemaChangesAndDoNotLockTables) {
  const std::string select = "SELECT * FROM people";
  runSqlite(*session_, "INSERT INTO people (name) VALUES ('Ann')", {});
  EXPECT_EQ(runSqlite(*session_, select, {}).rows.at(0).size(), 2u);
  runSqlite(*session_, "ALTER TABLE people ADD COLUMN note TEXT", {});
  EXPECT_EQ(runSqlite(*session_, select, {}).rows.at(0).size(), 3u);
  EXPECT_NO_THROW(runSqlite(*session_, "DROP TABLE people", {}));
  EXPECT_THROW(runSqlite(*session_, select, {}), std::runtime_error);
}

TEST_F(SqliteStatementTest, KeepsAtMost128StatementsAndFinalizesTheRest) {
  for (int i = 0; i < 200; ++i) {
    auto rows = runSqlite(*session_, "SELECT " + std::to_string(i), {}).rows;
    EXPECT_EQ(rows.at(0).getInt(0), i);
  }
  EXPECT_EQ(statementsOnConnection(), 128);
  finalizeCachedStatements(*session_);
  EXPECT_EQ(statementsOnConnection(), 0);
}

TEST_F(SqliteStatementTest, AFullCacheMakesRoomForNewStatementsByDroppingTheOldest) {
  for (int i = 0; i < 128; ++i) runSqlite(*session_, "SELECT " + std::to_string(i), {});
  const std::string hot = "SELECT name FROM people WHERE id = ?";
  runSqlite(*session_, hot, {std::int64_t{1}});
  sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(*session_);
  sqlite3_stmt* kept = sqlite3_next_stmt(handle, nullptr);
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(std::string(sqlite3_sql(kept)), hot);
  runSqlite(*session_, hot, {std::int64_t{2}});
  EXPECT_EQ(sqlite3_next_stmt(handle, nullptr), kept);  // reused, not prepared again
  EXPECT_EQ(statementsOnConnection(), 128);
  // The oldest went first: CREATE TABLE from the set-up, then SELECT 0.
  for (sqlite3_stmt* s = sqlite3_next_stmt(handle, nullptr); s; s = sqlite3_next_stmt(handle, s)) {
    EXPECT_NE(std::string(sqlite3_sql(s)).rfind("CREATE TABLE", 0), 0u);
  }
}

TEST_F(SqliteStatementTest, TextThatDiffersFromWhatSqliteKeepsIsFoundByTheTextRun) {
  // SQLite keeps "SELECT 1;" as the statement's text; the cache knows it by "SELECT 1;  ".
  EXPECT_EQ(runSqlite(*session_, "SELECT 1;  ", {}).rows.at(0).getInt(0), 1);
  EXPECT_EQ(runSqlite(*session_, "SELECT 1;  ", {}).rows.at(0).getInt(0), 1);
  EXPECT_EQ(statementsOnConnection(), 2);  // the CREATE TABLE and one SELECT
}

TEST_F(SqliteStatementTest, StillRefusesSeveralStatementsAndKeepsNoneOfThem) {
  EXPECT_THROW(runSqlite(*session_, "SELECT 1; SELECT 2", {}), std::runtime_error);
  EXPECT_EQ(statementsOnConnection(), 1);
}

}  // namespace
}  // namespace cadre::db
