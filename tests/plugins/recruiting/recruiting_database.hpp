#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cadre/audit_trail.hpp"
#include "core/host_schema.hpp"
#include "db/migrator.hpp"
#include "db/sql_database.hpp"
#include "engines.hpp"
#include "headed_unit.hpp"
#include "org_directory_provider.hpp"
#include "org_tree.hpp"
#include "recruiting_schema.hpp"
#include "schema.hpp"
#include "staffing_plan.hpp"
#include "support/test_database.hpp"
#include "workforce.hpp"

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

  /// An employee hired into a unit on 2020-01-01 (reporting to the head above them).
  std::int64_t employee(const std::string& number, std::int64_t unitId) {
    return inTx([&](Transaction& tx) {
      return territory::Workforce(tx, trail(), "tester")
          .hire({number, "Given " + number, "Family", number + "@example.com", "", "", "",
                 std::nullopt},
                {std::nullopt, unitId, std::nullopt, "", "2020-01-01", "hire"}, std::nullopt)
          .id;
    });
  }

  /// A new org unit `code` (under `parentId`) open from 2020-01-01, headed by a new employee of it,
  /// who reports to the head of the unit above.
  HeadedUnit headedUnit(const std::string& code,
                        std::optional<std::int64_t> parentId = std::nullopt) {
    HeadedUnit unit;
    unit.unitId = inTx([&](Transaction& tx) {
      return territory::OrgTree(tx)
          .create({code, code + " unit", parentId ? "team" : "company", parentId, std::nullopt,
                   "2020-01-01"})
          .id;
    });
    unit.headEmployeeId = employee(code + "-HEAD", unit.unitId);
    inTx([&](Transaction& tx) {
      territory::OrgUnitChange change;
      change.headEmployeeId = std::optional<std::int64_t>(unit.headEmployeeId);
      change.effectiveDate = "2020-01-01";
      change.reason = "head";
      return territory::OrgTree(tx).change(unit.unitId, change).id;
    });
    return unit;
  }

  /// A headcount plan of `plannedPositions` people for a unit over 2020..2099.
  void headcountPlan(std::int64_t unitId, std::int64_t plannedPositions) {
    inTx([&](Transaction& tx) {
      territory::HeadcountPlan plan;
      plan.orgUnitId = unitId;
      plan.periodStart = "2020-01-01";
      plan.periodEnd = "2099-12-31";
      plan.plannedPositions = plannedPositions;
      return territory::StaffingPlan(tx).createPlan(plan).id;
    });
  }

  /// "topic payload" of every event published, in order.
  std::vector<std::string> events;

 private:
  RememberedAudit audit_;
  cadre::test::TestDatabase store_;
  std::unique_ptr<db::SqlDatabase> database_;
  std::shared_ptr<territory::OrgDirectoryProvider> org_;
};

}  // namespace cadre::recruiting::test
