#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cadre::test {

/// Attribute/value pairs of an entry, in the order written.
using LdifAttributes = std::vector<std::pair<std::string, std::string>>;

/// One line of LDIF (RFC 2849): "name: value", or "name:: base64" when the value is not safe as
/// it is (non-ASCII, binary, leading space, colon or '<', trailing space).
std::string ldifLine(const std::string& attribute, const std::string& value);

/// An attribute value escaped for a DN (RFC 4514), written here independently of the
/// connector's escapeDnValue so that the tests check one against the other.
std::string dnValue(const std::string& value);

/// 16 bytes derived from `seed`, the same for the same seed: an objectGUID for AD-like entries.
std::string testGuid(const std::string& seed);

/// The text of a test directory in LDIF, for SlapdServer: entries are written in the order
/// added, so add an OU before the people in it. Every person gets userPassword "pw-<login>"
/// unless given another.
class LdifBuilder {
 public:
  /// Starts with the base entry (dcObject + organization; `baseDN` must start with dc=).
  explicit LdifBuilder(std::string baseDN = "dc=example,dc=com");

  /// An organizationalUnit `name` under `parentDn` (the base when empty); returns its DN.
  std::string organizationalUnit(const std::string& name, const std::string& parentDn = "");

  /// What OpenLDAP and Active Directory-like people have in common.
  struct PersonFields {
    std::string givenName;
    std::string familyName;
    /// The RDN value, "cn=<commonName>"; default "<givenName> <familyName>".
    std::string commonName;
    std::string displayName;
    std::string employeeNumber;
    std::string mail;
    std::string phone;
    std::string title;
    /// departmentNumber (inetOrgPerson) or department (AD).
    std::string department;
    std::string managerDn;
    /// Default "pw-<login>"; "-" for none.
    std::string password;
    LdifAttributes extra;
  };

  /// An inetOrgPerson (OpenLDAP-style employee).
  struct Person : PersonFields {
    std::string uid;
  };
  /// Adds the person under `ouDn` and returns its DN (the cn escaped per RFC 4514).
  std::string person(const Person& person, const std::string& ouDn);

  /// An Active Directory-like user (Debian's msuser schema: objectClass user, with
  /// extensibleObject for sAMAccountName). Disabled when userAccountControl has bit 2.
  struct AdUser : PersonFields {
    std::string sAMAccountName;
    /// 16 bytes; default testGuid(sAMAccountName).
    std::string objectGuid;
    int userAccountControl = 512;
    std::int64_t uSNChanged = 1;
  };
  std::string adUser(const AdUser& user, const std::string& ouDn);

  /// A groupOfNames `cn` under `ouDn` with these members (at least one).
  std::string group(const std::string& cn, const std::string& ouDn,
                    const std::vector<std::string>& memberDns);
  /// An AD-like group (objectClass group, a global security group).
  std::string adGroup(const std::string& cn, const std::string& ouDn,
                      const std::vector<std::string>& memberDns);

  /// `count` plain people uid=<prefix><n> (n from 1), cn "<Given n> <Family>", employeeNumber
  /// "<prefix><n>", mail, title: for size limits and volume. Returns their DNs.
  std::vector<std::string> people(std::size_t count, const std::string& ouDn,
                                  const std::string& prefix = "user");

  /// Any entry.
  void entry(const std::string& dn, const LdifAttributes& attributes);

  const std::string& baseDN() const { return baseDN_; }
  const std::string& text() const { return text_; }

 private:
  /// Adds a person under `ouDn`: `head` (object classes and such), the fields' attributes,
  /// `tail`, userPassword and the extra attributes; returns its DN.
  std::string addPerson(const PersonFields& fields, const std::string& login,
                        const std::string& departmentAttribute, LdifAttributes head,
                        const LdifAttributes& tail, const std::string& ouDn);

  std::string baseDN_;
  std::string text_;
};

/// LDIF change records for SlapdServer::ldapmodify.
/// Replaces the values of `attribute` (none: deletes the attribute).
std::string ldifReplace(const std::string& dn, const std::string& attribute,
                        const std::vector<std::string>& values);
/// Moves and/or renames an entry: new RDN (e.g. "cn=New Name") and new parent ("" keeps it).
std::string ldifRename(const std::string& dn, const std::string& newRdn,
                       const std::string& newParentDn = "");
/// Deletes an entry.
std::string ldifDelete(const std::string& dn);

}  // namespace cadre::test
