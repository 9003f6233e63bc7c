#include "ldap_client.hpp"
#include "ldap_values.hpp"

#include <ldap.h>

#include <algorithm>
#include <cctype>

namespace cadre::ldap {
namespace {

/// The library's reason for the last failure on `ld`, with the server's diagnostic if any.
std::string reasonOf(LDAP* ld, int code) {
  std::string reason = ldap_err2string(code);
  char* diagnostic = nullptr;
  if (ld && ldap_get_option(ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &diagnostic) == LDAP_OPT_SUCCESS &&
      diagnostic) {
    if (*diagnostic) reason += " (" + std::string(diagnostic) + ")";
    ldap_memfree(diagnostic);
  }
  return reason;
}

/// A handle with the options every connection has: LDAPv3, no referral chasing, timeouts, and
/// for TLS a fresh TLS context that demands a verified certificate.
LDAP* initialize(const std::string& uri, const LdapSettings& settings, std::string& reason) {
  LDAP* ld = nullptr;
  int rc = ldap_initialize(&ld, uri.c_str());
  if (rc != LDAP_SUCCESS) {
    reason = ldap_err2string(rc);
    return nullptr;
  }
  int version = LDAP_VERSION3;
  timeval timeout{static_cast<time_t>(settings.timeout.count()), 0};
  bool ok = ldap_set_option(ld, LDAP_OPT_PROTOCOL_VERSION, &version) == LDAP_OPT_SUCCESS &&
            ldap_set_option(ld, LDAP_OPT_REFERRALS, LDAP_OPT_OFF) == LDAP_OPT_SUCCESS &&
            ldap_set_option(ld, LDAP_OPT_NETWORK_TIMEOUT, &timeout) == LDAP_OPT_SUCCESS &&
            ldap_set_option(ld, LDAP_OPT_TIMEOUT, &timeout) == LDAP_OPT_SUCCESS;
  if (ok && settings.tls != TlsMode::None) {
    int demand = LDAP_OPT_X_TLS_DEMAND;
    int client = 0;
    ok =
        ldap_set_option(ld, LDAP_OPT_X_TLS_REQUIRE_CERT, &demand) == LDAP_OPT_SUCCESS &&
        (settings.caFile.empty() || ldap_set_option(ld, LDAP_OPT_X_TLS_CACERTFILE,
                                                    settings.caFile.c_str()) == LDAP_OPT_SUCCESS) &&
        // The options above take effect only in a new context.
        ldap_set_option(ld, LDAP_OPT_X_TLS_NEWCTX, &client) == LDAP_OPT_SUCCESS;
  }
  if (!ok) {
    reason = "cannot set the connection options (TLS: is ldap.caFile a PEM file?)";
    ldap_unbind_ext_s(ld, nullptr, nullptr);
    return nullptr;
  }
  return ld;
}

int simpleBind(LDAP* ld, const std::string& dn, const std::string& password) {
  berval credentials{static_cast<ber_len_t>(password.size()), const_cast<char*>(password.data())};
  return ldap_sasl_bind_s(ld, dn.empty() ? nullptr : dn.c_str(), LDAP_SASL_SIMPLE, &credentials,
                          nullptr, nullptr, nullptr);
}

bool blank(const std::string& text) {
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

DirectoryEntry parseEntry(LDAP* ld, LDAPMessage* message) {
  // One pass over the message, as ldapsearch reads it: the DN, then each attribute with its
  // values (which point into the message; only the array is allocated). ldap_get_values_len
  // would scan the message again from the start for every attribute.
  DirectoryEntry entry;
  BerElement* ber = nullptr;
  berval text{0, nullptr};
  if (ldap_get_dn_ber(ld, message, &ber, &text) != LDAP_SUCCESS) {
    if (ber) ber_free(ber, 0);
    throw LdapError(LDAP_DECODING_ERROR, "an entry the directory sent cannot be decoded");
  }
  entry.dn.assign(text.bv_val ? text.bv_val : "", text.bv_len);
  BerVarray values = nullptr;
  while (ldap_get_attribute_ber(ld, message, ber, &text, &values) == LDAP_SUCCESS && text.bv_val) {
    auto& kept = entry.attributes[asciiLower(std::string(text.bv_val, text.bv_len))];
    if (values) {
      for (berval* v = values; v->bv_val; ++v) kept.emplace_back(v->bv_val, v->bv_len);
      ber_memfree(values);
      values = nullptr;
    }
  }
  ber_free(ber, 0);
  return entry;
}

/// Frees what ldap_parse_result hands out.
struct ParsedResult {
  int code = LDAP_SUCCESS;
  char* matched = nullptr;
  char* text = nullptr;
  LDAPControl** controls = nullptr;
  ~ParsedResult() {
    if (matched) ldap_memfree(matched);
    if (text) ldap_memfree(text);
    if (controls) ldap_controls_free(controls);
  }
};

std::string scopeName(int scope) {
  return scope == LDAP_SCOPE_BASE ? "base" : scope == LDAP_SCOPE_ONELEVEL ? "one" : "sub";
}

}  // namespace

const std::string* DirectoryEntry::first(const std::string& attribute) const {
  auto it = attributes.find(asciiLower(attribute));
  return it == attributes.end() || it->second.empty() ? nullptr : &it->second.front();
}

const std::vector<std::string>& DirectoryEntry::values(const std::string& attribute) const {
  static const std::vector<std::string> none;
  auto it = attributes.find(asciiLower(attribute));
  return it == attributes.end() ? none : it->second;
}

LdapConnection::LdapConnection(LDAP* handle, std::string uri, const LdapSettings& settings)
    : ld_(handle),
      uri_(std::move(uri)),
      pageSize_(settings.pageSize),
      timeoutSeconds_(static_cast<int>(settings.timeout.count())) {}

LdapConnection::~LdapConnection() {
  ldap_unbind_ext_s(ld_, nullptr, nullptr);
}

std::unique_ptr<LdapConnection> LdapConnection::open(const LdapSettings& settings) {
  return connect(settings, true);
}

std::unique_ptr<LdapConnection> LdapConnection::openUnbound(const LdapSettings& settings) {
  return connect(settings, false);
}

std::unique_ptr<LdapConnection> LdapConnection::connect(const LdapSettings& settings, bool bind) {
  if (settings.uris.empty()) throw LdapError(LDAP_PARAM_ERROR, "no directory server (ldap.uri)");
  std::string failures;
  int lastCode = LDAP_SERVER_DOWN;
  for (const auto& uri : settings.uris) {
    std::string reason;
    LDAP* ld = initialize(uri, settings, reason);
    int rc = ld ? LDAP_SUCCESS : LDAP_PARAM_ERROR;
    const char* step = "connect";
    if (ld && settings.tls == TlsMode::StartTls) {
      step = "StartTLS";
      rc = ldap_start_tls_s(ld, nullptr, nullptr);
    } else if (ld) {
      rc = ldap_connect(ld);
    }
    if (ld && rc == LDAP_SUCCESS && bind) {
      step = "bind";
      rc = simpleBind(ld, settings.bindDN, settings.bindPassword);
    }
    if (ld && rc == LDAP_SUCCESS)
      return std::unique_ptr<LdapConnection>(new LdapConnection(ld, uri, settings));
    if (ld) reason = reasonOf(ld, rc);
    lastCode = rc;
    failures += (failures.empty() ? "" : "; ") + uri + ": " + step + " failed: " + reason;
    if (ld) ldap_unbind_ext_s(ld, nullptr, nullptr);
    // Wrong service credentials are wrong on every server; trying the others only locks the
    // account sooner.
    if (rc == LDAP_INVALID_CREDENTIALS) break;
  }
  throw LdapError(lastCode, "cannot reach the directory: " + failures);
}

void LdapConnection::fail(int code, const std::string& what) const {
  throw LdapError(code, what + " at " + uri_ + " failed: " + reasonOf(ld_, code));
}

void LdapConnection::search(const std::string& base, int scope, const std::string& filter,
                            const std::vector<std::string>& attributes,
                            const std::function<void(DirectoryEntry&&)>& onEntry) {
  const std::string what = "search of '" + base + "' (" + scopeName(scope) + ", " + filter + ")";
  std::vector<char*> names;
  for (const auto& name : attributes) names.push_back(const_cast<char*>(name.c_str()));
  names.push_back(nullptr);
  std::string cookie;
  do {
    berval cookieValue{static_cast<ber_len_t>(cookie.size()), cookie.data()};
    LDAPControl* page = nullptr;
    int rc =
        ldap_create_page_control(ld_, pageSize_, cookie.empty() ? nullptr : &cookieValue, 1, &page);
    if (rc != LDAP_SUCCESS) fail(rc, what);
    LDAPControl* controls[] = {page, nullptr};
    int messageId = 0;
    rc = ldap_search_ext(ld_, base.c_str(), scope, filter.c_str(),
                         attributes.empty() ? nullptr : names.data(), 0, controls, nullptr, nullptr,
                         LDAP_NO_LIMIT, &messageId);
    ldap_control_free(page);
    if (rc != LDAP_SUCCESS) fail(rc, what);
    cookie.clear();
    for (bool done = false; !done;) {
      LDAPMessage* raw = nullptr;
      timeval wait{timeoutSeconds_, 0};
      int type = ldap_result(ld_, messageId, LDAP_MSG_ONE, &wait, &raw);
      std::unique_ptr<LDAPMessage, decltype(&ldap_msgfree)> message(raw, &ldap_msgfree);
      if (type == 0) {
        ldap_abandon_ext(ld_, messageId, nullptr, nullptr);
        throw LdapError(LDAP_TIMEOUT, what + " at " + uri_ + " timed out after " +
                                          std::to_string(timeoutSeconds_) + " s");
      }
      if (type < 0) {
        int code = LDAP_OTHER;
        ldap_get_option(ld_, LDAP_OPT_RESULT_CODE, &code);
        fail(code, what);
      }
      if (type == LDAP_RES_SEARCH_ENTRY) {
        try {
          onEntry(parseEntry(ld_, raw));
        } catch (...) {
          ldap_abandon_ext(ld_, messageId, nullptr, nullptr);
          throw;
        }
      } else if (type == LDAP_RES_SEARCH_RESULT) {
        ParsedResult result;
        rc = ldap_parse_result(ld_, raw, &result.code, &result.matched, &result.text, nullptr,
                               &result.controls, 0);
        if (rc != LDAP_SUCCESS) fail(rc, what);
        if (result.code != LDAP_SUCCESS) {
          std::string text =
              result.text && *result.text ? std::string(" (") + result.text + ")" : std::string();
          throw LdapError(result.code,
                          what + " at " + uri_ + " failed: " + ldap_err2string(result.code) + text);
        }
        if (LDAPControl* response =
                ldap_control_find(LDAP_CONTROL_PAGEDRESULTS, result.controls, nullptr)) {
          ber_int_t estimate = 0;
          berval next{0, nullptr};
          if (ldap_parse_pageresponse_control(ld_, response, &estimate, &next) == LDAP_SUCCESS &&
              next.bv_val) {
            cookie.assign(next.bv_val, next.bv_len);
            ber_memfree(next.bv_val);
          }
        }
        done = true;
      }
      // LDAP_RES_SEARCH_REFERENCE: referrals are not chased.
    }
  } while (!cookie.empty());
}

std::size_t LdapConnection::count(const std::string& base, int scope, const std::string& filter) {
  std::size_t n = 0;
  search(base, scope, filter, {LDAP_NO_ATTRS}, [&n](DirectoryEntry&&) { ++n; });
  return n;
}

std::optional<DirectoryEntry> LdapConnection::read(const std::string& dn,
                                                   const std::vector<std::string>& attributes) {
  std::optional<DirectoryEntry> found;
  try {
    search(dn, LDAP_SCOPE_BASE, "(objectClass=*)", attributes,
           [&found](DirectoryEntry&& entry) { found = std::move(entry); });
  } catch (const LdapError& e) {
    if (e.code() != LDAP_NO_SUCH_OBJECT) throw;
  }
  return found;
}

std::vector<std::string> LdapConnection::allValues(const std::string& dn,
                                                   const std::string& attribute) {
  const std::string name = asciiLower(attribute);
  std::vector<std::string> values;
  std::string request = attribute;
  for (;;) {
    auto entry = read(dn, {request});
    if (!entry) throw LdapError(LDAP_NO_SUCH_OBJECT, "no entry '" + dn + "' at " + uri_);
    bool more = false;
    for (auto& [returned, part] : entry->attributes) {
      if (returned != name && returned.rfind(name + ";", 0) != 0) continue;
      values.insert(values.end(), std::make_move_iterator(part.begin()),
                    std::make_move_iterator(part.end()));
      auto range = parseValueRange(returned);
      if (range && range->high >= 0) {
        request = attribute + ";range=" + std::to_string(range->high + 1) + "-*";
        more = true;
      }
    }
    if (!more) return values;
  }
}

bool LdapConnection::bindAs(const std::string& dn, const std::string& password) {
  if (dn.empty() || blank(password)) return false;
  int rc = simpleBind(ld_, dn, password);
  if (rc == LDAP_SUCCESS) return true;
  if (rc == LDAP_INVALID_CREDENTIALS) return false;
  fail(rc, "bind as '" + dn + "'");
}

std::string checkDirectory(const LdapSettings& settings) {
  auto connection = LdapConnection::open(settings);
  std::size_t n = connection->count(settings.baseDN, settings.scope, settings.filter);
  return "ldap: ok (" + std::to_string(n) + (n == 1 ? " entry matches " : " entries match ") +
         settings.filter + " under " + settings.baseDN + " at " + connection->uri() + ")";
}

}  // namespace cadre::ldap
