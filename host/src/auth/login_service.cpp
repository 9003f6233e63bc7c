#include "auth/login_service.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/String.h>

namespace cadre::auth {
namespace {

constexpr std::size_t kMaxUsername = 64;

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
    return {std::nullopt, std::nullopt, "", "malformed username"};
  }
  auto record = database_.inTransaction(
      [&](Transaction& tx) { return users_.findRecord(tx, username); }, TxMode::Read);
  if (record && (record->user.source == "local" || record->user.role == Role::Admin)) {
    if (auto user = users_.verifyLocal(username, password)) return {user, std::nullopt, "", ""};
    return {std::nullopt, std::nullopt, "",
            record->disabled ? "account disabled" : "wrong password"};
  }
  Verdict verdict = askProviders(record, username, password);
  // A local password check costs a PBKDF2 run; an unknown user costs the same.
  if (!record) users_.spendVerifyTime(password);
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
        return {std::nullopt, outcome, name, ""};
      }
      return verdict;
    }
  }
  return verdict;
}

LoginResult LoginService::admit(Request& context, const std::string& username,
                                const Verdict& verdict) {
  return database_.inTransaction([&](Transaction& tx) {
    User user = verdict.user ? *verdict.user
                             : users_.upsertExternal(tx, username,
                                                     verdict.accepted->displayName.empty()
                                                         ? username
                                                         : verdict.accepted->displayName,
                                                     verdict.accepted->role, verdict.provider);
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
