#pragma once

#include <memory>
#include <string>

#include "core/host_schema.hpp"
#include "db/migrator.hpp"
#include "db/sql_database.hpp"
#include "support/test_database.hpp"

namespace cadre::test {

/// A fresh database on one engine ("sqlite" or "postgres") with the host's migrations applied.
class HostDatabase {
 public:
  explicit HostDatabase(const std::string& engine) : store_(engine), database_(store_.open()) {
    db::Migrator(*database_).migrate("host", hostMigrations());
  }

  Database& db() { return *database_; }

 private:
  TestDatabase store_;
  std::unique_ptr<db::SqlDatabase> database_;
};

/// The engines every database-backed auth and audit test runs on.
#define CADRE_ON_EVERY_ENGINE(Fixture)                                                \
  INSTANTIATE_TEST_SUITE_P(Engines, Fixture, ::testing::Values("sqlite", "postgres"), \
                           [](const auto& info) { return info.param; })

}  // namespace cadre::test
