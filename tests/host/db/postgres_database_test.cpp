#include <chrono>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "db/sql_database.hpp"
#include "support/postgres_server.hpp"
#include "support/test_database.hpp"

namespace cadre::db {
namespace {

/// What only PostgreSQL has: real column types, read-only transactions, a server that restarts.
class PostgresDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::make_unique<test::TestDatabase>("postgres");
    db_ = store_->open();
  }

  std::unique_ptr<test::TestDatabase> store_;
  std::unique_ptr<SqlDatabase> db_;
};

TEST_F(PostgresDatabaseTest, ReadsColumnTypesAsTheirValues) {
  auto row = db_->begin(TxMode::Read)
                 ->queryOne(
                     "SELECT CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS TEXT), true,"
                     " false, CAST(1.25 AS DOUBLE PRECISION), CAST(NULL AS BIGINT)",
                     {std::int64_t{-5000000000}, 7, std::string("t")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->value(0), SqlValue(std::int64_t{-5000000000}));
  EXPECT_EQ(row->value(1), SqlValue(std::int64_t{7}));
  EXPECT_EQ(row->value(2), SqlValue(std::string("t")));
  EXPECT_EQ(row->value(3), SqlValue(std::int64_t{1}));
  EXPECT_EQ(row->value(4), SqlValue(std::int64_t{0}));
  EXPECT_EQ(row->value(5), SqlValue(1.25));
  EXPECT_EQ(row->value(6), SqlValue(nullptr));
}

TEST_F(PostgresDatabaseTest, ReadsNumericAsADouble) {
  auto row = db_->begin(TxMode::Read)
                 ->queryOne(
                     "SELECT SUM(x), AVG(x), CAST(2.50 AS NUMERIC(5,2)) FROM"
                     " (VALUES (CAST(1 AS BIGINT)), (2)) AS v(x)");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->value(0), SqlValue(3.0));
  EXPECT_EQ(row->value(1), SqlValue(1.5));
  EXPECT_EQ(row->value(2), SqlValue(2.5));
  EXPECT_EQ(row->getInt(0), 3);
}

TEST_F(PostgresDatabaseTest, ReadTransactionsRefuseWrites) {
  db_->inTransaction([](Transaction& tx) { tx.execute("CREATE TABLE t (x INTEGER)"); });
  auto tx = db_->begin(TxMode::Read);
  try {
    tx->execute("INSERT INTO t VALUES (1)");
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("read-only transaction"), std::string::npos) << e.what();
  }
}

TEST_F(PostgresDatabaseTest, ReusesTheSameServerConnection) {
  auto single = store_->open({1, std::chrono::milliseconds(500), std::chrono::milliseconds(500)});
  auto first = single->begin(TxMode::Read)->queryOne("SELECT pg_backend_pid()")->getInt(0);
  auto second = single->begin(TxMode::Read)->queryOne("SELECT pg_backend_pid()")->getInt(0);
  EXPECT_EQ(first, second);
}

TEST_F(PostgresDatabaseTest, ReplacesConnectionsThatDiedWithARestart) {
  auto pidBefore = db_->begin(TxMode::Read)->queryOne("SELECT pg_backend_pid()")->getInt(0);
  test::PostgresServer::shared().restart();
  auto pidAfter = db_->begin(TxMode::Read)->queryOne("SELECT pg_backend_pid()")->getInt(0);
  EXPECT_NE(pidAfter, pidBefore);
  EXPECT_TRUE(db_->ping());
}

TEST_F(PostgresDatabaseTest, DescribesItselfWithoutThePassword) {
  EXPECT_EQ(db_->describe(), "postgresql://cadre:***@127.0.0.1:" +
                                 std::to_string(test::PostgresServer::shared().port()) + "/" +
                                 test::databaseNameForCurrentTest());
}

TEST_F(PostgresDatabaseTest, RefusesAWrongPasswordNamingTheDatabase) {
  std::string url = "postgresql://cadre:wrong@127.0.0.1:" +
                    std::to_string(test::PostgresServer::shared().port()) + "/postgres";
  try {
    openDatabase(url);
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    std::string message = e.what();
    std::string prefix = "cannot reach the database postgresql://cadre:***@127.0.0.1:" +
                         std::to_string(test::PostgresServer::shared().port()) + "/postgres: ";
    EXPECT_EQ(message.substr(0, prefix.size()), prefix);
    EXPECT_NE(message.find("password authentication failed"), std::string::npos) << message;
    EXPECT_EQ(message.find("wrong"), std::string::npos) << message;
  }
}

TEST(OpenDatabaseTest, RefusesAnUnknownScheme) {
  try {
    openDatabase("mysql://root:pw@localhost/cadre");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "db.url 'mysql://root:***@localhost/cadre' is neither sqlite:PATH nor "
                 "postgresql://…");
  }
}

TEST(OpenDatabaseTest, RefusesAnEmptySqlitePath) {
  EXPECT_THROW(openDatabase("sqlite:"), std::invalid_argument);
}

}  // namespace
}  // namespace cadre::db
