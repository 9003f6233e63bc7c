#include "auth/user_store.hpp"

#include <gtest/gtest.h>

#include "host/auth/test_database.hpp"

namespace cadre::auth {
namespace {

constexpr const char* kPassword = "correct horse battery";

class UserStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  test::HostDatabase host_{GetParam()};
  UserStore users_{host_.db(), PasswordHasher(1000)};

  User createLocal(const std::string& name, Role role = Role::Employee) {
    return host_.db().inTransaction([&](Transaction& tx) {
      return users_.createLocal(tx, name, "Display " + name, role, kPassword);
    });
  }
  std::string invalidArgumentOf(const std::function<void(Transaction&)>& work) {
    try {
      host_.db().inTransaction(work);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "(no exception)";
  }
};

TEST(Usernames, AreNormalizedToLowerCase) {
  EXPECT_EQ(normalizeUsername("Anna.Berg@Example-1_x"), "anna.berg@example-1_x");
  EXPECT_EQ(normalizeUsername(std::string(64, 'a')), std::string(64, 'a'));
  EXPECT_EQ(normalizeUsername(std::string(65, 'a')), std::nullopt);
  EXPECT_EQ(normalizeUsername(""), std::nullopt);
  EXPECT_EQ(normalizeUsername("anna berg"), std::nullopt);
  EXPECT_EQ(normalizeUsername("anna'--"), std::nullopt);
  EXPECT_EQ(normalizeUsername("ånna"), std::nullopt);
}

TEST_P(UserStoreTest, CreatesALocalUserWithAHashedPassword) {
  User anna = createLocal("Anna", Role::Hr);
  EXPECT_GT(anna.id, 0);
  EXPECT_EQ(anna.username, "anna");
  EXPECT_EQ(anna.source, "local");
  auto tx = host_.db().begin(TxMode::Read);
  auto row =
      tx->queryOne("SELECT password_hash, role, created_at FROM users WHERE id = ?", {anna.id});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->getString(0).rfind("pbkdf2-sha256$1000$", 0), 0u);
  EXPECT_EQ(row->getString(0).find(kPassword), std::string::npos);
  EXPECT_EQ(row->getString(1), "hr");
  EXPECT_EQ(row->getString(2).size(), 24u);
  EXPECT_EQ(row->getString(2).back(), 'Z');
}

TEST_P(UserStoreTest, UsernamesAreUniqueRegardlessOfCase) {
  createLocal("anna");
  EXPECT_EQ(invalidArgumentOf([&](Transaction& tx) {
              users_.createLocal(tx, "ANNA", "Other Anna", Role::Employee, kPassword);
            }),
            "the username 'anna' is taken");
}

TEST_P(UserStoreTest, RefusesAShortPasswordWithItsReason) {
  EXPECT_EQ(invalidArgumentOf([&](Transaction& tx) {
              users_.createLocal(tx, "anna", "Anna", Role::Employee, "elevenchars");
            }),
            "the password must be at least 12 characters");
}

TEST_P(UserStoreTest, RefusesABadUsername) {
  EXPECT_EQ(invalidArgumentOf([&](Transaction& tx) {
              users_.createLocal(tx, "anna berg", "Anna", Role::Employee, kPassword);
            }),
            "a username is 1 to 64 characters of letters, digits, '.', '_', '@' and '-'");
}

TEST_P(UserStoreTest, VerifiesTheLocalPassword) {
  User anna = createLocal("anna");
  auto verified = users_.verifyLocal("ANNA", kPassword);
  ASSERT_TRUE(verified);
  EXPECT_EQ(verified->id, anna.id);
  EXPECT_FALSE(users_.verifyLocal("anna", "correct horse batterY"));
  EXPECT_FALSE(users_.verifyLocal("nobody", kPassword));
  EXPECT_FALSE(users_.verifyLocal("not a name", kPassword));
}

TEST_P(UserStoreTest, DisabledUserDoesNotVerify) {
  User anna = createLocal("anna");
  host_.db().inTransaction([&](Transaction& tx) { users_.setDisabled(tx, anna.id, true); });
  EXPECT_FALSE(users_.verifyLocal("anna", kPassword));
  host_.db().inTransaction([&](Transaction& tx) { users_.setDisabled(tx, anna.id, false); });
  EXPECT_TRUE(users_.verifyLocal("anna", kPassword));
}

TEST_P(UserStoreTest, SetPasswordReplacesTheHash) {
  createLocal("anna");
  host_.db().inTransaction(
      [&](Transaction& tx) { users_.setPassword(tx, "anna", "a brand new passphrase"); });
  EXPECT_FALSE(users_.verifyLocal("anna", kPassword));
  EXPECT_TRUE(users_.verifyLocal("anna", "a brand new passphrase"));
  EXPECT_EQ(
      invalidArgumentOf([&](Transaction& tx) { users_.setPassword(tx, "nobody", kPassword); }),
      "there is no user 'nobody'");
}

TEST_P(UserStoreTest, UpsertExternalCreatesThenUpdates) {
  User created = host_.db().inTransaction([&](Transaction& tx) {
    return users_.upsertExternal(tx, "Bo.Lind", "Bo Lind", Role::Manager, "ldap");
  });
  EXPECT_EQ(created.username, "bo.lind");
  EXPECT_EQ(created.source, "ldap");
  User updated = host_.db().inTransaction([&](Transaction& tx) {
    return users_.upsertExternal(tx, "bo.lind", "Bo Lindqvist", Role::Hr, "ldap");
  });
  EXPECT_EQ(updated.id, created.id);
  auto tx = host_.db().begin(TxMode::Read);
  auto record = users_.findRecord(*tx, "bo.lind");
  ASSERT_TRUE(record);
  EXPECT_EQ(record->user.displayName, "Bo Lindqvist");
  EXPECT_EQ(record->user.role, Role::Hr);
  EXPECT_EQ(record->user.source, "ldap");
  EXPECT_FALSE(users_.verifyLocal("bo.lind", ""));
}

TEST_P(UserStoreTest, UpsertExternalDoesNotTakeOverALocalAccount) {
  createLocal("anna");
  EXPECT_EQ(invalidArgumentOf([&](Transaction& tx) {
              users_.upsertExternal(tx, "anna", "Anna", Role::Admin, "ldap");
            }),
            "'anna' is a local account");
  EXPECT_EQ(invalidArgumentOf([&](Transaction& tx) {
              users_.upsertExternal(tx, "bo", "Bo", Role::Employee, "local");
            }),
            "an external user needs the name of its login provider");
}

TEST_P(UserStoreTest, ListsAndFinds) {
  User bo = createLocal("bo");
  createLocal("anna");
  auto tx = host_.db().begin(TxMode::Read);
  auto all = users_.list(*tx);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].user.username, "anna");
  EXPECT_EQ(all[1].user.username, "bo");
  EXPECT_EQ(users_.findById(*tx, bo.id)->username, "bo");
  EXPECT_FALSE(users_.findById(*tx, 999));
  EXPECT_EQ(users_.findByUsername(*tx, "BO")->id, bo.id);
  EXPECT_FALSE(users_.findByUsername(*tx, "carl"));
  EXPECT_EQ(invalidArgumentOf([&](Transaction& t) { users_.setDisabled(t, 999, true); }),
            "there is no user with id 999");
}

CADRE_ON_EVERY_ENGINE(UserStoreTest);

}  // namespace
}  // namespace cadre::auth
