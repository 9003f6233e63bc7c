#include "ldap_values.hpp"

#include <ldap.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <vector>

#include "ldap_client.hpp"

namespace cadre::ldap {
namespace {

const char hexDigits[] = "0123456789abcdef";

bool isSimpleDnTypeChar(char c, bool first) {
  bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return first ? letter : letter || (c >= '0' && c <= '9') || c == '-';
}

/// A value character that needs no escaping anywhere in a value: printable ASCII other than
/// the DN specials. Non-ASCII, escapes and quotes go through ldap_str2dn.
bool isSimpleDnValueChar(char c) {
  return c >= ' ' && c <= '~' && c != ',' && c != '+' && c != '"' && c != '\\' && c != '<' &&
         c != '>' && c != ';' && c != '=' && c != '#';
}

/// canonicalDn without the client library for the usual DN (type=value,type=value: a letter-led
/// type, printable ASCII values without specials, spaces only inside a value), which is what a
/// directory returns for almost every entry; nullopt for anything else, which the parser handles.
/// The answer is the parser's for such a DN: types and values lower-cased, nothing to escape.
std::optional<std::string> canonicalSimpleDn(std::string_view dn) {
  std::string out;
  out.reserve(dn.size());
  std::size_t i = 0;
  while (i < dn.size()) {
    const std::size_t typeStart = i;
    while (i < dn.size() && isSimpleDnTypeChar(dn[i], i == typeStart)) ++i;
    if (i == typeStart || i == dn.size() || dn[i] != '=') return std::nullopt;
    ++i;
    const std::size_t valueStart = i;
    while (i < dn.size() && isSimpleDnValueChar(dn[i])) ++i;
    if (i == valueStart || dn[valueStart] == ' ' || dn[i - 1] == ' ') return std::nullopt;
    if (i < dn.size() && (dn[i] != ',' || i + 1 == dn.size())) return std::nullopt;
    for (std::size_t k = typeStart; k < i; ++k) {
      char c = dn[k];
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    if (i < dn.size()) {
      out += ',';
      ++i;
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace

std::string asciiLower(std::string text) {
  // Not std::tolower: its answer depends on the process's locale.
  for (auto& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

std::string escapeFilterValue(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '*' || c == '(' || c == ')' || c == '\\' || c == '\0') {
      auto byte = static_cast<unsigned char>(c);
      out += '\\';
      out += hexDigits[byte >> 4];
      out += hexDigits[byte & 0xf];
    } else {
      out += c;
    }
  }
  return out;
}

std::string escapeDnValue(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 4);
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    bool special = c == ',' || c == '+' || c == '"' || c == '\\' || c == '<' || c == '>' ||
                   c == ';' || c == '=';
    bool edge = (i == 0 && (c == ' ' || c == '#')) || (i + 1 == value.size() && c == ' ');
    if (c == '\0') {
      out += "\\00";
    } else if (special || edge) {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

std::string canonicalDn(std::string_view dn) {
  if (auto simple = canonicalSimpleDn(dn)) return *simple;
  return canonicalDnParsed(dn);
}

std::string canonicalDnParsed(std::string_view dn) {
  const std::string text(dn);
  LDAPDN parsed = nullptr;
  if (ldap_str2dn(text.c_str(), &parsed, LDAP_DN_FORMAT_LDAPV3) != LDAP_SUCCESS) {
    throw LdapError(LDAP_INVALID_DN_SYNTAX, "'" + text + "' is not a DN");
  }
  std::string out;
  for (int r = 0; parsed && parsed[r]; ++r) {
    std::vector<std::string> avas;
    for (int a = 0; parsed[r][a]; ++a) {
      const LDAPAVA* ava = parsed[r][a];
      std::string value(ava->la_value.bv_val, ava->la_value.bv_len);
      std::string part = asciiLower(std::string(ava->la_attr.bv_val, ava->la_attr.bv_len)) + "=";
      if (ava->la_flags & LDAP_AVA_BINARY) {
        part += '#';
        for (unsigned char byte : value) {
          part += hexDigits[byte >> 4];
          part += hexDigits[byte & 0xf];
        }
      } else {
        part += escapeDnValue(asciiLower(value));
      }
      avas.push_back(part);
    }
    std::sort(avas.begin(), avas.end());
    if (r > 0) out += ',';
    for (std::size_t a = 0; a < avas.size(); ++a) out += (a ? "+" : "") + avas[a];
  }
  ldap_dnfree(parsed);
  return out;
}

std::string objectGuidToText(std::string_view binary) {
  if (binary.size() != 16) {
    throw std::invalid_argument("an objectGUID has 16 bytes, not " + std::to_string(binary.size()));
  }
  static const int order[] = {3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15};
  std::string text;
  for (int index : order) {
    if (index < 0) {
      text += '-';
      continue;
    }
    auto byte = static_cast<unsigned char>(binary[static_cast<std::size_t>(index)]);
    text += hexDigits[byte >> 4];
    text += hexDigits[byte & 0xf];
  }
  return text;
}

std::optional<ValueRange> parseValueRange(std::string_view attributeName) {
  const std::string name = asciiLower(std::string(attributeName));
  auto at = name.find(";range=");
  if (at == std::string::npos) return std::nullopt;
  std::string spec = name.substr(at + 7);
  if (auto option = spec.find(';'); option != std::string::npos) spec.resize(option);
  auto dash = spec.find('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 == spec.size()) return std::nullopt;
  auto digits = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(c); });
  };
  std::string low = spec.substr(0, dash);
  std::string high = spec.substr(dash + 1);
  if (!digits(low) || (high != "*" && !digits(high))) return std::nullopt;
  ValueRange range;
  range.low = std::stoll(low);
  range.high = high == "*" ? -1 : std::stoll(high);
  return range;
}

}  // namespace cadre::ldap
