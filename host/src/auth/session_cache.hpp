#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/session_store.hpp"

namespace cadre::auth {

/// Sessions this host looked up in the last `lifetime`, by token hash, so that a burst of
/// requests does not read the same row again and again. A session revoked through this host is
/// forgotten at once; one revoked elsewhere (another host, the CLI) is served for at most
/// `lifetime` more. A lifetime of zero turns the cache off. Thread-safe.
class SessionCache {
 public:
  explicit SessionCache(std::chrono::milliseconds lifetime, std::size_t capacity = 10000);
  bool enabled() const { return lifetime_.count() > 0; }
  /// The cached session if it is younger than the lifetime and not expired at `nowIso`.
  std::optional<Session> find(const std::string& tokenHash, const std::string& nowIso);
  /// Keeps a session read from the database, unless its token or user was revoked within the
  /// last lifetime: a lookup that raced with a revocation (read before it committed) is never
  /// cached.
  void put(const std::string& tokenHash, const Session& session);
  void forgetToken(const std::string& tokenHash);
  void forgetUser(std::int64_t userId);

 private:
  struct Entry {
    Session session;
    std::chrono::steady_clock::time_point storedAt;
  };
  std::chrono::milliseconds lifetime_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  void pruneRevocations(std::chrono::steady_clock::time_point now);

  std::unordered_map<std::string, Entry> entries_;
  std::unordered_map<std::string, std::chrono::steady_clock::time_point> revokedTokens_;
  std::unordered_map<std::int64_t, std::chrono::steady_clock::time_point> revokedUsers_;
};

}  // namespace cadre::auth
