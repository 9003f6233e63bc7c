#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "config/host_config.hpp"
#include "core/host_schema.hpp"
#include "db/migrator.hpp"
#include "db/sql_database.hpp"
#include "directory_sync.hpp"
#include "ldap_schema.hpp"
#include "ldap_settings.hpp"
#include "org_directory_provider.hpp"
#include "org_tree.hpp"
#include "schema.hpp"
#include "support/ldif_builder.hpp"
#include "support/slapd_server.hpp"
#include "support/test_database.hpp"

namespace cadre::ldap::test {

using cadre::test::LdifBuilder;
using cadre::test::SlapdServer;

/// Remembers the audit entries the territory plugin writes for the sync.
class RecordingAudit : public AuditLog {
 public:
  void record(Transaction&, const Request&, const AuditEntry&) override {}
  void recordSystem(Transaction&, const std::string& actor, const AuditEntry& entry) override {
    entries.push_back(actor + " " + entry.action + " " + entry.objectId);
  }
  std::vector<std::string> entries;
};

/// A fresh database on one engine with the host's, the territory plugin's and the connector's
/// schemas, an org (company ACME with units SALES and SUPPORT), the territory plugin's real
/// OrgDirectory, and a DirectorySync writing through it.
class SyncDatabase {
 public:
  explicit SyncDatabase(const std::string& engine)
      : store_(engine),
        database_(store_.open()),
        org_(std::make_shared<territory::OrgDirectoryProvider>(audit)) {
    db::Migrator(*database_).migrate("host", hostMigrations());
    db::Migrator(*database_).migrate("territory", territory::territoryMigrations());
    db::Migrator(*database_).migrate("ldap", ldapMigrations());
    database_->setEventDispatch([](Transaction&, const std::string&, const std::string&) {});
    database_->inTransaction([&](Transaction& tx) {
      territory::OrgTree tree(tx);
      company =
          tree.create({"ACME", "Acme", "company", std::nullopt, std::nullopt, "2020-01-01"}).id;
      sales = tree.create({"SALES", "Sales", "branch", company, std::nullopt, "2020-01-01"}).id;
      support =
          tree.create({"SUPPORT", "Support", "branch", company, std::nullopt, "2020-01-01"}).id;
    });
    sync = std::make_unique<DirectorySync>(*database_, org_);
  }

  Database& db() { return *database_; }
  territory::OrgDirectory& org() { return *org_; }

  /// Every employee with a directory id, as of today, by directory id.
  std::map<std::string, territory::EmployeeRecord> employees() {
    std::map<std::string, territory::EmployeeRecord> result;
    database_->inTransaction(
        [&](Transaction& tx) {
          for (auto& e : org_->directoryEmployees(tx, "")) result[e.directoryId] = e;
        },
        TxMode::Read);
    return result;
  }

  /// Everything Cadre holds of the employees, to compare before and after a run that must
  /// write nothing: every row of the territory's people tables and the connector's state.
  std::string snapshot() {
    std::string text;
    database_->inTransaction(
        [&](Transaction& tx) {
          for (const char* table : {"territory_employees", "territory_status_changes",
                                    "territory_assignments", "ldap_disabled", "ldap_state"}) {
            for (const auto& row : tx.query(std::string("SELECT * FROM ") + table)) {
              text += table;
              for (std::size_t i = 0; i < row.size(); ++i)
                text += "|" + (row.isNull(i) ? std::string("NULL") : row.getString(i));
              text += "\n";
            }
          }
        },
        TxMode::Read);
    return text;
  }

  std::int64_t count(const std::string& sql) {
    return database_->inTransaction([&](Transaction& tx) { return tx.queryOne(sql)->getInt(0); },
                                    TxMode::Read);
  }

  RecordingAudit audit;
  std::int64_t company = 0;
  std::int64_t sales = 0;
  std::int64_t support = 0;
  std::unique_ptr<DirectorySync> sync;

 private:
  cadre::test::TestDatabase store_;
  std::unique_ptr<db::SqlDatabase> database_;
  std::shared_ptr<territory::OrgDirectory> org_;
};

using Keys = std::map<std::string, std::string>;

/// The settings of a connector pointed at `server` as its service account, with `extra` on top.
inline LdapSettings settingsFor(const SlapdServer& server, const Keys& extra = {}) {
  Keys keys{{"ldap.uri", server.uri()},
            {"ldap.tls", "none"},
            {"ldap.baseDN", server.baseDN()},
            {"ldap.bindDN", server.serviceDN()},
            {"ldap.bindPassword", server.servicePassword()},
            {"ldap.pageSize", "7"},
            {"ldap.timeout", "5"},
            {"ldap.departmentMap", "Sales=SALES;Support=SUPPORT"}};
  for (const auto& [key, value] : extra) keys[key] = value;
  return readLdapSettings(HostConfig(std::nullopt, keys, "/"));
}

inline LdifBuilder::Person person(const std::string& uid, const std::string& given,
                                  const std::string& family, const std::string& department,
                                  const std::string& managerDn = "",
                                  const std::string& commonName = "") {
  LdifBuilder::Person p;
  p.uid = uid;
  p.givenName = given;
  p.familyName = family;
  p.commonName = commonName;
  p.employeeNumber = "E-" + uid;
  p.mail = uid + "@example.com";
  p.department = department;
  p.managerDn = managerDn;
  return p;
}

/// The engines every sync test that writes runs on.
#define LDAP_SYNC_ON_EVERY_ENGINE(Fixture)                                            \
  INSTANTIATE_TEST_SUITE_P(Engines, Fixture, ::testing::Values("sqlite", "postgres"), \
                           [](const auto& info) { return info.param; })

}  // namespace cadre::ldap::test
