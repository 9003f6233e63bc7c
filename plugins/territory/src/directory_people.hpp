#pragma once

#include <optional>
#include <string>

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

 private:
  Transaction& tx_;
  AuditTrail audit_;
  std::string actor_;
  std::string effectiveDate_;
  std::optional<BulkHiring> hiring_;
};

}  // namespace cadre::territory
