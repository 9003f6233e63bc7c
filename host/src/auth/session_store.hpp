#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "auth/iso_time.hpp"
#include "cadre/database.hpp"
#include "cadre/user.hpp"

namespace cadre::auth {

class SessionCache;

/// A live session found by its token.
struct Session {
  std::int64_t id = 0;
  User user;
  std::string expiresAt;
  /// SHA-256 hex of the session's CSRF token.
  std::string csrfHash;
  /// Whether `presented` (the x-csrf-token header) is this session's CSRF token; compared in
  /// constant time. False for an empty text.
  bool csrfMatches(const std::string& presented) const;
};

/// What a login hands the client, once: the secrets are not stored and cannot be shown again.
struct IssuedSession {
  std::string token;
  std::string csrfToken;
  std::string expiresAt;
};

/// The `sessions` table. Tokens are 32 random bytes (base64url) stored as their SHA-256 hex, so
/// a copy of the database does not hold a usable token. Thread-safe.
class SessionStore {
 public:
  /// The database must outlive the store. `ttl` is how long a session lives after login;
  /// `cacheLifetime` how long a looked-up session is kept in memory (see SessionCache; zero,
  /// the default, reads the database on every lookup).
  explicit SessionStore(Database& database, std::chrono::seconds ttl = std::chrono::hours(12),
                        Clock clock = systemClock(),
                        std::chrono::milliseconds cacheLifetime = std::chrono::milliseconds(0));
  ~SessionStore();

  /// Opens a session for `user` inside the caller's transaction.
  IssuedSession issue(Transaction& tx, const User& user);
  /// The session of a token; std::nullopt for an unknown, expired or revoked token or a
  /// disabled user. One indexed query in its own read transaction (every request calls it),
  /// unless the cache holds the session.
  std::optional<Session> resolve(const std::string& token);
  /// Ends the session of a token; an unknown or already revoked token is left alone.
  void revoke(Transaction& tx, const std::string& token);
  /// Ends the session of a token in a transaction of its own, running `alongside` (the audit
  /// entry) in the same transaction so that both commit or neither does.
  void end(const std::string& token, const std::function<void(Transaction&)>& alongside);
  /// Ends every open session of a user (password change, disabling).
  void revokeAllOf(Transaction& tx, std::int64_t userId);
  /// Deletes sessions that expired before now; returns how many.
  std::int64_t purgeExpired(Transaction& tx);
  /// How long a new session lives (the cookie's Max-Age).
  std::chrono::seconds ttl() const { return ttl_; }

 private:
  Database& database_;
  std::chrono::seconds ttl_;
  Clock clock_;
  std::unique_ptr<SessionCache> cache_;
};

}  // namespace cadre::auth
