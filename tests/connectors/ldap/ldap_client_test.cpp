#include "ldap_client.hpp"

#include <ldap.h>

#include <gtest/gtest.h>

#include "support/ldif_builder.hpp"
#include "support/slapd_server.hpp"

namespace cadre::ldap {
namespace {

using cadre::test::LdifBuilder;
using cadre::test::SlapdServer;

LdapSettings settingsFor(const SlapdServer& server) {
  LdapSettings s;
  s.uris = {server.uri()};
  s.bindDN = server.serviceDN();
  s.bindPassword = server.servicePassword();
  s.baseDN = server.baseDN();
  s.filter = "(objectClass=inetOrgPerson)";
  s.pageSize = 100;
  s.timeout = std::chrono::seconds(5);
  return s;
}

TEST(LdapClientSmoke, CountsPeople) {
  LdifBuilder ldif;
  auto ou = ldif.organizationalUnit("people");
  ldif.people(25, ou);
  SlapdServer server(ldif.text());
  auto connection = LdapConnection::open(settingsFor(server));
  EXPECT_EQ(connection->count(server.baseDN(), LDAP_SCOPE_SUBTREE, "(objectClass=inetOrgPerson)"),
            25u);
}

}  // namespace
}  // namespace cadre::ldap
