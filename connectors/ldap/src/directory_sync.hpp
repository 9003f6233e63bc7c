#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cadre/context.hpp"
#include "cadre/territory/org_directory.hpp"
#include "ldap_client.hpp"
#include "ldap_settings.hpp"
#include "sync_plan.hpp"
#include "sync_run.hpp"

namespace cadre::ldap {

/// What a caller asks of a run.
struct SyncRequest {
  /// Read the whole directory and infer departures; otherwise incremental (full anyway when
  /// there is no watermark yet).
  bool full = false;
  /// Work everything out and write nothing (the run itself is recorded).
  bool dryRun = false;
  /// Write even when the run would disable more than ldap.maxDisableShare.
  bool force = false;
  /// "cli" or "job".
  std::string startedBy = "cli";
};

/// A run as recorded, and the changes it made (or, dry, would make).
struct SyncResult {
  SyncRun run;
  /// The planned changes with old → new per field; their `record` pointers are cleared.
  std::vector<PlannedChange> changes;
};

/// Opens a bound connection to the directory (LdapConnection::open; tests may point elsewhere).
using DirectoryConnector =
    std::function<std::unique_ptr<LdapConnection>(const LdapSettings& settings)>;

/// A sync of the directory into the territory plugin's employees, in ONE write transaction:
/// it connects, then locks the run and reads Cadre, plans each entry as it is read (SyncPlanner)
/// and writes those it can while the read goes on, so a full run costs about the longer of the
/// read and the writes rather than their sum; after the read it plans and writes the rest, and
/// records the run (with the new watermark). A directory that fails while being read leaves
/// Cadre exactly as it was; so does the disable guard and a dry run: everything written is
/// rolled back. The transaction (on SQLite, the database's write lock) is held from before the
/// read to the end. Every run is recorded. Thread-safe: each run uses its own connection and
/// transaction.
class DirectorySync {
 public:
  /// `database` and `org` must outlive the object.
  DirectorySync(Database& database, std::shared_ptr<territory::OrgDirectory> org,
                DirectoryConnector connect = &LdapConnection::open);

  /// Runs a sync with these settings; `defaultOrgUnit` is the code of the org unit a new person
  /// goes to whose department is not mapped ("" for none: they are reported). Never throws for
  /// the directory or the database failing: the run says so.
  SyncResult run(const LdapSettings& settings, const std::string& defaultOrgUnit,
                 const SyncRequest& request);

  /// Called with the count so far as each entry arrives, on the thread that reads the directory
  /// during a run (tests stop the server halfway). Set it before runs start.
  void observeReads(std::function<void(std::size_t entries)> observer) {
    observer_ = std::move(observer);
  }

 private:
  SyncResult finish(SyncResult result, RunOutcome outcome, const std::string& message);

  Database& database_;
  std::shared_ptr<territory::OrgDirectory> org_;
  DirectoryConnector connect_;
  std::function<void(std::size_t)> observer_;
};

/// The sentence a completed run ends with: "no change: …" or the counts.
std::string completedMessage(const SyncRun& run);

}  // namespace cadre::ldap
