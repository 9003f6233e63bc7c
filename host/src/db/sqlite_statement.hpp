#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "cadre/database.hpp"

namespace cadre::db {

/// What one statement did on SQLite.
struct SqliteOutcome {
  /// The rows it returned, each value in the type SQLite holds it in (so COUNT(*) and
  /// expressions read as numbers, not as text as Poco's declared-type mapping has it).
  std::vector<SqlRow> rows;
  /// The rows an INSERT, UPDATE or DELETE changed; 0 for other statements.
  std::int64_t changes = 0;
  /// The rowid of the last row inserted on this connection.
  std::int64_t lastInsertId = 0;
};

/// Runs one statement with `?` placeholders on the sqlite3 handle of a Poco SQLite session,
/// through SQLite's own API. Throws std::runtime_error with SQLite's message (also when the
/// number of values differs from the number of placeholders, and for several statements).
SqliteOutcome runSqlite(Poco::Data::Session& session, const std::string& sql,
                        const SqlParams& params);

}  // namespace cadre::db
