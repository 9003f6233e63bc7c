#pragma once

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "core/host_schema.hpp"
#include "db/sql_database.hpp"

namespace cadre::test {

/// A fresh SQLite file in a temp folder of its own with the host schema, removed afterwards.
class HostDatabase {
 public:
  HostDatabase() {
    std::random_device random;
    folder_ = std::filesystem::temp_directory_path() /
              ("cadre-auth-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(folder_);
    database_ = db::openDatabase("sqlite:" + (folder_ / "host.db").string());
    migrate();
  }
  ~HostDatabase() {
    database_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  HostDatabase(const HostDatabase&) = delete;
  HostDatabase& operator=(const HostDatabase&) = delete;

  Database& db() { return *database_; }

 private:
  // The host's steps as the Migrator would run them (db/migrator.cpp has not landed yet).
  void migrate() {
    database_->inTransaction([](Transaction& tx) {
      for (const auto& step : hostMigrations()) {
        for (const auto& statement : step.statements) {
          tx.execute(db::applyDialect(statement, SqlDialect::Sqlite));
        }
      }
    });
  }

  std::filesystem::path folder_;
  std::unique_ptr<db::SqlDatabase> database_;
};

}  // namespace cadre::test
