#include "ldap_schema.hpp"

namespace cadre::ldap {

std::vector<Migration> ldapMigrations() {
  return {{1,
           "sync runs, sync state, people disabled by the sync",
           {
               "CREATE TABLE ldap_sync_runs (id ${id}, mode TEXT NOT NULL, "
               "dry_run ${bigint} NOT NULL, forced ${bigint} NOT NULL, started_by TEXT NOT NULL, "
               "started_at TEXT NOT NULL, finished_at TEXT NOT NULL, outcome TEXT NOT NULL, "
               "message TEXT NOT NULL, entries_read ${bigint} NOT NULL, "
               "created ${bigint} NOT NULL, updated ${bigint} NOT NULL, moved ${bigint} NOT NULL, "
               "disabled ${bigint} NOT NULL, reactivated ${bigint} NOT NULL, "
               "unchanged ${bigint} NOT NULL, error_count ${bigint} NOT NULL, "
               "errors_json TEXT NOT NULL, watermark TEXT NOT NULL)",
               "CREATE TABLE ldap_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
               "INSERT INTO ldap_state (name, value) VALUES ('lock', '')",
               "CREATE TABLE ldap_disabled (directory_id TEXT PRIMARY KEY, "
               "employee_id ${bigint} NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL, "
               "since TEXT NOT NULL)",
           }}};
}

}  // namespace cadre::ldap
