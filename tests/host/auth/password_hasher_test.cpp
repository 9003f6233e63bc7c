#include "auth/password_hasher.hpp"

#include <Poco/StringTokenizer.h>
#include <gtest/gtest.h>

namespace cadre::auth {
namespace {

constexpr int kFast = 1000;

TEST(PasswordHasher, HashHasSchemeCountSaltAndKey) {
  PasswordHasher hasher(kFast);
  std::string encoded = hasher.hash("correct horse battery");
  Poco::StringTokenizer parts(encoded, "$");
  ASSERT_EQ(parts.count(), 4u);
  EXPECT_EQ(parts[0], "pbkdf2-sha256");
  EXPECT_EQ(parts[1], "1000");
  EXPECT_EQ(parts[2].size(), 22u);  // 16 bytes, unpadded base64
  EXPECT_EQ(parts[3].size(), 43u);  // 32 bytes, unpadded base64
}

TEST(PasswordHasher, DefaultCountIsOwaspsAndRoundTrips) {
  PasswordHasher hasher;
  EXPECT_EQ(hasher.iterations(), 600000);
  std::string encoded = hasher.hash("correct horse battery");
  EXPECT_EQ(encoded.rfind("pbkdf2-sha256$600000$", 0), 0u);
  EXPECT_TRUE(hasher.verify("correct horse battery", encoded));
}

TEST(PasswordHasher, WrongPasswordDoesNotVerify) {
  PasswordHasher hasher(kFast);
  std::string encoded = hasher.hash("correct horse battery");
  EXPECT_FALSE(hasher.verify("correct horse batterY", encoded));
  EXPECT_FALSE(hasher.verify("", encoded));
}

TEST(PasswordHasher, SamePasswordGetsDifferentSalts) {
  PasswordHasher hasher(kFast);
  EXPECT_NE(hasher.hash("correct horse battery"), hasher.hash("correct horse battery"));
}

TEST(PasswordHasher, VerifyUsesTheStoredCount) {
  std::string encoded = PasswordHasher(kFast).hash("correct horse battery");
  EXPECT_TRUE(PasswordHasher(2000).verify("correct horse battery", encoded));
}

TEST(PasswordHasher, MalformedEncodingsDoNotVerify) {
  PasswordHasher hasher(kFast);
  std::string good = hasher.hash("correct horse battery");
  std::string key = good.substr(good.rfind('$') + 1);
  EXPECT_FALSE(hasher.verify("correct horse battery", ""));
  EXPECT_FALSE(hasher.verify("correct horse battery", "plain"));
  EXPECT_FALSE(hasher.verify("correct horse battery", "md5$1000$c2FsdA$" + key));
  EXPECT_FALSE(hasher.verify("correct horse battery", "pbkdf2-sha256$0$c2FsdA$" + key));
  EXPECT_FALSE(hasher.verify("correct horse battery", "pbkdf2-sha256$1000$c2FsdA$c2hvcnQ"));
  EXPECT_FALSE(hasher.verify("correct horse battery", "pbkdf2-sha256$99999999999$c2FsdA$" + key));
}

TEST(PasswordHasher, LongPasswordIsNotTruncated) {
  PasswordHasher hasher(kFast);
  std::string password;
  for (int i = 0; i < 200; ++i) password += static_cast<char>('a' + i % 26);
  std::string encoded = hasher.hash(password);
  EXPECT_TRUE(hasher.verify(password, encoded));
  EXPECT_FALSE(hasher.verify(password.substr(0, 199), encoded));
  EXPECT_FALSE(hasher.verify(password.substr(0, 128), encoded));
  EXPECT_EQ(PasswordHasher::weakness(password), "");
}

TEST(PasswordHasher, NobodysHashNeverVerifies) {
  PasswordHasher hasher(kFast);
  EXPECT_FALSE(hasher.verifyAgainstNobody("correct horse battery"));
}

TEST(PasswordHasher, WeaknessNamesWhatIsWrong) {
  EXPECT_EQ(PasswordHasher::weakness("elevenchars"), "the password must be at least 12 characters");
  EXPECT_EQ(PasswordHasher::weakness("twelve chars"), "");
  // Eleven code points in 22 bytes are still too short; twelve are enough.
  EXPECT_EQ(PasswordHasher::weakness("ééééééééééé"), "the password must be at least 12 characters");
  EXPECT_EQ(PasswordHasher::weakness("éééééééééééé"), "");
  EXPECT_EQ(PasswordHasher::weakness(std::string(1024, 'x')), "");
  EXPECT_EQ(PasswordHasher::weakness(std::string(1025, 'x')),
            "the password must be at most 1024 bytes");
  EXPECT_EQ(PasswordHasher::weakness("valid start \xC3\x28 then junk"),
            "the password is not valid UTF-8");
}

TEST(PasswordHasher, RefusesANonPositiveCount) {
  EXPECT_THROW(PasswordHasher(0), std::invalid_argument);
}

}  // namespace
}  // namespace cadre::auth
