#pragma once

#include <cstdint>
#include <vector>

#include "cadre/database.hpp"

namespace cadre::db {

/// What one statement did, on either engine.
struct StatementOutcome {
  /// The rows it returned.
  std::vector<SqlRow> rows;
  /// The rows an INSERT, UPDATE or DELETE changed; 0 for other statements.
  std::int64_t changes = 0;
  /// SQLite only: the rowid of the last row inserted on the connection.
  std::int64_t lastInsertId = 0;
};

}  // namespace cadre::db
