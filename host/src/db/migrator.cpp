#include "db/migrator.hpp"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include "db/sql_database.hpp"

namespace cadre::db {
namespace {

const char* const kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " owner TEXT NOT NULL,"
    " version INTEGER NOT NULL,"
    " description TEXT NOT NULL,"
    " applied_at TEXT NOT NULL,"
    " PRIMARY KEY (owner, version))";
const char* const kRecordedVersion =
    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE owner = ?";
const char* const kRecordStep =
    "INSERT INTO schema_migrations (owner, version, description, applied_at) VALUES (?, ?, ?, ?)";
const char* const kAllVersions =
    "SELECT owner, MAX(version) FROM schema_migrations GROUP BY owner ORDER BY owner";
/// Held until the transaction ends; hosts starting together take turns and the later ones
/// find the steps recorded. The lock returns void, which the outer query hides.
const char* const kLockMigrations =
    "SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(hashtext('cadre.migrations'))) AS l";

void lockMigrations(Transaction& tx) {
  if (tx.dialect() == SqlDialect::Postgres) tx.query(kLockMigrations);
}

void checkOrder(const std::string& owner, const std::vector<Migration>& steps) {
  int previous = 0;
  for (const auto& step : steps) {
    if (step.version <= 0) {
      throw MigrationError("migrations of " + owner + ": version " + std::to_string(step.version) +
                           " '" + step.description + "' is not positive");
    }
    if (step.version == previous) {
      throw MigrationError("migrations of " + owner + ": version " + std::to_string(step.version) +
                           " appears twice");
    }
    if (step.version < previous) {
      throw MigrationError("migrations of " + owner + ": version " + std::to_string(step.version) +
                           " comes after version " + std::to_string(previous) +
                           "; versions must ascend");
    }
    previous = step.version;
  }
}

std::string now() {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(), Poco::DateTimeFormat::ISO8601_FORMAT);
}

/// Applies one step with its record in one transaction; false when it was applied already.
bool applyStep(Database& database, const std::string& owner, const Migration& step) {
  auto tx = database.begin(TxMode::Write);
  lockMigrations(*tx);
  if (tx->queryOne(kRecordedVersion, {owner})->getInt(0) >= step.version) return false;
  try {
    for (const auto& statement : step.statements)
      tx->execute(applyDialect(statement, tx->dialect()));
    tx->execute(kRecordStep, {owner, std::int64_t{step.version}, step.description, now()});
    tx->commit();
  } catch (const std::exception& e) {
    tx.reset();  // roll back before saying so
    throw MigrationError("migration " + owner + " " + std::to_string(step.version) + " '" +
                         step.description + "' failed: " + e.what() + "; rolled back");
  }
  return true;
}

}  // namespace

Migrator::Migrator(Database& database) : database_(database) {
  database_.inTransaction([](Transaction& tx) {
    lockMigrations(tx);
    tx.execute(kCreateTable);
  });
}

int Migrator::migrate(const std::string& owner, const std::vector<Migration>& steps) {
  checkOrder(owner, steps);
  int applied = 0;
  for (const auto& step : steps) {
    if (applyStep(database_, owner, step)) ++applied;
  }
  return applied;
}

std::map<std::string, int> Migrator::versions() {
  std::map<std::string, int> versions;
  auto tx = database_.begin(TxMode::Read);
  for (const auto& row : tx->query(kAllVersions)) {
    versions[row.getString(0)] = static_cast<int>(row.getInt(1));
  }
  return versions;
}

}  // namespace cadre::db
