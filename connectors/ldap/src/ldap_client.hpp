#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "ldap_settings.hpp"
#include "ldap_values.hpp"

struct ldap;

namespace cadre::ldap {

/// One directory entry as read: its DN and its attributes. Attribute names are lower-case (as
/// returned, options such as ";range=0-1499" included); values are the raw bytes (binary-safe:
/// objectGUID is 16 bytes, names are UTF-8).
struct DirectoryEntry {
  std::string dn;
  std::map<std::string, std::vector<std::string>> attributes;

  /// The first value of `attribute` (any case), or null when the entry has none.
  const std::string* first(const std::string& attribute) const;
  /// All values of `attribute` (any case); empty when the entry has none.
  const std::vector<std::string>& values(const std::string& attribute) const;
};

/// A directory operation that failed: `code()` is the LDAP result code (negative for the client
/// library's own, such as LDAP_SERVER_DOWN or LDAP_TIMEOUT) and what() says what was attempted
/// against which server, and the server's or library's reason.
class LdapError : public std::runtime_error {
 public:
  LdapError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

/// One connection to a directory server. Referrals are never chased; with TLS the server's
/// certificate must verify against ldap.caFile (or the system's CAs) and name the host. Not
/// thread-safe: one thread at a time. Closes (unbinds) on destruction.
class LdapConnection {
 public:
  /// Connects to the first of settings.uris that answers (StartTLS when asked) and binds as
  /// the service account (anonymously without ldap.bindDN). Throws LdapError listing each URI
  /// tried and why it failed; wrong service credentials fail at once (code 49).
  static std::unique_ptr<LdapConnection> open(const LdapSettings& settings);
  /// Like open() but without a bind: for bindAs() on a connection of its own.
  static std::unique_ptr<LdapConnection> openUnbound(const LdapSettings& settings);

  ~LdapConnection();
  LdapConnection(const LdapConnection&) = delete;
  LdapConnection& operator=(const LdapConnection&) = delete;

  /// The server this connection talks to.
  const std::string& uri() const { return uri_; }

  /// Searches with the paged-results control (RFC 2696, settings.pageSize per page) until the
  /// server has no more, calling `onEntry` for each entry in the order received. Search
  /// references (referrals) are skipped. Throws LdapError on any failure, including a connection
  /// lost or a timeout halfway: then some entries may have been passed on already and the caller
  /// must treat the whole read as failed. An exception from `onEntry` abandons the search and
  /// propagates. `attributes` empty means all user attributes.
  void search(const std::string& base, int scope, const std::string& filter,
              const std::vector<std::string>& attributes,
              const std::function<void(DirectoryEntry&&)>& onEntry);

  /// How many entries match (a paged search that reads no attributes).
  std::size_t count(const std::string& base, int scope, const std::string& filter);

  /// The entry at `dn` (base search), or std::nullopt when there is none.
  std::optional<DirectoryEntry> read(const std::string& dn,
                                     const std::vector<std::string>& attributes);

  /// Every value of a multi-valued attribute of `dn` (e.g. a group's member), with range
  /// retrieval ("member;range=0-1499", then "member;range=1500-*", …) when the server hands the
  /// values out in ranges as Active Directory does. Empty when the entry has none; throws
  /// LdapError when the entry does not exist.
  std::vector<std::string> allValues(const std::string& dn, const std::string& attribute);

  /// Simple bind as `dn` with `password` on this connection (it is then bound as `dn`). Returns
  /// false without contacting the server when the password is empty or blank (an unauthenticated
  /// bind must never count as a login) or the DN is empty, and false when the server rejects the
  /// credentials (invalidCredentials); throws LdapError for anything else (server down, …).
  bool bindAs(const std::string& dn, const std::string& password);

 private:
  LdapConnection(struct ::ldap* handle, std::string uri, const LdapSettings& settings);
  static std::unique_ptr<LdapConnection> connect(const LdapSettings& settings, bool bind);
  [[noreturn]] void fail(int code, const std::string& what) const;

  struct ::ldap* ld_;
  std::string uri_;
  int pageSize_;
  int timeoutSeconds_;
};

/// `cadre config check` for the directory: connects, binds and counts the entries the filter
/// matches. Returns "ldap: ok (N entries match FILTER under BASE at URI)"; throws LdapError or
/// LdapSettingsError saying what failed.
std::string checkDirectory(const LdapSettings& settings);

}  // namespace cadre::ldap
