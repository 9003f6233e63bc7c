#include "auth/session_cache.hpp"

namespace cadre::auth {

SessionCache::SessionCache(std::chrono::milliseconds lifetime, std::size_t capacity)
    : lifetime_(lifetime), capacity_(capacity) {}

std::optional<Session> SessionCache::find(const std::string& tokenHash, const std::string& nowIso) {
  if (!enabled()) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto it = entries_.find(tokenHash);
  if (it == entries_.end()) return std::nullopt;
  bool fresh = std::chrono::steady_clock::now() - it->second.storedAt < lifetime_;
  if (!fresh || it->second.session.expiresAt <= nowIso) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.session;
}

void SessionCache::put(const std::string& tokenHash, const Session& session) {
  if (!enabled()) return;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  auto token = revokedTokens_.find(tokenHash);
  if (token != revokedTokens_.end() && now - token->second < lifetime_) return;
  auto user = revokedUsers_.find(session.user.id);
  if (user != revokedUsers_.end() && now - user->second < lifetime_) return;
  // Full: start over rather than track ages; entries are cheap to read again.
  if (entries_.size() >= capacity_) entries_.clear();
  entries_[tokenHash] = Entry{session, now};
}

void SessionCache::forgetToken(const std::string& tokenHash) {
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  pruneRevocations(now);
  revokedTokens_[tokenHash] = now;
  entries_.erase(tokenHash);
}

void SessionCache::forgetUser(std::int64_t userId) {
  auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  pruneRevocations(now);
  revokedUsers_[userId] = now;
  for (auto it = entries_.begin(); it != entries_.end();) {
    it = it->second.session.user.id == userId ? entries_.erase(it) : std::next(it);
  }
}

void SessionCache::pruneRevocations(std::chrono::steady_clock::time_point now) {
  for (auto it = revokedTokens_.begin(); it != revokedTokens_.end();) {
    it = now - it->second >= lifetime_ ? revokedTokens_.erase(it) : std::next(it);
  }
  for (auto it = revokedUsers_.begin(); it != revokedUsers_.end();) {
    it = now - it->second >= lifetime_ ? revokedUsers_.erase(it) : std::next(it);
  }
}

}  // namespace cadre::auth
