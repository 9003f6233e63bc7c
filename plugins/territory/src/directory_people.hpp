#pragma once

#include <optional>
#include <string>
#include <unordered_set>

#include "bulk_hiring.hpp"
#include "cadre/audit_trail.hpp"
#include "cadre/territory/org_directory.hpp"

namespace cadre::territory {

/// The territory plugin's DirectoryWriter: a person the database already has goes through
/// Workforce::upsertFromDirectory; a new one, once the database says their employee number and
/// directory id are free, through BulkHiring (the same rules, each asked once per run).
class DirectoryPeople : public DirectoryWriter {
 public:
  /// Works in `tx`; every change is dated `effectiveDate` and audited through `audit`.
  DirectoryPeople(Transaction& tx, AuditTrail audit, std::string actor, std::string effectiveDate);

  DirectoryOutcome upsert(const DirectoryPerson& person) override;
  void forget() override;
  std::optional<std::int64_t> lastHiredId() const override { return lastHiredId_; }

 private:
  /// Whether the database may have this person (their directory id, former directory id or
  /// employee number is taken); false only when all three are certainly free. True until the
  /// taken keys are read.
  bool mayBeKnown(const DirectoryPerson& person);
  /// Hires a person known to be new through BulkHiring.
  DirectoryOutcome hire(const DirectoryPerson& person);

  Transaction& tx_;
  AuditTrail audit_;
  std::string actor_;
  std::string effectiveDate_;
  std::optional<BulkHiring> hiring_;
  std::optional<std::int64_t> lastHiredId_;
  /// Every directory id and employee number the database may hold: read once (after the first
  /// hundred hires the database was asked about), then grown by every upsert (a rolled-back
  /// one included), so a key absent here is certainly free.
  std::unordered_set<std::string> takenDirectoryIds_;
  std::unordered_set<std::string> takenNumbers_;
  bool takenLoaded_ = false;
  std::size_t hiresAsked_ = 0;
};

}  // namespace cadre::territory
