#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "cadre/database.hpp"

namespace cadre::db {

/// A migration step failed; the step was rolled back. The message names the owner, the
/// version, the description and the database's error.
class MigrationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Brings each owner's (a plugin's, or "host") schema to its newest version, recording applied
/// steps in `schema_migrations`. Each step runs in its own transaction together with its record.
/// On PostgreSQL the run holds an advisory lock so that hosts starting together migrate once.
class Migrator {
 public:
  /// Creates `schema_migrations` if missing; throws std::runtime_error when it cannot.
  explicit Migrator(Database& database);
  /// Applies the steps of `owner` newer than its recorded version, in order. Throws
  /// MigrationError for a failing step (rolled back, earlier steps kept) and for steps out of
  /// order or duplicated. Returns how many steps it applied.
  int migrate(const std::string& owner, const std::vector<Migration>& steps);
  /// The recorded version of every owner.
  std::map<std::string, int> versions();

 private:
  Database& database_;
};

}  // namespace cadre::db
