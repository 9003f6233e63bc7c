#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "cadre/database.hpp"

namespace cadre::db {

/// What one statement did on PostgreSQL.
struct PostgresOutcome {
  /// The rows it returned; BOOLEAN reads as 0/1, integer types as integers, floating and
  /// NUMERIC types as doubles, the rest as text.
  std::vector<SqlRow> rows;
  /// The rows an INSERT, UPDATE or DELETE changed.
  std::int64_t changes = 0;
};

/// Runs one statement with `?` placeholders (rewritten to `$1`, `$2`, … as Poco's PostgreSQL
/// connector passes them to PQprepare) on a Poco PostgreSQL session. Throws std::runtime_error
/// with the server's primary message (e.g. `relation "x" does not exist`).
PostgresOutcome runPostgres(Poco::Data::Session& session, const std::string& sql,
                            const SqlParams& params);

}  // namespace cadre::db
