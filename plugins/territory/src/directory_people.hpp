#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "bulk_hiring.hpp"
#include "cadre/audit_trail.hpp"
#include "cadre/territory/org_directory.hpp"

namespace cadre::territory {

/// The territory plugin's DirectoryWriter: a person the database already has goes through
/// Workforce::upsertFromDirectory; a new one, once the database says their employee number and
/// directory id are free, is queued in BulkHiring (the same rules, each asked once per run) and
/// written with the rest of the queue.
class DirectoryPeople : public DirectoryWriter {
 public:
  /// Works in `tx`; every change is dated `effectiveDate` and audited through `audit`, the
  /// hires of a flush through `auditBatch` together.
  DirectoryPeople(Transaction& tx, AuditTrail audit, AuditBatchTrail auditBatch, std::string actor,
                  std::string effectiveDate);

  DirectoryOutcome upsert(const DirectoryPerson& person) override;
  std::vector<std::pair<std::string, std::int64_t>> flush() override;
  void forget() override;

 private:
  /// Whether the database may have this person (their directory id, former directory id or
  /// employee number is taken); false only when all three are certainly free. True until the
  /// taken keys are read.
  bool mayBeKnown(const DirectoryPerson& person);
  /// Queues a person known to be new in BulkHiring.
  DirectoryOutcome queue(const DirectoryPerson& person);
  /// Writes the queue and keeps the ids for flush().
  void writeQueue();

  Transaction& tx_;
  AuditTrail audit_;
  AuditBatchTrail auditBatch_;
  std::string actor_;
  std::string effectiveDate_;
  std::optional<BulkHiring> hiring_;
  /// The people written since flush() last returned, in order.
  std::vector<std::pair<std::string, std::int64_t>> hired_;
  /// Every directory id and employee number the database may hold: read once (after the first
  /// hundred hires the database was asked about), then grown by every upsert (a rolled-back
  /// one included), so a key absent here is certainly free.
  std::unordered_set<std::string> takenDirectoryIds_;
  std::unordered_set<std::string> takenNumbers_;
  bool takenLoaded_ = false;
  std::size_t hiresAsked_ = 0;
};

}  // namespace cadre::territory
