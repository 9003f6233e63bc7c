#include "auth/user_store.hpp"

#include <stdexcept>

#include <Poco/String.h>

#include "auth/iso_time.hpp"
#include "cadre/json_fields.hpp"

namespace cadre::auth {
namespace {

constexpr std::size_t kMaxDisplayName = 200;

// Every query reads these columns in this order; see readRecord().
constexpr const char* kSelectUser =
    "SELECT id, username, display_name, role, source, disabled, created_at, password_hash "
    "FROM users ";

bool isUsernameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '@' || c == '-';
}

UserRecord readRecord(const SqlRow& row) {
  UserRecord record;
  record.user.id = row.getInt(0);
  record.user.username = row.getString(1);
  record.user.displayName = row.getString(2);
  record.user.role = parseRole(row.getString(3)).value_or(Role::Employee);
  record.user.source = row.getString(4);
  record.disabled = row.getInt(5) != 0;
  record.createdAt = row.getString(6);
  return record;
}

std::string requireUsername(const std::string& username) {
  auto normalized = normalizeUsername(username);
  if (!normalized) {
    throw std::invalid_argument(
        "a username is 1 to 64 characters of letters, digits, '.', '_', '@' and '-'");
  }
  return *normalized;
}

void requireDisplayName(const std::string& displayName) {
  if (displayName.empty() || displayName.size() > kMaxDisplayName || !isValidUtf8(displayName)) {
    throw std::invalid_argument("a display name is 1 to 200 bytes of UTF-8");
  }
}

void requireStrong(const std::string& password) {
  std::string weakness = PasswordHasher::weakness(password);
  if (!weakness.empty()) throw std::invalid_argument(weakness);
}

std::string now() {
  return isoUtc(std::chrono::system_clock::now());
}

}  // namespace

std::optional<std::string> normalizeUsername(const std::string& username) {
  if (username.empty() || username.size() > kMaxUsername) return std::nullopt;
  for (char c : username) {
    if (!isUsernameChar(c)) return std::nullopt;
  }
  return Poco::toLower(username);
}

UserStore::UserStore(Database& database, PasswordHasher hasher)
    : database_(database), hasher_(std::move(hasher)) {}

User UserStore::createLocal(Transaction& tx, const std::string& username,
                            const std::string& displayName, Role role,
                            const std::string& password) {
  std::string name = requireUsername(username);
  requireDisplayName(displayName);
  requireStrong(password);
  if (findRecord(tx, name)) throw std::invalid_argument("the username '" + name + "' is taken");
  std::string at = now();
  std::int64_t id = tx.insert(
      "INSERT INTO users (username, display_name, role, source, password_hash, disabled, "
      "created_at, updated_at) VALUES (?, ?, ?, 'local', ?, 0, ?, ?)",
      {name, displayName, std::string(roleName(role)), hasher_.hash(password), at, at});
  return User{id, name, displayName, role, "local"};
}

void UserStore::setPassword(Transaction& tx, const std::string& username,
                            const std::string& password) {
  requireStrong(password);
  auto name = normalizeUsername(username);
  std::int64_t changed =
      name ? tx.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE username = ?",
                        {hasher_.hash(password), now(), *name})
           : 0;
  if (changed == 0) throw std::invalid_argument("there is no user '" + username + "'");
}

std::vector<UserRecord> UserStore::list(Transaction& tx) {
  std::vector<UserRecord> records;
  for (const auto& row : tx.query(std::string(kSelectUser) + "ORDER BY username")) {
    records.push_back(readRecord(row));
  }
  return records;
}

std::optional<UserRecord> UserStore::findRecord(Transaction& tx, const std::string& username) {
  auto name = normalizeUsername(username);
  if (!name) return std::nullopt;
  auto row = tx.queryOne(std::string(kSelectUser) + "WHERE username = ?", {*name});
  if (!row) return std::nullopt;
  return readRecord(*row);
}

std::optional<User> UserStore::findById(Transaction& tx, std::int64_t id) {
  auto row = tx.queryOne(std::string(kSelectUser) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return readRecord(*row).user;
}

std::optional<User> UserStore::verifyLocal(const std::string& username,
                                           const std::string& password) {
  std::optional<UserRecord> record;
  std::optional<std::string> hash;
  if (auto name = normalizeUsername(username)) {
    auto tx = database_.begin(TxMode::Read);
    if (auto row = tx->queryOne(std::string(kSelectUser) + "WHERE username = ?", {*name})) {
      record = readRecord(*row);
      hash = row->getOptionalString(7);
    }
  }
  if (!record || !hash) {
    hasher_.verifyAgainstNobody(password);
    return std::nullopt;
  }
  // Verify before looking at `disabled`, so a disabled account costs the same time.
  bool matches = hasher_.verify(password, *hash);
  if (!matches || record->disabled) return std::nullopt;
  return record->user;
}

void UserStore::spendVerifyTime(const std::string& password) const {
  hasher_.verifyAgainstNobody(password);
}

std::optional<User> UserStore::findByUsername(Transaction& tx, const std::string& username) {
  auto record = findRecord(tx, username);
  if (!record) return std::nullopt;
  return record->user;
}

User UserStore::upsertExternal(Transaction& tx, const std::string& username,
                               const std::string& displayName, Role role,
                               const std::string& source) {
  std::string name = requireUsername(username);
  requireDisplayName(displayName);
  if (source.empty() || source == "local") {
    throw std::invalid_argument("an external user needs the name of its login provider");
  }
  auto existing = findRecord(tx, name);
  if (existing && existing->user.source == "local") {
    throw std::invalid_argument("'" + name + "' is a local account");
  }
  std::string at = now();
  std::string roleText = roleName(role);
  if (existing) {
    tx.execute(
        "UPDATE users SET display_name = ?, role = ?, source = ?, updated_at = ? WHERE id = ?",
        {displayName, roleText, source, at, existing->user.id});
    return User{existing->user.id, name, displayName, role, source};
  }
  std::int64_t id = tx.insert(
      "INSERT INTO users (username, display_name, role, source, password_hash, disabled, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 0, ?, ?)",
      {name, displayName, roleText, source, at, at});
  return User{id, name, displayName, role, source};
}

void UserStore::setDisabled(Transaction& tx, std::int64_t userId, bool disabled) {
  std::int64_t changed = tx.execute("UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?",
                                    {std::int64_t{disabled ? 1 : 0}, now(), userId});
  if (changed == 0)
    throw std::invalid_argument("there is no user with id " + std::to_string(userId));
}

}  // namespace cadre::auth
