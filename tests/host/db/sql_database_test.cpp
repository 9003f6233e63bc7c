#include "db/sql_database.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <Poco/TemporaryFile.h>
#include <gtest/gtest.h>

#include "support/test_database.hpp"

namespace cadre::db {
namespace {

using test::TestDatabase;

/// One fresh database per test, on the engine named by the parameter.
class SqlDatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<TestDatabase>(GetParam());
    db_ = store_->open();
    db_->inTransaction([](Transaction& tx) {
      tx.execute(
          applyDialect("CREATE TABLE people (id ${id}, name TEXT NOT NULL, age ${bigint},"
                       " score ${real}, note TEXT)",
                       tx.dialect()));
    });
  }

  std::int64_t count(const std::string& table) {
    return db_->inTransaction(
        [&](Transaction& tx) { return tx.queryOne("SELECT COUNT(*) FROM " + table)->getInt(0); },
        TxMode::Read);
  }

  std::unique_ptr<TestDatabase> store_;
  std::unique_ptr<SqlDatabase> db_;
};

TEST_P(SqlDatabaseTest, ReportsItsDialect) {
  EXPECT_EQ(db_->dialect(), GetParam() == "sqlite" ? SqlDialect::Sqlite : SqlDialect::Postgres);
  EXPECT_EQ(db_->begin()->dialect(), db_->dialect());
}

TEST_P(SqlDatabaseTest, ExecuteReturnsTheRowsItChanged) {
  auto tx = db_->begin();
  EXPECT_EQ(tx->execute("INSERT INTO people (name, age) VALUES (?, ?)", {std::string("Ann"), 30}),
            1);
  EXPECT_EQ(tx->execute("INSERT INTO people (name, age) VALUES (?, ?), (?, ?)",
                        {std::string("Bob"), 40, std::string("Cy"), 50}),
            2);
  EXPECT_EQ(tx->execute("UPDATE people SET age = age + 1 WHERE age >= ?", {40}), 2);
  EXPECT_EQ(tx->execute("DELETE FROM people WHERE name = ?", {std::string("nobody")}), 0);
  EXPECT_EQ(tx->execute("DELETE FROM people"), 3);
}

TEST_P(SqlDatabaseTest, InsertReturnsTheNewIds) {
  auto tx = db_->begin();
  EXPECT_EQ(tx->insert("INSERT INTO people (name) VALUES (?)", {std::string("Ann")}), 1);
  EXPECT_EQ(tx->insert("INSERT INTO people (name) VALUES (?)", {std::string("Bob")}), 2);
  EXPECT_EQ(tx->queryOne("SELECT name FROM people WHERE id = ?", {2})->getString(0), "Bob");
}

TEST_P(SqlDatabaseTest, BindsAndReadsBackEveryValueType) {
  auto tx = db_->begin();
  const std::string text = "Zoë 'quoted' ? \"x\" \xe2\x82\xac";
  tx->execute("INSERT INTO people (name, age, score, note) VALUES (?, ?, ?, ?)",
              {text, std::int64_t{9007199254740993}, 2.5, nullptr});
  auto row = tx->queryOne("SELECT name, age, score, note, id FROM people");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->value(0), SqlValue(text));
  EXPECT_EQ(row->value(1), SqlValue(std::int64_t{9007199254740993}));
  EXPECT_EQ(row->value(2), SqlValue(2.5));
  EXPECT_EQ(row->value(3), SqlValue(nullptr));
  EXPECT_EQ(row->value(4), SqlValue(std::int64_t{1}));
  EXPECT_EQ(row->columns(), (std::vector<std::string>{"name", "age", "score", "note", "id"}));
  EXPECT_EQ(row->indexOf("score"), 2u);
}

TEST_P(SqlDatabaseTest, BindsNullToEveryColumnType) {
  auto tx = db_->begin();
  tx->execute("INSERT INTO people (name, age, score, note) VALUES (?, ?, ?, ?)",
              {std::string("Ann"), nullptr, nullptr, nullptr});
  auto row = tx->queryOne("SELECT age, score, note FROM people WHERE age IS NULL");
  ASSERT_TRUE(row);
  EXPECT_TRUE(row->isNull(0));
  EXPECT_TRUE(row->isNull(1));
  EXPECT_EQ(row->getOptionalString(2), std::nullopt);
}

