#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ldap_client.hpp"

namespace cadre::ldap {

/// LdapConnection::search with the reading done ahead: the directory's answer is received and
/// decoded on a thread of this call's own while `onEntry` runs on the caller's thread for the
/// entries before, so that a sync's read costs about the longer of the two, not their sum.
/// The thread lives only inside this call: it is joined before the call returns or throws, and
/// it is the only user of `connection` meanwhile. At most a few hundred entries wait between
/// the two. Throws what the search throws (LdapError) or what `onEntry` throws; either way the
/// search is abandoned and nothing more is delivered. `onReceived` (if any) is called on the
/// reading thread with the count so far as each entry arrives, before it is handed over.
void searchReadingAhead(LdapConnection& connection, const std::string& base, int scope,
                        const std::string& filter, const std::vector<std::string>& attributes,
                        const std::function<void(DirectoryEntry&&)>& onEntry,
                        const std::function<void(std::size_t received)>& onReceived = {});

}  // namespace cadre::ldap
