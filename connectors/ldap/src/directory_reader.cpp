// Reading the directory's entries as people: required attributes, UTF-8, the stable id, the
// disabled flag, the department, the manager's DN, and the change mark.
#include "directory_reader.hpp"

#include <ctime>
#include <optional>
#include <stdexcept>

#include "cadre/json_fields.hpp"
#include "entry_feed.hpp"
#include "entry_status.hpp"

namespace cadre::ldap {
namespace {

/// Why an entry cannot be read as a person.
class EntryProblem : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

bool allDigits(const std::string& text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

/// A text attribute: "" when absent; throws EntryProblem when it is not UTF-8.
std::string textOf(const DirectoryEntry& entry, const std::string& attribute) {
  if (attribute.empty()) return "";
  const std::string* value = entry.first(attribute);
  if (!value) return "";
  if (!isValidUtf8(*value)) throw EntryProblem("attribute '" + attribute + "' is not valid UTF-8");
  return *value;
}

std::string requiredText(const DirectoryEntry& entry, const std::string& attribute) {
  std::string value = textOf(entry, attribute);
  if (value.empty()) throw EntryProblem("missing required attribute '" + attribute + "'");
  return value;
}

/// The stable id as Cadre stores it (stableIdOf); throws EntryProblem saying why there is none.
std::string stableId(const DirectoryEntry& entry, const LdapSettings& settings) {
  std::string id = stableIdOf(entry, settings);
  if (!id.empty()) return id;
  const std::string& attribute = settings.map.id;
  const std::string* value = entry.first(attribute);
  if (!value || value->empty())
    throw EntryProblem("missing required attribute '" + attribute + "'");
  throw EntryProblem("attribute '" + attribute + "' is " + std::to_string(value->size()) +
                     " bytes, not the 16 of a GUID");
}

/// A GeneralizedTime ("20240131235959Z", fractions allowed) moved back by `seconds`.
std::optional<std::string> generalizedTimeMinus(const std::string& text,
                                                std::chrono::seconds seconds) {
  if (text.size() < 15 || !allDigits(text.substr(0, 14))) return std::nullopt;
  std::tm tm{};
  tm.tm_year = std::stoi(text.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(text.substr(4, 2)) - 1;
  tm.tm_mday = std::stoi(text.substr(6, 2));
  tm.tm_hour = std::stoi(text.substr(8, 2));
  tm.tm_min = std::stoi(text.substr(10, 2));
  tm.tm_sec = std::stoi(text.substr(12, 2));
  std::time_t at = timegm(&tm) - static_cast<std::time_t>(seconds.count());
  std::tm back{};
  gmtime_r(&at, &back);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%d%H%M%SZ", &back);
  return std::string(buffer);
}

}  // namespace

std::variant<DirectoryRecord, std::string> readRecord(const DirectoryEntry& entry,
                                                      const LdapSettings& settings) {
  const AttributeMap& map = settings.map;
  DirectoryRecord r;
  try {
    r.dn = entry.dn;
    r.dnKey = dnKey(entry.dn);
    r.directoryId = stableId(entry, settings);
    r.employeeNumber = requiredText(entry, map.employeeNumber);
    r.familyName = requiredText(entry, map.familyName);
    r.givenName = textOf(entry, map.givenName);
    r.displayName = textOf(entry, map.displayName);
    r.email = textOf(entry, map.mail);
    r.phone = textOf(entry, map.phone);
    r.title = textOf(entry, map.title);
    r.department = settings.departmentFrom == DepartmentSource::OrganizationalUnit
                       ? organizationalUnitOf(entry.dn)
                       : textOf(entry, map.department);
    r.managerDn = textOf(entry, map.manager);
    if (!r.managerDn.empty()) r.managerDnKey = dnKey(r.managerDn);
    r.disabled = disabledReason(entry, settings).has_value();
    r.changeMark = textOf(entry, settings.changeAttribute);
  } catch (const EntryProblem& problem) {
    return std::string(problem.what());
  }
  return r;
}

std::string syncFilter(const LdapSettings& settings, SyncMode mode,
                       const std::optional<std::string>& watermark, std::chrono::seconds overlap) {
  if (mode == SyncMode::Full || !watermark || watermark->empty()) return settings.filter;
  std::string since = *watermark;
  if (!allDigits(since)) since = generalizedTimeMinus(since, overlap).value_or(since);
  return "(&" + settings.filter + "(" + settings.changeAttribute + ">=" + escapeFilterValue(since) +
         "))";
}

namespace {

/// An entry as the reading thread leaves it: the record, or why the entry cannot be one (with
/// its DN key and, where readable, its stable id: the person it stands for has not left).
struct ReadEntry {
  std::optional<DirectoryRecord> record;
  EntryError problem;
  std::string dnKey;
  std::string stableId;
};

/// Runs on the reading thread: reads only `entry` and the settings.
ReadEntry prepare(const DirectoryEntry& entry, const LdapSettings& settings) {
  ReadEntry read;
  auto result = readRecord(entry, settings);
  if (auto* record = std::get_if<DirectoryRecord>(&result)) {
    read.record = std::move(*record);
    return read;
  }
  read.problem = {entry.dn, std::get<std::string>(result) + "; skipped"};
  read.dnKey = dnKey(entry.dn);
  try {
    read.stableId = stableId(entry, settings);
  } catch (const EntryProblem&) {
    // Without an id, the DN still protects them.
  }
  return read;
}

}  // namespace

DirectoryRead readEachRecord(LdapConnection& connection, const LdapSettings& settings,
                             const std::string& filter,
                             const std::function<void(DirectoryRecord&&)>& onRecord,
                             const std::function<void(std::size_t entries)>& afterEntry) {
  DirectoryRead read;
  searchReadingAhead<ReadEntry>(
      connection, settings.baseDN, settings.scope, filter, settings.syncAttributes(),
      [&settings](DirectoryEntry&& entry) { return prepare(entry, settings); },
      [&](ReadEntry&& entry) {
        ++read.entries;
        if (!entry.record) {
          read.errors.push_back(std::move(entry.problem));
          read.unreadableDnKeys.insert(std::move(entry.dnKey));
          if (!entry.stableId.empty()) read.unreadableIds.insert(std::move(entry.stableId));
          return;
        }
        read.highestMark = laterMark(read.highestMark, entry.record->changeMark);
        onRecord(std::move(*entry.record));
      },
      afterEntry);
  return read;
}

std::string laterMark(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  if (allDigits(a) && allDigits(b)) {
    if (a.size() != b.size()) return a.size() > b.size() ? a : b;
  }
  return a < b ? b : a;
}

}  // namespace cadre::ldap