TEST_P(SqlDatabaseTest, AggregatesReadAsNumbers) {
  auto tx = db_->begin();
  for (int age : {20, 30, 45})
    tx->execute("INSERT INTO people (name, age, score) VALUES ('x', ?, 1.5)", {age});
  auto row = tx->queryOne("SELECT COUNT(*), MAX(age), SUM(score) FROM people");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->value(0), SqlValue(std::int64_t{3}));
  EXPECT_EQ(row->value(1), SqlValue(std::int64_t{45}));
  EXPECT_EQ(row->value(2), SqlValue(4.5));
  EXPECT_EQ(tx->queryOne("SELECT COUNT(*) FROM people WHERE age > ?", {99})->value(0),
            SqlValue(std::int64_t{0}));
}

TEST_P(SqlDatabaseTest, QuestionMarksInsideQuotesAreText) {
  auto tx = db_->begin();
  tx->execute("INSERT INTO people (name, note) VALUES ('who?', ?)", {std::string("a")});
  auto row = tx->queryOne("SELECT name, note FROM people WHERE note = ? AND name = 'who?'",
                          {std::string("a")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->getString(0), "who?");
}

TEST_P(SqlDatabaseTest, QueryReturnsAllRowsInOrder) {
  auto tx = db_->begin();
  for (const char* name : {"Cy", "Ann", "Bob"})
    tx->execute("INSERT INTO people (name) VALUES (?)", {std::string(name)});
  auto rows = tx->query("SELECT name FROM people ORDER BY name");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].getString(0), "Ann");
  EXPECT_EQ(rows[1].getString(0), "Bob");
  EXPECT_EQ(rows[2].getString(0), "Cy");
  EXPECT_TRUE(tx->query("SELECT name FROM people WHERE name = 'Dee'").empty());
  EXPECT_EQ(tx->queryOne("SELECT name FROM people WHERE name = 'Dee'"), std::nullopt);
}

TEST_P(SqlDatabaseTest, CommitMakesWorkDurable) {
  db_->inTransaction(
      [](Transaction& tx) { tx.execute("INSERT INTO people (name) VALUES ('Ann')"); });
  auto other = store_->open();
  EXPECT_EQ(other->begin(TxMode::Read)->queryOne("SELECT COUNT(*) FROM people")->getInt(0), 1);
}

TEST_P(SqlDatabaseTest, RollsBackWhenDestroyedUncommitted) {
  {
    auto tx = db_->begin();
    tx->execute("INSERT INTO people (name) VALUES ('Ann')");
  }
  EXPECT_EQ(count("people"), 0);
  EXPECT_THROW(db_->inTransaction([](Transaction& tx) {
    tx.execute("INSERT INTO people (name) VALUES ('Bob')");
    throw std::runtime_error("business rule");
  }),
               std::runtime_error);
  EXPECT_EQ(count("people"), 0);
}

TEST_P(SqlDatabaseTest, RefusesWorkAfterCommit) {
  auto tx = db_->begin();
  tx->commit();
  try {
    tx->execute("DELETE FROM people");
    FAIL() << "expected std::logic_error";
  } catch (const std::logic_error& e) {
    EXPECT_STREQ(e.what(), "the transaction is already committed");
  }
  EXPECT_THROW(tx->commit(), std::logic_error);
}

TEST_P(SqlDatabaseTest, FailedStatementThrowsAndTheTransactionRollsBack) {
  const std::string reason =
      GetParam() == "sqlite"
          ? "NOT NULL constraint failed: people.name"
          : "null value in column \"name\" of relation \"people\" violates not-null constraint";
  {
    auto tx = db_->begin();
    tx->execute("INSERT INTO people (name) VALUES ('Ann')");
    try {
      tx->execute("INSERT INTO people (name) VALUES (NULL)");
      FAIL() << "expected std::runtime_error";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(e.what(), reason);
    }
    // Both engines refuse to go on, so SQLite cannot commit what PostgreSQL would roll back.
    const std::string refusal =
        "the transaction cannot go on after a failed statement (" + reason + "); it rolls back";
    try {
      tx->execute("INSERT INTO people (name) VALUES ('Bob')");
      FAIL() << "expected std::logic_error";
    } catch (const std::logic_error& e) {
      EXPECT_EQ(e.what(), refusal);
    }
    try {
      tx->commit();
      FAIL() << "expected std::logic_error";
    } catch (const std::logic_error& e) {
      EXPECT_EQ(e.what(), refusal);
    }
  }
  EXPECT_EQ(count("people"), 0);
  db_->inTransaction(
      [](Transaction& tx) { tx.execute("INSERT INTO people (name) VALUES ('Bob')"); });
  EXPECT_EQ(count("people"), 1);
}

