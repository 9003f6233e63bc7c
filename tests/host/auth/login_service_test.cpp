#include "auth/login_service.hpp"

#include <gtest/gtest.h>

#include "host/auth/login_fixture.hpp"

namespace cadre::auth {
namespace {

using test::accepted;
using test::kAnnasPassword;
using test::outcomeOf;
using test::RecordingProvider;

class LoginServiceTest : public test::LoginFixture {};

TEST_P(LoginServiceTest, LocalUserLogsInAndTheSessionResolves) {
  LoginResult result = service_.login("Anna", kAnnasPassword, "10.0.0.7", "req-1");
  EXPECT_EQ(result.user.id, anna_.id);
  EXPECT_EQ(result.user.username, "anna");
  auto session = sessions_.resolve(result.session.token);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->user.id, anna_.id);
  EXPECT_TRUE(session->csrfMatches(result.session.csrfToken));
}

TEST_P(LoginServiceTest, WrongPasswordAndUnknownUserAreRefusedAlike) {
  HttpError wrong = loginError("anna", "not annas password");
  HttpError unknown = loginError("nobody", "not annas password");
  EXPECT_EQ(wrong.status(), 401);
  EXPECT_EQ(wrong.detail(), "invalid username or password");
  EXPECT_EQ(unknown.status(), wrong.status());
  EXPECT_EQ(unknown.title(), wrong.title());
  EXPECT_EQ(unknown.detail(), wrong.detail());
  EXPECT_TRUE(unknown.fields().empty());
  EXPECT_TRUE(wrong.fields().empty());
}

TEST_P(LoginServiceTest, SuccessAndFailureAreAuditedWithoutThePassword) {
  service_.login("anna", kAnnasPassword, "10.0.0.7", "req-ok");
  loginError("anna", "a wrong secret phrase");
  loginError("nobody", "another secret phrase");
  auto tx = host_.db().begin(TxMode::Read);
  auto rows = tx->query(
      "SELECT actor, actor_role, action, object_type, object_id, after_json, outcome, "
      "client_address, request_id FROM audit_log ORDER BY id");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].getString(0), "anna");
  EXPECT_EQ(rows[0].getString(1), "hr");
  EXPECT_EQ(rows[0].getString(2), "auth.login");
  EXPECT_EQ(rows[0].getString(3), "user");
  EXPECT_EQ(rows[0].getString(4), "anna");
  EXPECT_EQ(rows[0].getString(5), "{\"expiresAt\":\"" + isoUtc(now_ + std::chrono::hours(1)) +
                                      "\",\"role\":\"hr\",\"source\":\"local\"}");
  EXPECT_EQ(rows[0].getString(6), "ok");
  EXPECT_EQ(rows[0].getString(7), "10.0.0.7");
  EXPECT_EQ(rows[0].getString(8), "req-ok");
  EXPECT_EQ(rows[1].getString(0), "anonymous");
  EXPECT_TRUE(rows[1].isNull(1));
  EXPECT_EQ(rows[1].getString(4), "anna");
  EXPECT_EQ(rows[1].getString(5), "{\"reason\":\"wrong password\"}");
  EXPECT_EQ(rows[1].getString(6), "denied");
  EXPECT_EQ(rows[2].getString(4), "nobody");
  EXPECT_EQ(rows[2].getString(5), "{\"reason\":\"unknown user\"}");
  for (const auto& row : auditRows()) {
    EXPECT_EQ(row.find(kAnnasPassword), std::string::npos) << row;
    EXPECT_EQ(row.find("secret phrase"), std::string::npos) << row;
  }
}

TEST_P(LoginServiceTest, TokensNeverReachTheAuditLog) {
  LoginResult result = service_.login("anna", kAnnasPassword, "10.0.0.7", "req-1");
  auto rows = auditRows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].find(result.session.token), std::string::npos) << rows[0];
  EXPECT_EQ(rows[0].find(result.session.csrfToken), std::string::npos) << rows[0];
}

TEST_P(LoginServiceTest, EmptyOrBlankPasswordNeverReachesAProvider) {
  auto provider = std::make_shared<RecordingProvider>("dir", accepted("Bo", Role::Employee));
  providers_ = {provider};
  EXPECT_EQ(loginError("bo", "").status(), 401);
  EXPECT_EQ(loginError("bo", "   \t ").status(), 401);
  EXPECT_EQ(loginError("anna", "").status(), 401);
  EXPECT_TRUE(provider->asked.empty());
  auto tx = host_.db().begin(TxMode::Read);
  auto rows = tx->query("SELECT after_json FROM audit_log ORDER BY id");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].getString(0), "{\"reason\":\"empty password\"}");
}

