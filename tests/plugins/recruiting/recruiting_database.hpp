#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cadre/audit_trail.hpp"
#include "core/host_schema.hpp"
#include "db/migrator.hpp"
#include "db/sql_database.hpp"
#include "org_directory_provider.hpp"
#include "schema.hpp"
#include "support/test_database.hpp"

namespace cadre::recruiting::test {

/// An AuditLog that keeps "action objectType objectId" of each entry (the territory plugin's
/// OrgDirectory writes its own entries through one).
class RememberedAudit : public AuditLog {
 public:
  void record(Transaction&, const Request&, const AuditEntry& entry) override { keep(entry); }
  void recordSystem(Transaction&, const std::string&, const AuditEntry& entry) override {
    keep(entry);
  }
  std::vector<std::string> entries;

 private:
  void keep(const AuditEntry& entry) {
    entries.push_back(entry.action + " " + entry.objectType + " " + entry.objectId);
  }
};

/// A fresh database on one engine with the host's, the territory plugin's and the recruiting
/// plugin's schema; the real OrgDirectory over it; and what was published and audited.
class RecruitingDatabase {
 public:
  explicit RecruitingDatabase(const std::string& engine)
      : store_(engine),
        database_(store_.open()),
        org_(std::make_shared<territory::OrgDirectoryProvider>(audit_)) {
    db::Migrator(*database_).migrate("host", hostMigrations());
    db::Migrator(*database_).migrate("territory", territory::territoryMigrations());
    db::Migrator(*database_).migrate("recruiting", recruitingMigrations());
    database_->setEventDispatch(
        [this](Transaction&, const std::string& topic, const std::string& payload) {
          events.push_back(topic + " " + payload);
        });
  }

  Database& db() { return *database_; }
  territory::OrgDirectory& org() { return *org_; }
  std::shared_ptr<territory::OrgDirectory> orgService() { return org_; }
  /// Audit entries of recruiting's own changes land in `audit` too.
  AuditTrail trail() {
    return [this](Transaction&, const AuditEntry& entry) {
      audit_.entries.push_back(entry.action + " " + entry.objectType + " " + entry.objectId);
    };
  }
  const std::vector<std::string>& audit() const { return audit_.entries; }

  template <typename Work>
  auto inTx(Work work) {
    return database_->inTransaction([&](Transaction& tx) { return work(tx); });
  }

  /// "topic payload" of every event published, in order.
  std::vector<std::string> events;

 private:
  RememberedAudit audit_;
  cadre::test::TestDatabase store_;
  std::unique_ptr<db::SqlDatabase> database_;
  std::shared_ptr<territory::OrgDirectoryProvider> org_;
};

/// The engines every recruiting database test runs on.
#define RECRUITING_ON_EVERY_ENGINE(Fixture)                                           \
  INSTANTIATE_TEST_SUITE_P(Engines, Fixture, ::testing::Values("sqlite", "postgres"), \
                           [](const auto& info) { return info.param; })

}  // namespace cadre::recruiting::test
