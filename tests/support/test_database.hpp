#pragma once

#include <memory>
#include <string>

#include "db/sql_database.hpp"

namespace cadre::test {

/// A fresh, empty database for the running test on one engine: "sqlite" (a file in a folder
/// of its own, removed afterwards) or "postgres" (a database named after the test on the
/// executable's shared PostgresServer).
class TestDatabase {
 public:
  /// Creates the database; throws std::invalid_argument for an unknown engine and
  /// std::runtime_error when the engine is not available.
  explicit TestDatabase(const std::string& engine);
  /// Removes the SQLite folder (PostgreSQL databases go with the server).
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  /// The URL openDatabase() takes.
  const std::string& url() const { return url_; }
  /// Opens a new pool on the database.
  std::unique_ptr<db::SqlDatabase> open(const db::PoolOptions& options = {}) const;

 private:
  std::string url_;
  std::string folder_;
};

}  // namespace cadre::test