TEST_P(LoginServiceTest, ProviderAcceptanceCreatesTheUserWithItsSource) {
  auto notMine =
      std::make_shared<RecordingProvider>("other", outcomeOf(LoginOutcome::Kind::NotMine));
  auto directory = std::make_shared<RecordingProvider>("ldap", accepted("Bo Lind", Role::Manager));
  providers_ = {notMine, directory};
  LoginResult result = service_.login("Bo.Lind", "directory password", "10.0.0.7", "req-1");
  EXPECT_EQ(notMine->asked, std::vector<std::string>{"Bo.Lind"});
  EXPECT_EQ(directory->asked, std::vector<std::string>{"Bo.Lind"});
  EXPECT_EQ(result.user.username, "bo.lind");
  EXPECT_EQ(result.user.displayName, "Bo Lind");
  EXPECT_EQ(result.user.role, Role::Manager);
  EXPECT_EQ(result.user.source, "ldap");
  auto tx = host_.db().begin(TxMode::Read);
  auto record = users_.findRecord(*tx, "bo.lind");
  ASSERT_TRUE(record);
  EXPECT_EQ(record->user.id, result.user.id);
  EXPECT_EQ(record->user.source, "ldap");
  EXPECT_TRUE(sessions_.resolve(result.session.token));
  auto rows = tx->query(
      "SELECT actor, action, object_id, before_json, after_json, outcome FROM audit_log "
      "ORDER BY id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].getString(0), "bo.lind");
  EXPECT_EQ(rows[0].getString(1), "user.upsert");
  EXPECT_EQ(rows[0].getString(2), "bo.lind");
  EXPECT_TRUE(rows[0].isNull(3));
  EXPECT_EQ(rows[0].getString(4), R"({"displayName":"Bo Lind","role":"manager","source":"ldap"})");
  EXPECT_EQ(rows[1].getString(1), "auth.login");
  EXPECT_EQ(rows[1].getString(5), "ok");
}

TEST_P(LoginServiceTest, ProviderAcceptanceUpdatesAnExistingUserAndAuditsBefore) {
  host_.db().inTransaction(
      [&](Transaction& tx) { users_.upsertExternal(tx, "bo", "Bo", Role::Employee, "ldap"); });
  providers_ = {std::make_shared<RecordingProvider>("ldap", accepted("Bo Lind", Role::Hr))};
  EXPECT_EQ(service_.login("bo", "directory password", "a", "r").user.role, Role::Hr);
  auto tx = host_.db().begin(TxMode::Read);
  auto row = tx->queryOne("SELECT before_json, after_json FROM audit_log WHERE action = ?",
                          {std::string("user.upsert")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->getString(0), R"({"displayName":"Bo","role":"employee","source":"ldap"})");
  EXPECT_EQ(row->getString(1), R"({"displayName":"Bo Lind","role":"hr","source":"ldap"})");
}

TEST_P(LoginServiceTest, ADisabledExternalUserIsRefusedEvenWhenTheProviderAccepts) {
  User bo = host_.db().inTransaction([&](Transaction& tx) {
    return users_.upsertExternal(tx, "bo", "Bo", Role::Employee, "ldap");
  });
  host_.db().inTransaction([&](Transaction& tx) { users_.setDisabled(tx, bo.id, true); });
  providers_ = {std::make_shared<RecordingProvider>("ldap", accepted("Bo", Role::Employee))};
  EXPECT_EQ(loginError("bo", "directory password").status(), 401);
}

TEST_P(LoginServiceTest, FirstAcceptingProviderWins) {
  auto first = std::make_shared<RecordingProvider>("first", accepted("Bo", Role::Employee));
  auto second = std::make_shared<RecordingProvider>("second", accepted("Bo", Role::Hr));
  providers_ = {first, second};
  EXPECT_EQ(service_.login("bo", "directory password", "a", "r").user.source, "first");
  EXPECT_TRUE(second->asked.empty());
}

TEST_P(LoginServiceTest, RejectionByEveryProviderIsTheSameRefusal) {
  providers_ = {std::make_shared<RecordingProvider>(
      "ldap", outcomeOf(LoginOutcome::Kind::Rejected, "invalid credentials"))};
  HttpError error = loginError("bo", "directory password");
  EXPECT_EQ(error.status(), 401);
  EXPECT_EQ(error.detail(), "invalid username or password");
  auto tx = host_.db().begin(TxMode::Read);
  EXPECT_FALSE(users_.findRecord(*tx, "bo"));
  auto row = tx->queryOne("SELECT after_json FROM audit_log");
  EXPECT_EQ(row->getString(0), "{\"reason\":\"provider 'ldap' rejected: invalid credentials\"}");
}

TEST_P(LoginServiceTest, ALocalUserIsNeverOfferedToProviders) {
  auto provider = std::make_shared<RecordingProvider>("ldap", accepted("Anna", Role::Employee));
  providers_ = {provider};
  EXPECT_EQ(loginError("anna", "the directory password").status(), 401);
  EXPECT_TRUE(provider->asked.empty());
}

TEST_P(LoginServiceTest, AnExternalUserIsOfferedOnlyToItsOwnProvider) {
  host_.db().inTransaction(
      [&](Transaction& tx) { users_.upsertExternal(tx, "bo", "Bo", Role::Employee, "ldap"); });
  auto stranger = std::make_shared<RecordingProvider>("other", accepted("Bo", Role::Hr));
  auto own = std::make_shared<RecordingProvider>("ldap", accepted("Bo Lind", Role::Employee));
  providers_ = {stranger, own};
  EXPECT_EQ(service_.login("bo", "directory password", "a", "r").user.source, "ldap");
  EXPECT_TRUE(stranger->asked.empty());
}

TEST_P(LoginServiceTest, ProvidersCannotGrantTheAdminRole) {
  providers_ = {std::make_shared<RecordingProvider>("ldap", accepted("Eve", Role::Admin))};
  EXPECT_EQ(loginError("eve", "directory password").status(), 401);
  auto tx = host_.db().begin(TxMode::Read);
  EXPECT_FALSE(users_.findRecord(*tx, "eve"));
}

TEST_P(LoginServiceTest, AnAdminAlwaysLogsInLocally) {
  host_.db().inTransaction([&](Transaction& tx) {
    users_.createLocal(tx, "root", "Root", Role::Admin, "admin passphrase 1");
  });
  auto provider = std::make_shared<RecordingProvider>("ldap", accepted("Root", Role::Employee));
  providers_ = {provider};
  EXPECT_EQ(service_.login("root", "admin passphrase 1", "a", "r").user.role, Role::Admin);
  EXPECT_EQ(loginError("root", "directory password").status(), 401);
  EXPECT_TRUE(provider->asked.empty());
}

TEST_P(LoginServiceTest, DisabledUsersCannotLogIn) {
  host_.db().inTransaction([&](Transaction& tx) { users_.setDisabled(tx, anna_.id, true); });
  EXPECT_EQ(loginError("anna", kAnnasPassword).status(), 401);
}

TEST_P(LoginServiceTest, TheSixthAttemptIsThrottledEvenWithTheRightPassword) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(loginError("anna", "not annas password").status(), 401);
  try {
    service_.login("anna", kAnnasPassword, "10.0.0.7", "req-6");
    FAIL() << "the sixth attempt was not throttled";
  } catch (const TooManyAttempts& e) {
    EXPECT_EQ(e.status(), 429);
    EXPECT_EQ(e.retryAfter(), std::chrono::seconds(900));
    EXPECT_EQ(e.headers().at("Retry-After"), "900");
    EXPECT_EQ(e.detail(), "too many failed logins; try again in 900 seconds");
  }
  auto tx = host_.db().begin(TxMode::Read);
  auto last = tx->queryOne("SELECT outcome, after_json FROM audit_log ORDER BY id DESC LIMIT 1");
  EXPECT_EQ(last->getString(0), "denied");
  EXPECT_EQ(last->getString(1), "{\"reason\":\"throttled\"}");
  now_ += std::chrono::minutes(15);
  EXPECT_EQ(service_.login("anna", kAnnasPassword, "10.0.0.7", "req-7").user.id, anna_.id);
}

CADRE_ON_EVERY_ENGINE(LoginServiceTest);

}  // namespace
}  // namespace cadre::auth