TEST_P(SqlDatabaseTest, RefusesSeveralStatementsInOne) {
  EXPECT_THROW(db_->begin()->execute("CREATE TABLE a (x INTEGER); CREATE TABLE b (x INTEGER)"),
               std::runtime_error);
  EXPECT_THROW(db_->begin(TxMode::Read)->query("SELECT COUNT(*) FROM a"), std::runtime_error);
  EXPECT_EQ(db_->begin()->execute("DELETE FROM people;"), 0);
}

TEST_P(SqlDatabaseTest, RefusesTheWrongNumberOfValues) {
  EXPECT_THROW(db_->begin()->execute("INSERT INTO people (name) VALUES (?)"), std::runtime_error);
  EXPECT_THROW(db_->begin()->execute("INSERT INTO people (name) VALUES (?)",
                                     {std::string("a"), std::string("b")}),
               std::runtime_error);
  EXPECT_EQ(count("people"), 0);
}

TEST_P(SqlDatabaseTest, ErrorsNameTheDatabasesComplaint) {
  auto tx = db_->begin();
  try {
    tx->query("SELECT missing_column FROM people");
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("missing_column"), std::string::npos) << e.what();
  }
}

TEST_P(SqlDatabaseTest, ReusesPooledConnections) {
  auto single = store_->open({1, std::chrono::milliseconds(200), std::chrono::milliseconds(200)});
  for (int i = 0; i < 20; ++i) {
    single->inTransaction([&](Transaction& tx) {
      tx.execute("INSERT INTO people (name, age) VALUES ('x', ?)", {i});
    });
  }
  EXPECT_EQ(count("people"), 20);
}

TEST_P(SqlDatabaseTest, TimesOutWhenThePoolIsExhausted) {
  auto single = store_->open({1, std::chrono::milliseconds(150), std::chrono::milliseconds(150)});
  auto held = single->begin(TxMode::Read);
  auto started = std::chrono::steady_clock::now();
  try {
    single->begin(TxMode::Read);
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "no database connection became free within 150 ms (pool of 1)");
  }
  auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_GE(waited, std::chrono::milliseconds(140));
  EXPECT_LT(waited, std::chrono::milliseconds(1000));
  held.reset();
  EXPECT_TRUE(single->ping());
}

TEST_P(SqlDatabaseTest, WaitsForAConnectionThatIsGivenBack) {
  auto single = store_->open({1, std::chrono::milliseconds(3000), std::chrono::milliseconds(3000)});
  auto held = single->begin(TxMode::Read);
  std::thread giver([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    held.reset();
  });
  auto tx = single->begin(TxMode::Read);
  giver.join();
  EXPECT_EQ(tx->queryOne("SELECT 7")->getInt(0), 7);
}

TEST_P(SqlDatabaseTest, Pings) {
  EXPECT_TRUE(db_->ping());
}

TEST_P(SqlDatabaseTest, EventsRunInsideThePublishingTransaction) {
  db_->inTransaction(
      [](Transaction& tx) { tx.execute("CREATE TABLE seen (topic TEXT, body TEXT)"); });
  std::vector<std::string> topics;
  db_->setEventDispatch([&](Transaction& tx, const std::string& topic, const std::string& body) {
    topics.push_back(topic);
    tx.execute("INSERT INTO seen (topic, body) VALUES (?, ?)", {topic, body});
  });
  {
    auto tx = db_->begin();
    tx->publish("hired", "{\"id\":1}");
    EXPECT_EQ(tx->queryOne("SELECT COUNT(*) FROM seen")->getInt(0), 1);
  }
  EXPECT_EQ(count("seen"), 0);
  db_->inTransaction([](Transaction& tx) { tx.publish("hired", "{\"id\":2}"); });
  auto row = db_->begin(TxMode::Read)->queryOne("SELECT topic, body FROM seen");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->getString(0), "hired");
  EXPECT_EQ(row->getString(1), "{\"id\":2}");
  EXPECT_EQ(topics, (std::vector<std::string>{"hired", "hired"}));
}

TEST_P(SqlDatabaseTest, AFailingEventHandlerRollsThePublisherBack) {
  db_->setEventDispatch([](Transaction&, const std::string&, const std::string&) {
    throw std::runtime_error("handler refused");
  });
  EXPECT_THROW(db_->inTransaction([](Transaction& tx) {
    tx.execute("INSERT INTO people (name) VALUES ('Ann')");
    tx.publish("hired", "{}");
  }),
               std::runtime_error);
  EXPECT_EQ(count("people"), 0);
}

