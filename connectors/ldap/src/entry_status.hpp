#pragma once

#include <optional>
#include <string>

#include "ldap_client.hpp"
#include "ldap_settings.hpp"

namespace cadre::ldap {

/// The entry's stable id as Cadre stores it (employees' directoryId): entryUUID lower-cased,
/// objectGUID in Active Directory's text form. "" when the entry has none (or a GUID that is not
/// 16 bytes).
std::string stableIdOf(const DirectoryEntry& entry, const LdapSettings& settings);

/// Why the directory marks the account disabled, e.g. "userAccountControl 514 has the disable
/// bit" or "employeeStatus is 'inactive'"; std::nullopt when it does not. Reads
/// userAccountControl (Active Directory profile) and the configured status attribute.
std::optional<std::string> disabledReason(const DirectoryEntry& entry,
                                          const LdapSettings& settings);

}  // namespace cadre::ldap
