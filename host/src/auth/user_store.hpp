#pragma once

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

/// The `users` table: local accounts with hashed passwords, and accounts of login providers.
class UserStore : public UserAccounts {
 public:
  UserStore(Database& database, PasswordHasher hasher = PasswordHasher());

  /// Throws std::invalid_argument for a taken username, a bad username or a weak password.
  User createLocal(Transaction& tx, const std::string& username, const std::string& displayName,
                   Role role, const std::string& password);
  /// Throws std::invalid_argument for an unknown user or a weak password.
  void setPassword(Transaction& tx, const std::string& username, const std::string& password);
  std::vector<UserRecord> list(Transaction& tx);
  std::optional<UserRecord> findRecord(Transaction& tx, const std::string& username);
  std::optional<User> findById(Transaction& tx, std::int64_t id);
  /// The user if the local password matches and the account is enabled.
  std::optional<User> verifyLocal(const std::string& username, const std::string& password);

  std::optional<User> findByUsername(Transaction& tx, const std::string& username) override;
  User upsertExternal(Transaction& tx, const std::string& username, const std::string& displayName,
                      Role role, const std::string& source) override;
  void setDisabled(Transaction& tx, std::int64_t userId, bool disabled) override;

 private:
  Database& database_;
  PasswordHasher hasher_;
};

}  // namespace cadre::auth
