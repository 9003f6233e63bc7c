#include "auth/session_store.hpp"

#include "auth/secret_token.hpp"
#include "auth/session_cache.hpp"

namespace cadre::auth {
namespace {

// A token we issue is 43 characters; anything much longer is not worth hashing.
constexpr std::size_t kMaxTokenLength = 128;

bool looksLikeToken(const std::string& token) {
  if (token.empty() || token.size() > kMaxTokenLength) return false;
  for (char c : token) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

Session readSession(const SqlRow& row) {
  Session session;
  session.id = row.getInt(0);
  session.expiresAt = row.getString(1);
  session.csrfHash = row.getString(2);
  session.user.id = row.getInt(3);
  session.user.username = row.getString(4);
  session.user.displayName = row.getString(5);
  session.user.role = parseRole(row.getString(6)).value_or(Role::Employee);
  session.user.source = row.getString(7);
  return session;
}

}  // namespace

bool Session::csrfMatches(const std::string& presented) const {
  if (presented.empty() || presented.size() > kMaxTokenLength) return false;
  return constantTimeEquals(sha256Hex(presented), csrfHash);
}

SessionStore::SessionStore(Database& database, std::chrono::seconds ttl, Clock clock,
                           std::chrono::milliseconds cacheLifetime)
    : database_(database),
      ttl_(ttl),
      clock_(std::move(clock)),
      cache_(std::make_unique<SessionCache>(cacheLifetime)) {}

SessionStore::~SessionStore() = default;

IssuedSession SessionStore::issue(Transaction& tx, const User& user) {
  auto now = clock_();
  IssuedSession issued{newSecretToken(), newSecretToken(), isoUtc(now + ttl_)};
  tx.insert(
      "INSERT INTO sessions (token_hash, csrf_hash, user_id, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {sha256Hex(issued.token), sha256Hex(issued.csrfToken), user.id, isoUtc(now),
       issued.expiresAt});
  return issued;
}

std::optional<Session> SessionStore::resolve(const std::string& token) {
  if (!looksLikeToken(token)) return std::nullopt;
  std::string hash = sha256Hex(token);
  std::string now = isoUtc(clock_());
  if (auto cached = cache_->find(hash, now)) return cached;
  auto tx = database_.begin(TxMode::Read);
  auto row = tx->queryOne(
      "SELECT s.id, s.expires_at, s.csrf_hash, u.id, u.username, u.display_name, u.role, "
      "u.source FROM sessions s JOIN users u ON u.id = s.user_id "
      "WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled = 0",
      {hash, now});
  tx->commit();
  if (!row) return std::nullopt;
  Session session = readSession(*row);
  cache_->put(hash, session);
  return session;
}

void SessionStore::revoke(Transaction& tx, const std::string& token) {
  if (!looksLikeToken(token)) return;
  std::string hash = sha256Hex(token);
  cache_->forgetToken(hash);
  tx.execute("UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
             {isoUtc(clock_()), hash});
}

void SessionStore::end(const std::string& token,
                       const std::function<void(Transaction&)>& alongside) {
  database_.inTransaction([&](Transaction& tx) {
    revoke(tx, token);
    alongside(tx);
  });
}

void SessionStore::revokeAllOf(Transaction& tx, std::int64_t userId) {
  cache_->forgetUser(userId);
  tx.execute("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
             {isoUtc(clock_()), userId});
}

std::int64_t SessionStore::purgeExpired(Transaction& tx) {
  return tx.execute("DELETE FROM sessions WHERE expires_at <= ?", {isoUtc(clock_())});
}

}  // namespace cadre::auth
