#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/database.hpp"
#include "org_unit_store.hpp"

namespace cadre::territory {

/// What a new org unit is.
struct OrgUnitDraft {
  std::string code;
  std::string name;
  std::string type;
  std::optional<std::int64_t> parentId;
  std::optional<std::int64_t> headEmployeeId;
  std::string effectiveDate;
};

/// A change to an org unit from a date on; unset members keep their value. For parent and head
/// an engaged std::optional holding std::nullopt clears the value (a new root, no head).
struct OrgUnitChange {
  std::optional<std::string> name;
  std::optional<std::optional<std::int64_t>> parentId;
  std::optional<std::optional<std::int64_t>> headEmployeeId;
  std::string effectiveDate;
  /// rename, move, head, reorganization.
  std::string reason;
};

/// The rules of the org tree: units open, change and close on dates without rewriting the past,
/// and a move never makes a cycle. Throws cadre::HttpError (404 unknown unit, 409 taken code,
/// 422 a broken rule). Works in the caller's transaction.
class OrgTree {
 public:
  explicit OrgTree(Transaction& tx) : tx_(tx), units_(tx) {}

  OrgUnit create(const OrgUnitDraft& draft);
  /// Applies the change from its date on: the period in force ends and a new one begins (or, on
  /// the day a period began, that period is corrected).
  OrgUnit change(std::int64_t id, const OrgUnitChange& change);
  /// Closes a unit from a date on. Refused while units, people or open positions are in it.
  OrgUnit close(std::int64_t id, const std::string& effectiveDate);

 private:
  OrgUnit requireOpen(std::int64_t id, const std::string& date, const std::string& role);
  void checkParent(std::int64_t id, std::int64_t parentId, const std::string& date);
  void checkHead(const std::optional<std::int64_t>& head);
  Transaction& tx_;
  OrgUnitStore units_;
};

}  // namespace cadre::territory
