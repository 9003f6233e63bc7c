#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "cadre/context.hpp"
#include "directory_sync.hpp"

namespace cadre::ldap {

/// Runs a sync with the settings in force (reads them, so a bad key is reported by name).
using SyncRunner = std::function<SyncResult(const SyncRequest& request)>;

/// `cadre sync ldap [--full] [--dry-run] [--force] [--json]`. Exits 0 when the run completed
/// (entries with errors are counted, not fatal), 1 when it failed (the directory or the
/// database), 2 when the disable guard stopped it before writing, 64 for a bad option.
CommandSpec syncCommand(SyncRunner runner);

/// What the command prints without --json: the counts, each change of a dry run with its
/// fields old → new, the errors and the closing sentence.
void printRun(const SyncResult& result, std::ostream& out);

}  // namespace cadre::ldap
