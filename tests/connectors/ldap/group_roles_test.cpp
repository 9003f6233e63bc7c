// Which directory groups give which role: the membership filters (Active Directory's nested
// rule cannot run on slapd, so its filter is checked here) and the choice among several roles.
#include "group_roles.hpp"

#include <gtest/gtest.h>

namespace cadre::ldap {
namespace {

TEST(GroupRolesTest, ActiveDirectoryFollowsNestedGroupsWithTheInChainRule) {
  EXPECT_EQ(
      membershipFilter(true, R"(CN=Doe\, John (Sales),OU=People,DC=corp,DC=example)", "jdoe"),
      R"((member:1.2.840.113556.1.4.1941:=CN=Doe\5c, John \28Sales\29,OU=People,DC=corp,DC=example))");
}

TEST(GroupRolesTest, OpenLdapMatchesMemberUniqueMemberOrMemberUid) {
  EXPECT_EQ(membershipFilter(false, "uid=lan,ou=people,dc=example", "lan*"),
            "(|(member=uid=lan,ou=people,dc=example)(uniqueMember=uid=lan,ou=people,dc=example)"
            R"((memberUid=lan\2a)))");
}

TEST(GroupRolesTest, TheMostPrivilegedRoleWinsAndNoGroupMeansEmployee) {
  EXPECT_EQ(roleOfGroups({}), Role::Employee);
  EXPECT_EQ(roleOfGroups({Role::Manager, Role::Hr, Role::Employee}), Role::Hr);
  EXPECT_EQ(roleOfGroups({Role::Employee, Role::Manager}), Role::Manager);
}

}  // namespace
}  // namespace cadre::ldap
