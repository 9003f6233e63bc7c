#include "ldap_values.hpp"

#include <ldap.h>

#include <vector>

#include <gtest/gtest.h>

#include "ldap_client.hpp"
#include "support/ldif_builder.hpp"

namespace cadre::ldap {
namespace {

TEST(EscapeFilterValue, EscapesTheFiveSpecialCharactersOfRfc4515) {
  EXPECT_EQ(escapeFilterValue("*)(uid=*"), "\\2a\\29\\28uid=\\2a");
  EXPECT_EQ(escapeFilterValue("admin)(|(uid=*"), "admin\\29\\28|\\28uid=\\2a");
  EXPECT_EQ(escapeFilterValue("back\\slash"), "back\\5cslash");
  EXPECT_EQ(escapeFilterValue(std::string("nul\0here", 8)), "nul\\00here");
}

TEST(EscapeFilterValue, LeavesOrdinaryAndNonAsciiTextAlone) {
  EXPECT_EQ(escapeFilterValue("Nguyễn Văn Ánh"), "Nguyễn Văn Ánh");
  EXPECT_EQ(escapeFilterValue("王秀英"), "王秀英");
  EXPECT_EQ(escapeFilterValue("o'brien & co = x"), "o'brien & co = x");
}

TEST(EscapeDnValue, EscapesSpecialCharactersAndEdgeSpaces) {
  EXPECT_EQ(escapeDnValue("Smith, John"), "Smith\\, John");
  EXPECT_EQ(escapeDnValue("A+B \"Sales\""), "A\\+B \\\"Sales\\\"");
  EXPECT_EQ(escapeDnValue("<x>;y=z\\"), "\\<x\\>\\;y\\=z\\\\");
  EXPECT_EQ(escapeDnValue("#1 lead"), "\\#1 lead");
  EXPECT_EQ(escapeDnValue(" padded "), "\\ padded\\ ");
  EXPECT_EQ(escapeDnValue("a#b c"), "a#b c");
  EXPECT_EQ(escapeDnValue(std::string("a\0b", 3)), "a\\00b");
  EXPECT_EQ(escapeDnValue("Trần Thị Bích"), "Trần Thị Bích");
}

TEST(EscapeDnValue, AgreesWithTheTestTreesIndependentEscaping) {
  for (const std::string value : {"Smith, John", "A+B \"Sales\"", "#1 lead", " x ", "王秀英"}) {
    EXPECT_EQ(escapeDnValue(value), cadre::test::dnValue(value)) << value;
  }
}

TEST(CanonicalDn, MakesEquivalentSpellingsEqual) {
  EXPECT_EQ(canonicalDn("CN=Smith\\2C John, OU=People,DC=Example,DC=com"),
            "cn=smith\\, john,ou=people,dc=example,dc=com");
  EXPECT_EQ(canonicalDn("cn=smith\\, john,ou=people,dc=example,dc=com"),
            canonicalDn("CN=Smith\\, John,ou=PEOPLE,dc=example,dc=com"));
  EXPECT_EQ(canonicalDn("uid=b+cn=A,dc=x"), canonicalDn("CN=a+UID=b,dc=x"));
  EXPECT_EQ(canonicalDn("cn=Nguyễn Văn Ánh,dc=x"), "cn=nguyễn văn Ánh,dc=x");
}

TEST(CanonicalDn, UsualDnsReadWithoutTheParserAsTheParserReadsThem) {
  EXPECT_EQ(canonicalDn("uid=User12345,ou=People,dc=Example,dc=com"),
            "uid=user12345,ou=people,dc=example,dc=com");
  EXPECT_EQ(canonicalDn("cn=John Q. Smith (Sales),OU=EMEA-West,dc=x"),
            "cn=john q. smith (sales),ou=emea-west,dc=x");
  const std::vector<std::string> spellings = {
      "uid=User12345,ou=People,dc=Example,dc=com",
      "cn=John Q. Smith (Sales),OU=EMEA-West,dc=x",
      "cn=a_b@c.d!e*f,dc=x",
      "CN=Smith\\2C John, OU=People,DC=Example,DC=com",
      "cn=smith\\, john,ou=people",
      "uid=b+cn=A,dc=x",
      "cn= padded ,dc=x",
      "cn=#04024869,dc=x",
      "cn=a#b,dc=x",
      "cn=\\\"quoted\\\",dc=x",
      "cn=Nguyễn Văn Ánh,dc=x",
      "cn=trailing\\ ,dc=x",
      "2.5.4.3=Numeric,dc=x",
  };
  for (const auto& dn : spellings) EXPECT_EQ(canonicalDn(dn), canonicalDnParsed(dn)) << dn;
  EXPECT_THROW(canonicalDn("=a,dc=x"), LdapError);
}

TEST(CanonicalDn, RefusesTextThatIsNotADn) {
  try {
    canonicalDn("not a dn");
    FAIL() << "no exception";
  } catch (const LdapError& e) {
    EXPECT_EQ(e.code(), LDAP_INVALID_DN_SYNTAX);
    EXPECT_STREQ(e.what(), "'not a dn' is not a DN");
  }
}

TEST(ObjectGuidToText, WritesTheFirstThreeGroupsLittleEndian) {
  std::string bytes;
  for (int i = 0; i < 16; ++i) bytes += static_cast<char>(i);
  EXPECT_EQ(objectGuidToText(bytes), "03020100-0504-0706-0809-0a0b0c0d0e0f");
  const std::string real("\x8f\x6b\x3d\xa1\xc2\x04\x4b\x45\x9e\xf0\x00\x11\x22\xaa\xbb\xff", 16);
  EXPECT_EQ(objectGuidToText(real), "a13d6b8f-04c2-454b-9ef0-001122aabbff");
}

TEST(ObjectGuidToText, RefusesAnythingButSixteenBytes) {
  EXPECT_THROW(objectGuidToText("short"), std::invalid_argument);
  EXPECT_THROW(objectGuidToText(std::string(17, 'x')), std::invalid_argument);
}

TEST(ParseValueRange, ReadsActiveDirectoryRangeOptions) {
  auto middle = parseValueRange("member;range=1500-2999");
  ASSERT_TRUE(middle);
  EXPECT_EQ(middle->low, 1500);
  EXPECT_EQ(middle->high, 2999);
  auto last = parseValueRange("Member;Range=3000-*");
  ASSERT_TRUE(last);
  EXPECT_EQ(last->low, 3000);
  EXPECT_EQ(last->high, -1);
  EXPECT_FALSE(parseValueRange("member"));
  EXPECT_FALSE(parseValueRange("member;range=x-1"));
  EXPECT_FALSE(parseValueRange("member;range=10-"));
}

}  // namespace
}  // namespace cadre::ldap
