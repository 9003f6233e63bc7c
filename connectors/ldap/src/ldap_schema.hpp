#pragma once

#include <vector>

#include "cadre/database.hpp"

namespace cadre::ldap {

/// The connector's tables: 1 the sync runs (ldap_sync_runs), its state (ldap_state: the
/// incremental watermark and the row a run locks) and the people it suspended or terminated
/// (ldap_disabled), which are the only ones it re-activates.
std::vector<Migration> ldapMigrations();

}  // namespace cadre::ldap
