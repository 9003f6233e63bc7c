#pragma once

#include <sys/types.h>

#include <string>

namespace cadre::test {

/// How a SlapdServer offers TLS.
enum class SlapdTls {
  None,
  /// StartTLS on uri() and TLS on ldapsUri(), with a certificate for 127.0.0.1 and localhost
  /// signed by the test CA (caFile()).
  TestCa,
  /// The same, but the certificate is signed by another CA: clients trusting caFile() refuse
  /// it.
  UntrustedCa,
};

/// How a SlapdServer is set up.
struct SlapdOptions {
  std::string baseDN = "dc=example,dc=com";
  /// 0: none. N: a plain search stops after N entries (sizeLimitExceeded), as a server's
  /// limit does; a paged search pages through everything, pages at most N entries each.
  int sizeLimit = 0;
  SlapdTls tls = SlapdTls::None;
  /// slapd's "allow bind_anon_dn": a DN with an empty password binds anonymously (and the
  /// server says success) - what a login must never take for a valid password.
  bool allowUnauthenticatedBind = false;
};

/// A real OpenLDAP server (Debian's slapd, mdb backend) of the test's own: a generated
/// slapd.conf in a scratch folder (/dev/shm unless $TMPDIR is set) with the schemas core,
/// cosine, inetorgperson, nis and msuser (Debian's, with the matching rules Active Directory has
/// added so that filters on sAMAccountName or uSNChanged work), filled from LDIF with slapadd,
/// listening on 127.0.0.1 on a free port. entryUUID, modifyTimestamp and createTimestamp are
/// kept by slapd itself. slapd logs every operation (stats) to log(). The server dies with the
/// thread that made it; the folder goes with the object.
///
/// Accounts: the root DN (cn=admin,<base>, not subject to size limits or ACLs) and a service
/// account (cn=cadre-sync,<base>) that is subject to them, as a connector's would be. Everyone may
/// bind; only bound users read; userPassword is readable by nobody.
class SlapdServer {
 public:
  using Tls = SlapdTls;
  using Options = SlapdOptions;

  /// Writes the configuration, loads `ldif` (which must hold the base entry first, as
  /// LdifBuilder writes it) with slapadd, adds the service account and starts the server.
  /// Throws std::runtime_error quoting slapadd's or slapd's output when it cannot.
  explicit SlapdServer(const std::string& ldif, Options options = {});
  /// Stops the server (SIGTERM, then SIGKILL after 10 s) and removes the folder.
  ~SlapdServer();
  SlapdServer(const SlapdServer&) = delete;
  SlapdServer& operator=(const SlapdServer&) = delete;

  /// ldap://127.0.0.1:PORT
  std::string uri() const;
  /// ldaps://127.0.0.1:PORT2 (only with TLS).
  std::string ldapsUri() const;
  int port() const { return port_; }
  const std::string& baseDN() const { return options_.baseDN; }
  std::string rootDN() const { return "cn=admin," + options_.baseDN; }
  std::string rootPassword() const { return "secret"; }
  std::string serviceDN() const { return "cn=cadre-sync," + options_.baseDN; }
  std::string servicePassword() const { return "sync-secret"; }
  /// The test CA's certificate (PEM), for ldap.caFile; "" without TLS.
  std::string caFile() const;
  /// The scratch folder (slapd.conf, db/, tls/, slapd.log).
  const std::string& folder() const { return folder_; }

  /// Kills the server at once (SIGKILL): every connection dies mid-operation.
  void kill();
  /// Stops the server cleanly (SIGTERM).
  void stop();
  /// Starts it again on the same port(s) with the same data; a no-op when running.
  void start();
  /// Stops the process (SIGSTOP) without closing anything: connections stay open and get no
  /// answer, as with a server that hangs. thaw() (SIGCONT) lets it go on.
  void freeze();
  void thaw();
  /// stop() then start().
  void restart();
  bool running() const { return pid_ > 0; }

  /// Applies LDIF change records (ldifReplace, ldifRename, ldifDelete, or "changetype: add")
  /// as the root DN with ldapmodify; throws std::runtime_error with its output on failure.
  void ldapmodify(const std::string& ldif) const;
  /// Adds the entries of plain LDIF (no changetype) as the root DN (ldapmodify -a).
  void ldapadd(const std::string& ldif) const;

  /// What slapd logged so far (one line per connection, bind, search, result).
  std::string log() const;

 private:
  void writeConfig();
  void makeCertificates();
  void load(const std::string& ldif);
  void runLdapTool(const std::string& ldif, bool add) const;

  Options options_;
  std::string folder_;
  int port_ = 0;
  int ldapsPort_ = 0;
  pid_t pid_ = -1;
};

}  // namespace cadre::test
