#include "support/test_database.hpp"

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>

#include "support/postgres_server.hpp"

namespace cadre::test {

TestDatabase::TestDatabase(const std::string& engine) {
  if (engine == "sqlite") {
    std::string pattern = (std::filesystem::temp_directory_path() / "cadre-sqlite-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      throw std::runtime_error("cannot create a folder for SQLite from " + pattern);
    folder_ = pattern;
    url_ = "sqlite:" + folder_ + "/cadre.db";
  } else if (engine == "postgres") {
    url_ = PostgresServer::shared().createDatabase(databaseNameForCurrentTest());
  } else {
    throw std::invalid_argument("unknown test database engine '" + engine + "'");
  }
}

TestDatabase::~TestDatabase() {
  if (folder_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(folder_, ec);
}

std::unique_ptr<db::SqlDatabase> TestDatabase::open(const db::PoolOptions& options) const {
  return db::openDatabase(url_, options);
}

}  // namespace cadre::test
