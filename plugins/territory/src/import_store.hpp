#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "cadre/database.hpp"

namespace cadre::territory {

/// An employee as an import matches them: by number, with the hire date it may not change.
struct KnownEmployee {
  std::int64_t id = 0;
  std::string hireDate;
};

/// The fields of an account that an import writes.
struct AccountFields {
  std::string name;
  std::string region;
  std::string postalCode;
  std::string industry;
  /// small, medium, large or enterprise.
  std::string size;
  /// prospect or active.
  std::string status;
  /// The ERP's key of the account; empty for none (stored as NULL).
  std::string externalId;
  double potential = 0;

  /// Whether every field is the same (an import that would change nothing).
  bool operator==(const AccountFields& other) const;
};

/// An account already stored, as an import matches it by external id.
struct StoredAccount {
  std::int64_t id = 0;
  AccountFields fields;
};

/// The SQL an import needs beyond the org stores: the keys of a whole table loaded at once (an
/// import of 100,000 rows matches each row in memory, not with a query), and the one place
/// where an import writes an account. Works in the caller's transaction.
class ImportStore {
 public:
  /// Works in the caller's transaction, which must outlive it.
  explicit ImportStore(Transaction& tx) : tx_(tx) {}

  /// Every org unit's id by its code, open or closed.
  std::unordered_map<std::string, std::int64_t> orgUnitIdsByCode();
  /// Every employee by their number, terminated or not.
  std::unordered_map<std::string, KnownEmployee> employeesByNumber();
  /// Employees that have a directory id, by it.
  std::unordered_map<std::string, std::int64_t> employeeIdsByDirectoryId();
  /// Accounts that have an external id, by it.
  std::unordered_map<std::string, StoredAccount> accountsByExternalId();
  /// Inserts a new account (no id) or updates an existing one and bumps its version, through
  /// AccountStore as the accounts API does; returns
  /// its id.
  std::int64_t saveAccount(const std::optional<std::int64_t>& id, const AccountFields& account);

 private:
  Transaction& tx_;
};

}  // namespace cadre::territory
