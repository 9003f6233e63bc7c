#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "cadre/database.hpp"
#include "db/statement_outcome.hpp"

namespace cadre::db {

/// Runs one statement with `?` placeholders (rewritten to `$1`, `$2`, … as Poco's PostgreSQL
/// connector passes them to PQprepare) on a Poco PostgreSQL session. BOOLEAN reads as 0/1,
/// integer types as integers, floating and NUMERIC types as doubles, the rest as text. Throws
/// std::runtime_error with the server's primary message (e.g. `relation "x" does not exist`).
StatementOutcome runPostgres(Poco::Data::Session& session, const std::string& sql,
                             const SqlParams& params);

}  // namespace cadre::db
