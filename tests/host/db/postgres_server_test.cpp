#include "support/postgres_server.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "db/sql_database.hpp"

namespace cadre::test {
namespace {

TEST(PostgresServerTest, CreatesDatabasesOnItsOwnLoopbackPort) {
  auto& server = PostgresServer::shared();
  const std::string url = server.createDatabase("harness_check");
  EXPECT_EQ(url, "postgresql://cadre:secret@127.0.0.1:" + std::to_string(server.port()) +
                     "/harness_check");
  auto db = db::openDatabase(url);
  auto tx = db->begin(TxMode::Read);
  auto show = [&](const std::string& setting) {
    return tx->queryOne("SELECT current_setting(?)", {setting})->getString(0);
  };
  EXPECT_EQ(show("listen_addresses"), "127.0.0.1");
  EXPECT_EQ(show("port"), std::to_string(server.port()));
  EXPECT_EQ(show("unix_socket_directories"), server.folder());
  EXPECT_EQ(show("fsync"), "off");
  EXPECT_EQ(show("server_encoding"), "UTF8");
  auto who = tx->queryOne("SELECT current_database(), current_user");
  EXPECT_EQ(who->getString(0), "harness_check");
  EXPECT_EQ(who->getString(1), "cadre");
  EXPECT_TRUE(
      std::filesystem::exists(server.folder() + "/.s.PGSQL." + std::to_string(server.port())));
}

TEST(PostgresServerTest, RecreatesADatabaseEmpty) {
  auto& server = PostgresServer::shared();
  auto db = db::openDatabase(server.createDatabase("harness_again"));
  db->inTransaction([](Transaction& tx) { tx.execute("CREATE TABLE leftover (x INTEGER)"); });
  db.reset();
  db = db::openDatabase(server.createDatabase("harness_again"));
  EXPECT_EQ(db->begin(TxMode::Read)
                ->queryOne("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'leftover'")
                ->getInt(0),
            0);
}

TEST(PostgresServerTest, NamesDatabasesAfterTheTest) {
  EXPECT_EQ(databaseNameForCurrentTest(), "postgresservertest_namesdatabasesafterthetest");
}

}  // namespace
}  // namespace cadre::test
