// DN comparison keys and the OU of an entry, with the client library's DN parser.
#include <ldap.h>

#include <memory>

#include "directory_record.hpp"
#include "ldap_client.hpp"
#include "ldap_values.hpp"

namespace cadre::ldap {
namespace {

struct DnDeleter {
  void operator()(LDAPDN dn) const { ldap_dnfree(dn); }
};

}  // namespace

std::string dnKey(const std::string& dn) {
  try {
    return canonicalDn(dn);
  } catch (const LdapError&) {
    return asciiLower(dn);
  }
}

std::string organizationalUnitOf(const std::string& dn) {
  LDAPDN parsed = nullptr;
  if (ldap_str2dn(dn.c_str(), &parsed, LDAP_DN_FORMAT_LDAPV3) != LDAP_SUCCESS || !parsed) return "";
  std::unique_ptr<LDAPRDN, DnDeleter> owner(parsed);
  // parsed[0] is the entry's own RDN; its parent begins at parsed[1].
  for (int i = 1; parsed[i] != nullptr; ++i) {
    for (int j = 0; parsed[i][j] != nullptr; ++j) {
      const LDAPAVA* ava = parsed[i][j];
      std::string type(ava->la_attr.bv_val, ava->la_attr.bv_len);
      if (asciiLower(type) == "ou") return std::string(ava->la_value.bv_val, ava->la_value.bv_len);
    }
  }
  return "";
}

}  // namespace cadre::ldap
