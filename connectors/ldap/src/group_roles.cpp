#include "group_roles.hpp"

#include <algorithm>

#include "ldap_values.hpp"

namespace cadre::ldap {

namespace {

/// LDAP_MATCHING_RULE_IN_CHAIN: Active Directory follows nested groups for this rule.
constexpr const char* kInChain = "1.2.840.113556.1.4.1941";

}  // namespace

std::string membershipFilter(bool nested, const std::string& personDn, const std::string& login) {
  std::string dn = escapeFilterValue(personDn);
  if (nested) return "(member:" + std::string(kInChain) + ":=" + dn + ")";
  return "(|(member=" + dn + ")(uniqueMember=" + dn + ")(memberUid=" + escapeFilterValue(login) +
         "))";
}

Role roleOfGroups(const std::vector<Role>& roles) {
  // Role lists the most privileged first.
  return roles.empty() ? Role::Employee : *std::min_element(roles.begin(), roles.end());
}

}  // namespace cadre::ldap
