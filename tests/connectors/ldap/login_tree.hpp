#pragma once

#include <map>
#include <string>

#include "support/ldif_builder.hpp"

namespace cadre::ldap::test {

/// The people of the login tests in one OpenLDAP-like tree (every password "pw-<uid>"): names in
/// Vietnamese, Chinese and Indonesian, a DN that needs escapes, an inactive account, a login
/// that two entries share, a directory "admin", and groups mapped to roles.
struct LoginTree {
  std::string ldif;
  std::string lan;    ///< uid=lan, "Trần Thị Lan", in sales-managers
  std::string wei;    ///< uid=wei, "王伟", in hr
  std::string budi;   ///< uid=budi, "Budi Santoso", in it (a group no role is mapped to)
  std::string sean;   ///< uid=sobrien, cn=O'Brien\, Sean \+ \"Q\", in sales-managers
  std::string ines;   ///< uid=ines, employeeType Inactive
  std::string admin;  ///< uid=admin
  /// ldap.groupRole.* and the status attribute for this tree.
  std::map<std::string, std::string> keys;
};

/// An inetOrgPerson of the login tree.
inline cadre::test::LdifBuilder::Person loginPerson(const std::string& uid,
                                                    const std::string& givenName,
                                                    const std::string& familyName,
                                                    const std::string& displayName = "") {
  cadre::test::LdifBuilder::Person person;
  person.uid = uid;
  person.givenName = givenName;
  person.familyName = familyName;
  person.displayName = displayName;
  person.employeeNumber = "E-" + uid;
  return person;
}

inline LoginTree loginTree() {
  cadre::test::LdifBuilder ldif;
  LoginTree tree;
  auto people = ldif.organizationalUnit("people");
  auto contractors = ldif.organizationalUnit("contractors");
  auto groups = ldif.organizationalUnit("groups");
  tree.lan = ldif.person(loginPerson("lan", "Lan", "Trần Thị", "Trần Thị Lan"), people);
  tree.wei = ldif.person(loginPerson("wei", "伟", "王", "王伟"), people);
  tree.budi = ldif.person(loginPerson("budi", "Budi", "Santoso"), people);
  auto sean = loginPerson("sobrien", "Sean", "O'Brien");
  sean.commonName = R"(O'Brien, Sean + "Q")";
  tree.sean = ldif.person(sean, people);
  auto ines = loginPerson("ines", "Ines", "Wahyuni");
  ines.extra = {{"employeeType", "Inactive"}};
  tree.ines = ldif.person(ines, people);
  tree.admin = ldif.person(loginPerson("admin", "Directory", "Admin"), people);
  ldif.person(loginPerson("twin", "Tri", "Wibowo"), people);
  auto otherTwin = loginPerson("twin", "Tri", "Wibisono");
  otherTwin.employeeNumber = "C-twin";
  ldif.person(otherTwin, contractors);
  auto managers = ldif.group("sales-managers", groups, {tree.lan, tree.sean});
  auto hr = ldif.group("hr", groups, {tree.wei});
  // ldap.groupRole.admin is refused (the admin account is always local): "it" maps to nothing.
  ldif.group("it", groups, {tree.budi});
  tree.ldif = ldif.text();
  tree.keys = {{"ldap.groupRole.manager", managers},
               {"ldap.groupRole.hr", hr},
               {"ldap.groupRole.employee", "cn=missing," + groups},
               {"ldap.statusAttribute", "employeeType"},
               {"ldap.disabledValues", "inactive,left"}};
  return tree;
}

}  // namespace cadre::ldap::test
