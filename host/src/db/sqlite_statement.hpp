#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "cadre/database.hpp"
#include "db/statement_outcome.hpp"

namespace cadre::db {

/// Runs one statement with `?` placeholders on the sqlite3 handle of a Poco SQLite session,
/// through SQLite's own API: each value reads in the type SQLite holds it in (so COUNT(*) and
/// expressions read as numbers, not as text as Poco's declared-type mapping has it). Throws
/// std::runtime_error with SQLite's message (also when the number of values differs from the number
/// of placeholders, and for several statements).
StatementOutcome runSqlite(Poco::Data::Session& session, const std::string& sql,
                           const SqlParams& params);

}  // namespace cadre::db
