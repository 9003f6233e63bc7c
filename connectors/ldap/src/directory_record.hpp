#pragma once

#include <string>

namespace cadre::ldap {

/// A directory entry read as a person, with the values a sync compares and writes. Text is
/// UTF-8; absent attributes are empty.
struct DirectoryRecord {
  /// The DN as the server returned it, and its key for comparisons (dnKey()).
  std::string dn;
  std::string dnKey;
  /// The stable id the employee is matched on: entryUUID, or objectGUID in its text form.
  std::string directoryId;
  std::string employeeNumber;
  std::string givenName;
  std::string familyName;
  std::string displayName;
  std::string email;
  std::string phone;
  std::string title;
  /// The department attribute's value, or the name of the entry's OU (ldap.departmentFrom).
  std::string department;
  /// The manager's DN as written in the entry, and its key; empty when there is none.
  std::string managerDn;
  std::string managerDnKey;
  /// Disabled in the directory (Active Directory's ACCOUNTDISABLE bit, or the status attribute).
  bool disabled = false;
  /// The entry's change mark for incremental syncs: modifyTimestamp or uSNChanged.
  std::string changeMark;
};

/// The key two DNs are compared by: canonicalDn() (escapes normalized, no spaces around
/// separators, ASCII letters lower-case); a DN that does not parse keeps its text, lower-cased.
std::string dnKey(const std::string& dn);

/// The value of the nearest `ou=` RDN of an entry's parent ("uid=a,ou=Sales,ou=People,dc=x" →
/// "Sales"), unescaped; empty when there is none.
std::string organizationalUnitOf(const std::string& dn);

}  // namespace cadre::ldap
