#include "support/ldif_builder.hpp"

#include <functional>
#include <stdexcept>

namespace cadre::test {
namespace {

std::string base64(const std::string& bytes) {
  static const char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    std::uint32_t n = (static_cast<unsigned char>(bytes[i]) << 16) |
                      (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                      static_cast<unsigned char>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += table[(n >> shift) & 63];
  }
  if (i + 1 == bytes.size()) {
    std::uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
    out += table[(n >> 18) & 63];
    out += table[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    std::uint32_t n = (static_cast<unsigned char>(bytes[i]) << 16) |
                      (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += table[(n >> 18) & 63];
    out += table[(n >> 12) & 63];
    out += table[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

/// RFC 2849's SAFE-STRING: ASCII without NUL, CR, LF; not starting with space, ':' or '<'.
bool safe(const std::string& value) {
  if (value.empty()) return true;
  if (value.front() == ' ' || value.front() == ':' || value.front() == '<' || value.back() == ' ')
    return false;
  for (unsigned char c : value) {
    if (c == 0 || c == '\r' || c == '\n' || c > 127) return false;
  }
  return true;
}

void addIf(LdifAttributes& attributes, const std::string& name, const std::string& value) {
  if (!value.empty()) attributes.emplace_back(name, value);
}

std::string joinName(const std::string& given, const std::string& family) {
  if (given.empty()) return family;
  if (family.empty()) return given;
  return given + " " + family;
}

}  // namespace

std::string ldifLine(const std::string& attribute, const std::string& value) {
  return safe(value) ? attribute + ": " + value + "\n" : attribute + ":: " + base64(value) + "\n";
}

std::string dnValue(const std::string& value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\0') {
      out += "\\00";
      continue;
    }
    const bool leading = i == 0 && (c == ' ' || c == '#');
    const bool trailing = i + 1 == value.size() && c == ' ';
    if (leading || trailing || std::string(",+\"\\<>;=").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string testGuid(const std::string& seed) {
  std::string bytes;
  std::size_t h = std::hash<std::string>{}(seed);
  for (int i = 0; i < 16; ++i) {
    h = h * 6364136223846793005ULL + 1442695040888963407ULL;
    bytes += static_cast<char>((h >> 56) & 0xff);
  }
  return bytes;
}

LdifBuilder::LdifBuilder(std::string baseDN) : baseDN_(std::move(baseDN)) {
  if (baseDN_.rfind("dc=", 0) != 0)
    throw std::invalid_argument("LdifBuilder: the base DN must start with dc=, not " + baseDN_);
  std::string dc = baseDN_.substr(3, baseDN_.find(',') - 3);
  entry(baseDN_,
        {{"objectClass", "dcObject"}, {"objectClass", "organization"}, {"dc", dc}, {"o", dc}});
}

void LdifBuilder::entry(const std::string& dn, const LdifAttributes& attributes) {
  text_ += ldifLine("dn", dn);
  for (const auto& [name, value] : attributes) text_ += ldifLine(name, value);
  text_ += "\n";
}

std::string LdifBuilder::organizationalUnit(const std::string& name, const std::string& parentDn) {
  std::string dn = "ou=" + dnValue(name) + "," + (parentDn.empty() ? baseDN_ : parentDn);
  entry(dn, {{"objectClass", "organizationalUnit"}, {"ou", name}});
  return dn;
}

std::string LdifBuilder::addPerson(const PersonFields& p, const std::string& login,
                                   const std::string& departmentAttribute, LdifAttributes a,
                                   const LdifAttributes& tail, const std::string& ouDn) {
  const std::string cn = p.commonName.empty() ? joinName(p.givenName, p.familyName) : p.commonName;
  const std::string dn = "cn=" + dnValue(cn) + "," + ouDn;
  a.emplace_back("cn", cn);
  a.emplace_back("sn", p.familyName.empty() ? cn : p.familyName);
  addIf(a, "givenName", p.givenName);
  addIf(a, "displayName", p.displayName);
  addIf(a, "employeeNumber", p.employeeNumber);
  addIf(a, "mail", p.mail);
  addIf(a, "telephoneNumber", p.phone);
  addIf(a, "title", p.title);
  addIf(a, departmentAttribute, p.department);
  addIf(a, "manager", p.managerDn);
  a.insert(a.end(), tail.begin(), tail.end());
  if (p.password != "-") addIf(a, "userPassword", p.password.empty() ? "pw-" + login : p.password);
  a.insert(a.end(), p.extra.begin(), p.extra.end());
  entry(dn, a);
  return dn;
}

std::string LdifBuilder::person(const Person& p, const std::string& ouDn) {
  LdifAttributes tail;
  addIf(tail, "uid", p.uid);
  return addPerson(p, p.uid, "departmentNumber", {{"objectClass", "inetOrgPerson"}}, tail, ouDn);
}

std::string LdifBuilder::adUser(const AdUser& u, const std::string& ouDn) {
  // mstop's MUST attributes (instanceType, nTSecurityDescriptor, objectCategory) with the
  // values a real domain would show.
  LdifAttributes head = {{"objectClass", "user"},
                         {"objectClass", "extensibleObject"},
                         {"instanceType", "4"},
                         {"nTSecurityDescriptor", std::string("\x01\x00\x04\x80", 4)},
                         {"objectCategory", "CN=Person,CN=Schema,CN=Configuration," + baseDN_}};
  LdifAttributes tail;
  addIf(tail, "sAMAccountName", u.sAMAccountName);
  tail.emplace_back("objectGUID", u.objectGuid.empty() ? testGuid(u.sAMAccountName) : u.objectGuid);
  tail.emplace_back("userAccountControl", std::to_string(u.userAccountControl));
  tail.emplace_back("uSNChanged", std::to_string(u.uSNChanged));
  return addPerson(u, u.sAMAccountName, "department", head, tail, ouDn);
}

std::string LdifBuilder::group(const std::string& cn, const std::string& ouDn,
                               const std::vector<std::string>& memberDns) {
  if (memberDns.empty()) throw std::invalid_argument("a groupOfNames needs a member: " + cn);
  const std::string dn = "cn=" + dnValue(cn) + "," + ouDn;
  LdifAttributes a = {{"objectClass", "groupOfNames"}, {"cn", cn}};
  for (const auto& member : memberDns) a.emplace_back("member", member);
  entry(dn, a);
  return dn;
}

std::string LdifBuilder::adGroup(const std::string& cn, const std::string& ouDn,
                                 const std::vector<std::string>& memberDns) {
  const std::string dn = "cn=" + dnValue(cn) + "," + ouDn;
  LdifAttributes a = {{"objectClass", "group"},
                      {"cn", cn},
                      {"groupType", "-2147483646"},
                      {"instanceType", "4"},
                      {"nTSecurityDescriptor", std::string("\x01\x00\x04\x80", 4)},
                      {"objectCategory", "CN=Group,CN=Schema,CN=Configuration," + baseDN_},
                      {"objectGUID", testGuid("group:" + cn)}};
  for (const auto& member : memberDns) a.emplace_back("member", member);
  entry(dn, a);
  return dn;
}

std::vector<std::string> LdifBuilder::people(std::size_t count, const std::string& ouDn,
                                             const std::string& prefix) {
  std::vector<std::string> dns;
  dns.reserve(count);
  for (std::size_t n = 1; n <= count; ++n) {
    const std::string number = std::to_string(n);
    Person p;
    p.uid = prefix + number;
    p.givenName = "Given" + number;
    p.familyName = "Family";
    p.employeeNumber = prefix + number;
    p.mail = prefix + number + "@example.com";
    p.title = "Sales Rep";
    dns.push_back(person(p, ouDn));
  }
  return dns;
}

std::string ldifReplace(const std::string& dn, const std::string& attribute,
                        const std::vector<std::string>& values) {
  std::string text = ldifLine("dn", dn) + "changetype: modify\n" + ldifLine("replace", attribute);
  for (const auto& value : values) text += ldifLine(attribute, value);
  return text + "-\n\n";
}

std::string ldifRename(const std::string& dn, const std::string& newRdn,
                       const std::string& newParentDn) {
  std::string text = ldifLine("dn", dn) + "changetype: modrdn\n" + ldifLine("newrdn", newRdn) +
                     "deleteoldrdn: 1\n";
  if (!newParentDn.empty()) text += ldifLine("newsuperior", newParentDn);
  return text + "\n";
}

std::string ldifDelete(const std::string& dn) {
  return ldifLine("dn", dn) + "changetype: delete\n\n";
}

}  // namespace cadre::test
