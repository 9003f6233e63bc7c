#pragma once

#include <vector>

#include "cadre/database.hpp"

namespace cadre {

/// The host's own tables (owner "host" in schema_migrations): users, sessions, login attempts,
/// the audit log and job runs.
std::vector<Migration> hostMigrations();

}  // namespace cadre
