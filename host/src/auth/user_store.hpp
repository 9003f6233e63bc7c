#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/password_hasher.hpp"
#include "cadre/context.hpp"

namespace cadre::auth {

/// A user row as the admin CLI and pages list it.
struct UserRecord {
  User user;
  bool disabled = false;
  std::string createdAt;
};

/// The longest username, in characters.
constexpr std::size_t kMaxUsername = 64;

/// A username as stored: 1-64 characters of [A-Za-z0-9._@-], lower-cased (usernames are
/// unique regardless of case). std::nullopt for anything else.
std::optional<std::string> normalizeUsername(const std::string& username);

/// The `users` table: local accounts with hashed passwords, and accounts of login providers.
/// Usernames are matched case-insensitively. Thread-safe (state lives in the database).
class UserStore : public UserAccounts {
 public:
  /// The database must outlive the store.
  UserStore(Database& database, PasswordHasher hasher = PasswordHasher());

  /// Throws std::invalid_argument for a taken username, a bad username, an empty or over-long
  /// (200) display name, or a weak password (the message is PasswordHasher::weakness()).
  User createLocal(Transaction& tx, const std::string& username, const std::string& displayName,
                   Role role, const std::string& password);
  /// Throws std::invalid_argument for an unknown user or a weak password.
  void setPassword(Transaction& tx, const std::string& username, const std::string& password);
  /// Every user, by username.
  std::vector<UserRecord> list(Transaction& tx);
  /// The row of a username (any case); std::nullopt for an unknown or malformed one.
  std::optional<UserRecord> findRecord(Transaction& tx, const std::string& username);
  /// The user with an id; std::nullopt when there is none.
  std::optional<User> findById(Transaction& tx, std::int64_t id) override;
  /// The user if it has a local password, the password matches and the account is enabled.
  /// Runs its own read transaction, closed before hashing. An unknown user, or one without a
  /// local password, costs the same hashing time as a wrong password.
  std::optional<User> verifyLocal(const std::string& username, const std::string& password);
  /// Spends the hashing time of one verifyLocal() without asking the database.
  void spendVerifyTime(const std::string& password) const;

  /// std::nullopt for an unknown or malformed username.
  std::optional<User> findByUsername(Transaction& tx, const std::string& username) override;
  /// Creates or updates (display name, role) a user of a login provider; keeps `disabled`.
  /// Throws std::invalid_argument for a bad username, a source of "local" or "", or a username
  /// that belongs to a local account (a directory must not take over a local login).
  User upsertExternal(Transaction& tx, const std::string& username, const std::string& displayName,
                      Role role, const std::string& source) override;
  /// Throws std::invalid_argument for an unknown id.
  void setDisabled(Transaction& tx, std::int64_t userId, bool disabled) override;

 private:
  Database& database_;
  PasswordHasher hasher_;
};

}  // namespace cadre::auth
