#include "auth/login_service.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/String.h>

namespace cadre::auth {
namespace {

/// What the audit and the throttle know a login by: the stored form of a valid username, or
/// the lower-cased, clipped text of an invalid one.
std::string attemptKey(const std::string& username) {
  if (auto normalized = normalizeUsername(username)) return *normalized;
  return Poco::toLower(username.substr(0, kMaxUsername));
}

bool isBlank(const std::string& password) {
  return password.find_first_not_of(" \t\r\n\v\f") == std::string::npos;
}

std::string jsonText(const Poco::JSON::Object& object) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(object, out);
  return out.str();
}

std::string userJsonText(const User& user) {
  Poco::JSON::Object json;
  json.set("displayName", user.displayName);
  json.set("role", roleName(user.role));
  json.set("source", user.source);
  return jsonText(json);
}

AuditEntry loginEntry(const std::string& username, const std::string& outcome,
                      const Poco::JSON::Object& after) {
  AuditEntry entry;
  entry.action = "auth.login";
  entry.objectType = "user";
  entry.objectId = username;
  entry.afterJson = jsonText(after);
  entry.outcome = outcome;
  return entry;
}

}  // namespace

struct LoginService::Verdict {
  /// A local user whose password matched.
  std::optional<User> user;
  /// Or a provider's acceptance, turned into a user when the login is admitted.
  std::optional<LoginOutcome> accepted;
  std::string provider;
  /// Why it was refused, for the audit log.
  std::string reason;
  /// The user's row before a provider's acceptance updates it.
  std::optional<UserRecord> existing;

  static Verdict refused(std::string why) {
    Verdict verdict;
    verdict.reason = std::move(why);
    return verdict;
  }
};

LoginService::LoginService(Database& database, UserStore& users, SessionStore& sessions,
                           LoginThrottle& throttle, LoginProviders providers, AuditLog& audit)
    : database_(database),
      users_(users),
      sessions_(sessions),
      throttle_(throttle),
      providers_(std::move(providers)),
      audit_(audit) {}

LoginResult LoginService::login(const std::string& username, const std::string& password,
                                const std::string& clientAddress, const std::string& requestId) {
  Request context;
  context.method = "POST";
  context.path = "/api/v1/auth/login";
  context.clientAddress = clientAddress;
  context.requestId = requestId;
  std::string key = attemptKey(username);
  try {
    database_.inTransaction([&](Transaction& tx) { throttle_.check(tx, key, clientAddress); },
                            TxMode::Read);
  } catch (const TooManyAttempts&) {
    Poco::JSON::Object after;
    after.set("reason", "throttled");
    database_.inTransaction(
        [&](Transaction& tx) { audit_.record(tx, context, loginEntry(key, "denied", after)); });
    throw;
  }
  if (isBlank(password)) refuse(context, key, "empty password");
  Verdict verdict = authenticate(username, password);
  if (!verdict.user && !verdict.accepted) refuse(context, key, verdict.reason);
  return admit(context, key, verdict);
}

LoginService::Verdict LoginService::authenticate(const std::string& username,
                                                 const std::string& password) {
  if (!normalizeUsername(username)) {
    users_.spendVerifyTime(password);
    return Verdict::refused("malformed username");
  }
  auto record = database_.inTransaction(
      [&](Transaction& tx) { return users_.findRecord(tx, username); }, TxMode::Read);
  if (record && (record->user.source == "local" || record->user.role == Role::Admin)) {
    Verdict verdict = Verdict::refused(record->disabled ? "account disabled" : "wrong password");
    verdict.user = users_.verifyLocal(username, password);
    return verdict;
  }
  Verdict verdict = askProviders(record, username, password);
  // A local login costs a PBKDF2 run; so do unknown and external users, so that timing does
  // not tell which usernames exist or where they log in.
  users_.spendVerifyTime(password);
  verdict.existing = record;
  return verdict;
}

LoginService::Verdict LoginService::askProviders(const std::optional<UserRecord>& record,
                                                 const std::string& username,
                                                 const std::string& password) {
  Verdict verdict;
  verdict.reason = record ? "no provider '" + record->user.source + "' accepted" : "unknown user";
  for (const auto& provider : providers_()) {
    if (!provider) continue;
    std::string name = provider->name();
    if (record && record->user.source != name) continue;
    LoginOutcome outcome;
    try {
      outcome = provider->authenticate(username, password);
    } catch (const std::exception& e) {
      verdict.reason = "provider '" + name + "' failed: " + e.what();
      continue;
    }
    if (outcome.kind == LoginOutcome::Kind::Rejected) {
      verdict.reason = "provider '" + name + "' rejected: " + outcome.reason;
    } else if (outcome.kind == LoginOutcome::Kind::Accepted) {
      if (outcome.role == Role::Admin) {
        verdict.reason = "provider '" + name + "' may not grant the admin role";
      } else if (record && record->disabled) {
        verdict.reason = "account disabled";
      } else {
        verdict.accepted = outcome;
        verdict.provider = name;
        verdict.reason.clear();
      }
      return verdict;
    }
  }
  return verdict;
}

User LoginService::upsertAccepted(Transaction& tx, Request& context, const std::string& username,
                                  const Verdict& verdict) {
  const LoginOutcome& outcome = *verdict.accepted;
  User user = users_.upsertExternal(tx, username,
                                    outcome.displayName.empty() ? username : outcome.displayName,
                                    outcome.role, verdict.provider);
  AuditEntry entry;
  entry.action = "user.upsert";
  entry.objectType = "user";
  entry.objectId = username;
  if (verdict.existing) entry.beforeJson = userJsonText(verdict.existing->user);
  entry.afterJson = userJsonText(user);
  context.user = &user;
  audit_.record(tx, context, entry);
  context.user = nullptr;
  return user;
}

LoginResult LoginService::admit(Request& context, const std::string& username,
                                const Verdict& verdict) {
  return database_.inTransaction([&](Transaction& tx) {
    User user = verdict.user ? *verdict.user : upsertAccepted(tx, context, username, verdict);
    throttle_.record(tx, username, context.clientAddress, true);
    IssuedSession session = sessions_.issue(tx, user);
    Poco::JSON::Object after;
    after.set("source", user.source);
    after.set("role", roleName(user.role));
    after.set("expiresAt", session.expiresAt);
    context.user = &user;
    audit_.record(tx, context, loginEntry(username, "ok", after));
    context.user = nullptr;
    return LoginResult{session, user};
  });
}

void LoginService::refuse(const Request& context, const std::string& username,
                          const std::string& reason) {
  Poco::JSON::Object after;
  after.set("reason", reason);
  database_.inTransaction([&](Transaction& tx) {
    throttle_.record(tx, username, context.clientAddress, false);
    audit_.record(tx, context, loginEntry(username, "denied", after));
  });
  throw HttpError::unauthorized(kInvalidCredentials);
}

}  // namespace cadre::auth
