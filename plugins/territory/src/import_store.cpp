#include "import_store.hpp"

#include "account_store.hpp"

namespace cadre::territory {

bool AccountFields::operator==(const AccountFields& other) const {
  return name == other.name && region == other.region && postalCode == other.postalCode &&
         industry == other.industry && size == other.size && status == other.status &&
         externalId == other.externalId && potential == other.potential;
}

std::unordered_map<std::string, std::int64_t> ImportStore::orgUnitIdsByCode() {
  std::unordered_map<std::string, std::int64_t> ids;
  for (const auto& row : tx_.query("SELECT id, code FROM territory_org_units")) {
    ids.emplace(row.getString(1), row.getInt(0));
  }
  return ids;
}

std::unordered_map<std::string, KnownEmployee> ImportStore::employeesByNumber() {
  std::unordered_map<std::string, KnownEmployee> known;
  auto rows = tx_.query("SELECT id, employee_number, hire_date FROM territory_employees");
  known.reserve(rows.size());
  for (const auto& row : rows) {
    known.emplace(row.getString(1), KnownEmployee{row.getInt(0), row.getString(2)});
  }
  return known;
}

std::unordered_map<std::string, std::int64_t> ImportStore::employeeIdsByDirectoryId() {
  std::unordered_map<std::string, std::int64_t> ids;
  for (const auto& row : tx_.query("SELECT id, directory_id FROM territory_employees WHERE "
                                   "directory_id IS NOT NULL")) {
    ids.emplace(row.getString(1), row.getInt(0));
  }
  return ids;
}

std::unordered_map<std::string, StoredAccount> ImportStore::accountsByExternalId() {
  std::unordered_map<std::string, StoredAccount> accounts;
  for (const auto& row :
       tx_.query("SELECT id, name, region, postal_code, industry, size, status, external_id, "
                 "potential FROM territory_accounts WHERE external_id IS NOT NULL")) {
    AccountFields fields{row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                         row.getString(5), row.getString(6), row.getString(7), row.getDouble(8)};
    accounts.emplace(fields.externalId, StoredAccount{row.getInt(0), fields});
  }
  return accounts;
}

std::int64_t ImportStore::saveAccount(const std::optional<std::int64_t>& id,
                                      const AccountFields& a) {
  AccountStore accounts(tx_);
  Account account;
  account.name = a.name;
  account.region = a.region;
  account.postalCode = a.postalCode;
  account.industry = a.industry;
  account.size = a.size;
  account.status = a.status;
  if (!a.externalId.empty()) account.externalId = a.externalId;
  account.potential = a.potential;
  if (!id) return accounts.insert(account);
  account.id = *id;
  // The import holds the write transaction: nobody can have changed the account since it read.
  account.version = accounts.find(*id)->version;
  accounts.update(account);
  return *id;
}

}  // namespace cadre::territory
