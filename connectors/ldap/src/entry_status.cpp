#include "entry_status.hpp"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

namespace cadre::ldap {

namespace {

/// userAccountControl's ACCOUNTDISABLE flag.
constexpr long long kAccountDisable = 0x2;

}  // namespace

std::string stableIdOf(const DirectoryEntry& entry, const LdapSettings& settings) {
  const std::string* id = entry.first(settings.map.id);
  if (!id) return "";
  // Lower-case, as the sync stores it: "6F1C…" and "6f1c…" are one entryUUID.
  if (Poco::icompare(settings.map.id, "objectGUID") != 0) return Poco::toLower(*id);
  return id->size() == 16 ? objectGuidToText(*id) : "";
}

std::optional<std::string> disabledReason(const DirectoryEntry& entry,
                                          const LdapSettings& settings) {
  if (settings.userAccountControlDisables) {
    if (const std::string* control = entry.first("userAccountControl")) {
      Poco::Int64 flags = 0;
      // An unreadable value is taken as disabled: a login must not pass on what it cannot read.
      if (!Poco::NumberParser::tryParse64(*control, flags) || (flags & kAccountDisable) != 0)
        return "userAccountControl " + *control + " has the disable bit";
    }
  }
  if (!settings.statusAttribute.empty()) {
    for (const auto& value : entry.values(settings.statusAttribute)) {
      for (const auto& disabled : settings.disabledValues) {
        if (Poco::icompare(value, disabled) == 0)
          return settings.statusAttribute + " is '" + value + "'";
      }
    }
  }
  return std::nullopt;
}

}  // namespace cadre::ldap
