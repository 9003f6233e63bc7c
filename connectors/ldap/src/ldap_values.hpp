#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cadre::ldap {

/// Escapes a value for an LDAP filter (RFC 4515): * ( ) \ and NUL become \2a \28 \29 \5c \00.
std::string escapeFilterValue(std::string_view value);

/// Escapes an attribute value for a DN (RFC 4514): , + " \ < > ; = with a backslash, a leading
/// space or #, a trailing space, and NUL as \00. UTF-8 stays as it is.
std::string escapeDnValue(std::string_view value);

/// The text with its ASCII letters in lower case (attribute types, keywords, hex digits).
std::string asciiLower(std::string text);

/// A DN in one comparable form: attribute types and ASCII letters of values lower-case, no
/// spaces around separators, escapes normalized (so "CN=A\2cB, OU=x" and "cn=a\,b,ou=X" are the
/// same). Throws LdapError (code LDAP_INVALID_DN_SYNTAX) for text that is not a DN.
/// Usual DNs (type=value, printable ASCII, nothing to escape) are handled without the client
/// library's parser; the answer is the same as canonicalDnParsed's.
std::string canonicalDn(std::string_view dn);

/// canonicalDn always through the client library's DN parser (ldap_str2dn); same promise.
std::string canonicalDnParsed(std::string_view dn);

/// objectGUID's 16 bytes in Active Directory's usual text form,
/// e.g. "03020100-0504-0706-0809-0a0b0c0d0e0f" (the first three groups little-endian).
/// Throws std::invalid_argument when `binary` is not 16 bytes.
std::string objectGuidToText(std::string_view binary);

/// A parsed range option of a returned attribute name, "member;range=1500-2999" → {1500, 2999},
/// "member;range=1500-*" → {1500, -1 (the last range)}; std::nullopt without a range option.
struct ValueRange {
  long long low = 0;
  long long high = -1;
};
std::optional<ValueRange> parseValueRange(std::string_view attributeName);

}  // namespace cadre::ldap
