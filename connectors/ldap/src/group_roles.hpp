#pragma once

#include <string>
#include <vector>

#include "cadre/user.hpp"

namespace cadre::ldap {

/// The filter that matches a group entry, read on its own (base scope), when the person is a
/// member of it. With `nested` (Active Directory), membership at any depth of nesting through
/// LDAP_MATCHING_RULE_IN_CHAIN on `member`; otherwise direct membership by DN through `member`
/// (groupOfNames) or `uniqueMember` (groupOfUniqueNames), or by login through `memberUid`
/// (posixGroup). Every value is escaped (RFC 4515). The server compares, so a group larger than
/// its range limit never has to be read.
std::string membershipFilter(bool nested, const std::string& personDn, const std::string& login);

/// The most privileged of the roles of the groups a person is in; employee for none.
Role roleOfGroups(const std::vector<Role>& roles);

}  // namespace cadre::ldap
