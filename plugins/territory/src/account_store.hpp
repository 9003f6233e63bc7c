#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cadre/database.hpp"

namespace cadre::territory {

/// A customer or prospect the sales organization covers.
struct Account {
  std::int64_t id = 0;
  std::string name;
  std::string region;
  std::string postalCode;
  std::string industry;
  /// small, medium, large or enterprise.
  std::string size;
  /// prospect or active.
  std::string status;
  /// The ERP's id, unique when given.
  std::optional<std::string> externalId;
  double potential = 0;
  std::int64_t version = 0;
};

/// Which accounts a list asks for; unset members do not filter.
struct AccountFilter {
  std::optional<std::string> status;
  std::optional<std::string> region;
  std::optional<std::string> industry;
  std::optional<std::string> nameStartsWith;
  /// Accounts in this territory on `territoryDate`.
  std::optional<std::int64_t> territoryId;
  std::string territoryDate;
  /// Only these accounts (what an employee may see); unset means all.
  std::optional<std::set<std::int64_t>> onlyIds;
  std::int64_t afterId = 0;
  std::int64_t limit = 50;
};

/// One period of an account in a territory, with what put it there.
struct AccountAssignment {
  std::int64_t id = 0;
  std::int64_t accountId = 0;
  std::int64_t territoryId = 0;
  /// manual or rule.
  std::string cause;
  std::optional<std::int64_t> ruleId;
  std::string validFrom;
  std::string validTo;
};

/// The SQL of accounts and of their effective-dated assignments to territories. A territory
/// belongs to one model, so an assignment belongs to the model of its territory.
class AccountStore {
 public:
  explicit AccountStore(Transaction& tx) : tx_(tx) {}

  std::vector<Account> list(const AccountFilter& filter);
  std::optional<Account> find(std::int64_t id);
  bool externalIdTaken(const std::string& externalId, std::int64_t exceptId);
  std::int64_t insert(const Account& account);
  /// Writes every field and bumps the version, if the stored version still is
  /// `account.version`; false when someone changed the account meanwhile.
  bool update(const Account& account);
  void bumpVersion(std::int64_t id);

  /// The account's assignment on a date in the model in force then (active or archived).
  std::optional<AccountAssignment> assignmentOn(std::int64_t accountId, const std::string& date);
  /// The account's assignment in one model on a date.
  std::optional<AccountAssignment> assignmentIn(std::int64_t accountId, std::int64_t modelId,
                                                const std::string& date);
  /// The assignment of the account in the model that begins last.
  std::optional<AccountAssignment> latestIn(std::int64_t accountId, std::int64_t modelId);
  /// Every assignment of a model in force on a date.
  std::vector<AccountAssignment> assignmentsIn(std::int64_t modelId, const std::string& date);
  /// The assignments of a model that are open-ended (its plan from now on).
  std::vector<AccountAssignment> openIn(std::int64_t modelId);
  /// Every assignment of an account in every model, oldest first (empty periods left out).
  std::vector<AccountAssignment> historyOf(std::int64_t accountId);
  std::vector<AccountAssignment> ofTerritory(std::int64_t territoryId, const std::string& date);
  std::int64_t addAssignment(const AccountAssignment& assignment, const std::string& actor,
                             const std::string& recordedAt);
  void endAssignment(std::int64_t assignmentId, const std::string& validTo);
  /// Ends assignments at a date (an assignment that begins later becomes an empty period).
  void endAssignments(const std::vector<std::int64_t>& assignmentIds, const std::string& validTo);
  /// Inserts assignments in a few multi-row statements.
  void addAssignments(const std::vector<AccountAssignment>& assignments, const std::string& actor,
                      const std::string& recordedAt);
  void bumpVersions(const std::vector<std::int64_t>& accountIds);
  /// The latest start of a non-empty assignment in a model, per account.
  std::map<std::int64_t, std::string> latestStartsIn(std::int64_t modelId);
  /// Ends every assignment of a model in force on or after a date at that date.
  void endModelAt(std::int64_t modelId, const std::string& date);
  /// Drops a model's ended periods and begins its open ones on a date.
  void beginModelAt(std::int64_t modelId, const std::string& date);
  /// Assignments that name a rule keep their cause but lose the reference (rule deleted).
  void forgetRule(std::int64_t ruleId);
  /// The accounts in the territories a rep holds a seat in on a date, in the model in force then.
  std::vector<std::int64_t> accountsOfRep(std::int64_t employeeId, const std::string& date);

 private:
  Transaction& tx_;
};

}  // namespace cadre::territory