TEST_P(SqlDatabaseTest, ConcurrentWritersAllCommit) {
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 10; ++i) {
        try {
          db_->inTransaction([&](Transaction& tx) {
            tx.execute("INSERT INTO people (name, age) VALUES ('w', ?)", {w * 100 + i});
          });
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& writer : writers) writer.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count("people"), 40);
}

TEST_P(SqlDatabaseTest, JobLocks) {
  // Read transactions: on SQLite two write transactions would wait for each other.
  auto first = db_->begin(TxMode::Read);
  EXPECT_TRUE(db_->tryLockForJob(*first, "nightly"));
  auto second = db_->begin(TxMode::Read);
  // SQLite has one host per file, so the lock is always free there.
  EXPECT_EQ(db_->tryLockForJob(*second, "nightly"), GetParam() == "sqlite");
  EXPECT_TRUE(db_->tryLockForJob(*second, "hourly"));
  first->commit();
  second.reset();
  auto third = db_->begin(TxMode::Read);
  EXPECT_TRUE(db_->tryLockForJob(*third, "nightly"));
}

INSTANTIATE_TEST_SUITE_P(Engines, SqlDatabaseTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

/// Writes `rows` rows of 1 KB in one transaction.
void writeKilobyteRows(SqlDatabase& db, int rows) {
  db.inTransaction([rows](Transaction& tx) {
    tx.execute("CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, text TEXT)");
    for (int i = 0; i < rows; ++i)
      tx.execute("INSERT INTO filler (text) VALUES (?)", {std::string(1024, 'x')});
  });
}

/// A database on `file` whose thread checkpoints every `interval` (0: SQLite in the commit).
std::unique_ptr<SqlDatabase> checkpointingEvery(const Poco::TemporaryFile& file,
                                                std::chrono::milliseconds interval) {
  PoolOptions options;
  options.sqliteCheckpointInterval = interval;
  return openDatabase("sqlite:" + file.path(), options);
}

std::uintmax_t sizeOf(const std::string& path) {
  return std::filesystem::exists(path) ? std::filesystem::file_size(path) : 0;
}

TEST(SqliteDatabaseTest, ACommitLeavesTheCheckpointToTheBackgroundThread) {
  Poco::TemporaryFile file;
  auto db = checkpointingEvery(file, std::chrono::hours(1));
  writeKilobyteRows(*db, 4000);
  // SQLite's own checkpoint would have run inside the commit once the log passed 1,000 pages.
  EXPECT_GT(sizeOf(file.path() + "-wal"), 4000u * 1024);
  EXPECT_LT(sizeOf(file.path()), 100u * 1024);
}

TEST(SqliteDatabaseTest, TheBackgroundThreadMovesTheLogIntoTheDatabaseFile) {
  Poco::TemporaryFile file;
  auto db = checkpointingEvery(file, std::chrono::milliseconds(20));
  writeKilobyteRows(*db, 4000);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (sizeOf(file.path()) < 4000u * 1024 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_GT(sizeOf(file.path()), 4000u * 1024);
  EXPECT_EQ(
      db->inTransaction(
          [](Transaction& tx) { return tx.queryOne("SELECT COUNT(*) FROM filler")->getInt(0); },
          TxMode::Read),
      4000);
}

TEST(SqliteDatabaseTest, WithoutTheBackgroundThreadSqliteCheckpointsInTheCommit) {
  Poco::TemporaryFile file;
  auto db = checkpointingEvery(file, std::chrono::milliseconds(0));
  writeKilobyteRows(*db, 4000);
  EXPECT_GT(sizeOf(file.path()), 4000u * 1024);
}

TEST(SqliteDatabaseTest, EveryConnectionGetsThePageCacheOfTheOptions) {
  Poco::TemporaryFile file;
  PoolOptions options;
  options.sqliteCacheMiB = 8;
  auto db = openDatabase("sqlite:" + file.path(), options);
  // Two transactions at once hold two connections of the pool.
  auto first = db->begin(TxMode::Read);
  auto second = db->begin(TxMode::Read);
  EXPECT_EQ(first->queryOne("PRAGMA cache_size")->getInt(0), -8 * 1024);
  EXPECT_EQ(second->queryOne("PRAGMA cache_size")->getInt(0), -8 * 1024);
}

}  // namespace
}  // namespace cadre::db
