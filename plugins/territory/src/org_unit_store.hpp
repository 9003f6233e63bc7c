#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"

namespace cadre::territory {

/// An org unit as it stood on one date: the unit and the period of its name, parent and head.
struct OrgUnit {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::string type;
  std::optional<std::int64_t> parentId;
  std::optional<std::int64_t> headEmployeeId;
  std::string openedOn;
  std::optional<std::string> closedOn;
  std::int64_t version = 0;
  /// The period that holds on the date asked for.
  std::int64_t periodId = 0;
  std::string periodFrom;
  std::string periodTo;
};

/// One period of an org unit's name, parent and head.
struct OrgUnitPeriod {
  std::string name;
  std::optional<std::int64_t> parentId;
  std::optional<std::int64_t> headEmployeeId;
  std::string validFrom;
  std::string validTo;
  std::string reason;
};

/// Filters of an org unit list; unset ones do not filter.
struct OrgUnitFilter {
  std::optional<std::int64_t> parentId;
  bool rootsOnly = false;
  std::optional<std::string> type;
  std::optional<std::string> code;
  std::int64_t afterId = 0;
  std::int64_t limit = 50;
};

/// The SQL of org units and their periods. Every read is as of a date.
class OrgUnitStore {
 public:
  explicit OrgUnitStore(Transaction& tx) : tx_(tx) {}

  std::optional<OrgUnit> find(std::int64_t id, const std::string& asOf);
  /// The unit whatever the date: its latest period.
  std::optional<OrgUnit> findLatest(std::int64_t id);
  std::optional<std::int64_t> idOfCode(const std::string& code);
  std::vector<OrgUnit> list(const OrgUnitFilter& filter, const std::string& asOf);
  std::vector<OrgUnitPeriod> periods(std::int64_t id);
  bool typeExists(const std::string& type);

  std::int64_t insert(const std::string& code, const std::string& type,
                      const std::string& openedOn);
  void addPeriod(std::int64_t id, const OrgUnitPeriod& period);
  /// Ends the period `periodId` on `validTo` (exclusive).
  void endPeriod(std::int64_t periodId, const std::string& validTo);
  /// Rewrites the period `periodId` in place (a change on the day the period began).
  void rewritePeriod(std::int64_t periodId, const OrgUnitPeriod& period);
  void markClosed(std::int64_t id, const std::string& closedOn);
  void bumpVersion(std::int64_t id);

  /// The unit and every unit below it on a date, the unit first.
  std::vector<std::int64_t> subtree(std::int64_t id, const std::string& asOf);
  /// The units above a unit on a date, nearest first.
  std::vector<std::int64_t> ancestors(std::int64_t id, const std::string& asOf);
  /// Units whose period starts after `date` (a planned change), for refusal messages.
  std::optional<std::string> plannedChangeAfter(std::int64_t id, const std::string& date);
  /// How many units below `id` hold on or after `date`.
  std::int64_t openChildrenFrom(std::int64_t id, const std::string& date);

 private:
  Transaction& tx_;
};

}  // namespace cadre::territory
