#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "directory_record.hpp"
#include "ldap_client.hpp"
#include "ldap_settings.hpp"
#include "sync_plan.hpp"

namespace cadre::ldap {

/// What a sync's read of the directory found besides the records it handed on.
struct DirectoryRead {
  /// Entries that could not be read as a person (missing required attribute, undecodable value).
  std::vector<EntryError> errors;
  /// The stable ids (where readable) and DN keys of those entries.
  std::set<std::string> unreadableIds;
  std::set<std::string> unreadableDnKeys;
  /// Entries returned by the server, good and bad.
  std::size_t entries = 0;
  /// The highest change mark among the entries; empty when none had one.
  std::string highestMark;
};

/// Reads an entry as a person. Requires the stable id, the employee number and the family name;
/// text values must be UTF-8; objectGUID must be 16 bytes. Returns the reason otherwise.
std::variant<DirectoryRecord, std::string> readRecord(const DirectoryEntry& entry,
                                                      const LdapSettings& settings);

/// The search filter of a run: ldap.filter, and for an incremental run ANDed with the change
/// attribute at or after the watermark (modifyTimestamp less `overlap`, so changes sharing a
/// second with the watermark are read again; uSNChanged as it is, since >= includes it).
std::string syncFilter(const LdapSettings& settings, SyncMode mode,
                       const std::optional<std::string>& watermark, std::chrono::seconds overlap);

/// Reads the entries of a run, handing each entry readable as a person to `onRecord` on the
/// caller's thread as it arrives, and calling
/// `afterEntry` (if any) with the count so far as each arrives — on the thread that receives
/// them (see searchReadingAhead), not the caller's. Throws LdapError when the read fails at any
/// point, and what `onRecord` throws; either way the read stops there.
DirectoryRead readEachRecord(LdapConnection& connection, const LdapSettings& settings,
                             const std::string& filter,
                             const std::function<void(DirectoryRecord&&)>& onRecord,
                             const std::function<void(std::size_t entries)>& afterEntry = {});

/// The later of two change marks (numbers compare as numbers, timestamps as text).
std::string laterMark(const std::string& a, const std::string& b);

}  // namespace cadre::ldap
