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
  std::string budi;   ///< uid=budi, "Budi Santoso", in it (mapped to admin: ignored)
  std::string sean;   ///< uid=sobrien, cn=O'Brien\, Sean \+ \"Q\", in sales-managers
  std::string ines;   ///< uid=ines, employeeType Inactive
  std::string admin;  ///< uid=admin
  /// ldap.groupRole.* and the status attribute for this tree.
  std::map<std::string, std::string> keys;
};

inline LoginTree loginTree() {
  using Person = cadre::test::LdifBuilder::Person;
  cadre::test::LdifBuilder ldif;
  LoginTree tree;
  auto people = ldif.organizationalUnit("people");
  auto contractors = ldif.organizationalUnit("contractors");
  auto groups = ldif.organizationalUnit("groups");
  tree.lan = ldif.person(Person{"lan", "Lan", "Trần Thị", "", "Trần Thị Lan", "E1"}, people);
  tree.wei = ldif.person(Person{"wei", "伟", "王", "", "王伟", "E2"}, people);
  tree.budi = ldif.person(Person{"budi", "Budi", "Santoso", "", "", "E3"}, people);
  tree.sean =
      ldif.person(Person{"sobrien", "Sean", "O'Brien", R"(O'Brien, Sean + "Q")", "", "E4"}, people);
  Person ines{"ines", "Ines", "Wahyuni", "", "", "E5"};
  ines.extra = {{"employeeType", "Inactive"}};
  tree.ines = ldif.person(ines, people);
  tree.admin = ldif.person(Person{"admin", "Directory", "Admin", "", "", "E6"}, people);
  ldif.person(Person{"twin", "Tri", "Wibowo", "", "", "E7"}, people);
  ldif.person(Person{"twin", "Tri", "Wibisono", "", "", "C1"}, contractors);
  auto managers = ldif.group("sales-managers", groups, {tree.lan, tree.sean});
  auto hr = ldif.group("hr", groups, {tree.wei});
  auto it = ldif.group("it", groups, {tree.budi});
  tree.ldif = ldif.text();
  tree.keys = {{"ldap.groupRole.manager", managers},
               {"ldap.groupRole.hr", hr},
               {"ldap.groupRole.admin", it},
               {"ldap.groupRole.employee", "cn=missing," + groups},
               {"ldap.statusAttribute", "employeeType"},
               {"ldap.disabledValues", "inactive,left"}};
  return tree;
}

}  // namespace cadre::ldap::test
