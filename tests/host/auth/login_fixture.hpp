#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "audit/audit_store.hpp"
#include "auth/login_service.hpp"
#include "host/auth/test_database.hpp"

namespace cadre::test {

/// A login provider of our own that answers a fixed outcome and records who it was asked about.
class RecordingProvider : public LoginProvider {
 public:
  RecordingProvider(std::string name, LoginOutcome outcome)
      : name_(std::move(name)), outcome_(std::move(outcome)) {}
  std::string name() const override { return name_; }
  LoginOutcome authenticate(const std::string& username, const std::string&) override {
    asked.push_back(username);
    return outcome_;
  }
  std::vector<std::string> asked;

 private:
  std::string name_;
  LoginOutcome outcome_;
};

inline LoginOutcome accepted(const std::string& displayName, Role role) {
  LoginOutcome outcome;
  outcome.kind = LoginOutcome::Kind::Accepted;
  outcome.displayName = displayName;
  outcome.role = role;
  return outcome;
}

inline LoginOutcome outcomeOf(LoginOutcome::Kind kind, const std::string& reason = "") {
  LoginOutcome outcome;
  outcome.kind = kind;
  outcome.reason = reason;
  return outcome;
}

constexpr const char* kAnnasPassword = "correct horse battery";

/// The whole login stack over a fresh database, with a clock the test moves, and a local user
/// "anna" (hr) with kAnnasPassword.
class LoginFixture : public ::testing::TestWithParam<std::string> {
 protected:
  LoginFixture() {
    anna_ = host_.db().inTransaction([&](Transaction& tx) {
      return users_.createLocal(tx, "anna", "Anna Berg", Role::Hr, kAnnasPassword);
    });
  }

  /// The HttpError a login throws; fails the test when it succeeds.
  HttpError loginError(const std::string& username, const std::string& password) {
    try {
      service_.login(username, password, "10.0.0.7", "req-1");
    } catch (const HttpError& e) {
      return e;
    }
    ADD_FAILURE() << "login of '" << username << "' succeeded";
    return HttpError(0, "", "");
  }

  /// Every text of the audit log, one row per entry, for searching.
  std::vector<std::string> auditRows() {
    std::vector<std::string> rows;
    auto tx = host_.db().begin(TxMode::Read);
    for (const auto& row : tx->query("SELECT * FROM audit_log ORDER BY id")) {
      std::string text;
      for (std::size_t i = 0; i < row.size(); ++i) {
        text += (row.isNull(i) ? "NULL" : row.getString(i)) + "|";
      }
      rows.push_back(text);
    }
    return rows;
  }

  std::chrono::system_clock::time_point now_ =
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auth::Clock clock_ = [this] { return now_; };
  HostDatabase host_{GetParam()};
  auth::UserStore users_{host_.db(), auth::PasswordHasher(1000)};
  auth::SessionStore sessions_{host_.db(), std::chrono::hours(1), clock_};
  auth::LoginThrottle throttle_{{}, clock_};
  std::vector<std::shared_ptr<LoginProvider>> providers_;
  audit::AuditStore audit_{host_.db(), clock_};
  auth::LoginService service_{
      host_.db(), users_, sessions_, throttle_, [this] { return providers_; }, audit_};
  User anna_;
};

}  // namespace cadre::test
