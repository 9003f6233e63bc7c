#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/login_throttle.hpp"
#include "auth/session_store.hpp"
#include "auth/user_store.hpp"
#include "cadre/context.hpp"

namespace cadre::auth {

/// What a successful login returns: the new session's secrets and who logged in.
struct LoginResult {
  IssuedSession session;
  User user;
};

/// The login providers to ask, in order, read afresh for each login (plugins add them).
using LoginProviders = std::function<std::vector<std::shared_ptr<LoginProvider>>()>;

/// The text of every refused login, whatever the reason, so that answers do not tell which
/// usernames exist.
inline constexpr const char* kInvalidCredentials = "invalid username or password";

/// Logs users in. Local users (source "local", and every admin) are checked against the
/// local hash; other and unknown users are offered to the login providers in order, and the
/// first that accepts wins (an existing external user only to the provider named by its
/// source; no provider may grant admin). An acceptance creates or updates the user
/// ("user.upsert" in the audit log). Every attempt is throttled and audited ("auth.login");
/// passwords never reach the audit log. Thread-safe; every reference must outlive the service.
class LoginService {
 public:
  /// `providers` is called once per login that reaches the providers.
  LoginService(Database& database, UserStore& users, SessionStore& sessions,
               LoginThrottle& throttle, LoginProviders providers, AuditLog& audit);

  /// Opens a session. Throws HttpError 401 (kInvalidCredentials) for any refusal — unknown
  /// user, wrong, empty or blank password, disabled account — and TooManyAttempts (429) when
  /// throttled. An empty or blank password is refused before any provider is asked.
  LoginResult login(const std::string& username, const std::string& password,
                    const std::string& clientAddress, const std::string& requestId);

 private:
  struct Verdict;
  Verdict authenticate(const std::string& username, const std::string& password);
  Verdict askProviders(const std::optional<UserRecord>& record, const std::string& username,
                       const std::string& password);
  User upsertAccepted(Transaction& tx, Request& context, const std::string& username,
                      const Verdict& verdict);
  LoginResult admit(Request& context, const std::string& username, const Verdict& verdict);
  [[noreturn]] void refuse(const Request& context, const std::string& username,
                           const std::string& reason);

  Database& database_;
  UserStore& users_;
  SessionStore& sessions_;
  LoginThrottle& throttle_;
  LoginProviders providers_;
  AuditLog& audit_;
};

}  // namespace cadre::auth
