#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cadre/audit_trail.hpp"
#include "core/host_schema.hpp"
#include "db/migrator.hpp"
#include "db/sql_database.hpp"
#include "schema.hpp"
#include "support/test_database.hpp"

namespace cadre::territory::test {

/// A fresh database on one engine with the host's and the territory plugin's schema, which
/// remembers the events published and the audit entries written through its trail.
class OrgDatabase {
 public:
  explicit OrgDatabase(const std::string& engine) : store_(engine), database_(store_.open()) {
    db::Migrator(*database_).migrate("host", hostMigrations());
    db::Migrator(*database_).migrate("territory", territoryMigrations());
    database_->setEventDispatch(
        [this](Transaction&, const std::string& topic, const std::string& payload) {
          events.push_back(topic + " " + payload);
        });
  }

  Database& db() { return *database_; }
  AuditTrail trail() {
    return [this](Transaction&, const AuditEntry& entry) {
      audit.push_back(entry.action + " " + entry.objectType + " " + entry.objectId);
    };
  }

  /// trail() for entries written together; counts the batches.
  AuditBatchTrail batchTrail() {
    return [this](Transaction& tx, const std::vector<AuditEntry>& entries) {
      ++auditBatches;
      for (const auto& entry : entries) trail()(tx, entry);
    };
  }

  std::vector<std::string> events;
  std::vector<std::string> audit;
  int auditBatches = 0;

 private:
  cadre::test::TestDatabase store_;
  std::unique_ptr<db::SqlDatabase> database_;
};

/// The engines every territory database test runs on.
#define TERRITORY_ON_EVERY_ENGINE(Fixture)                                            \
  INSTANTIATE_TEST_SUITE_P(Engines, Fixture, ::testing::Values("sqlite", "postgres"), \
                           [](const auto& info) { return info.param; })

}  // namespace cadre::territory::test
