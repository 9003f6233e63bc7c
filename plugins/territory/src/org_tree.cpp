#include "org_tree.hpp"

#include <algorithm>

#include "cadre/http.hpp"
#include "cadre/territory/org_directory.hpp"

namespace cadre::territory {

namespace {

std::string unitName(std::int64_t id) {
  return "org unit " + std::to_string(id);
}

}  // namespace

OrgUnit OrgTree::requireOpen(std::int64_t id, const std::string& date, const std::string& role) {
  auto unit = units_.find(id, date);
  if (unit) return *unit;
  if (!units_.findLatest(id)) throw HttpError::notFound("there is no " + unitName(id));
  throw HttpError::unprocessable(role + " " + unitName(id) + " is not open on " + date,
                                 {{role == "parent" ? "parentId" : "id", "not open on " + date}});
}

void OrgTree::checkParent(std::int64_t id, std::int64_t parentId, const std::string& date) {
  if (parentId == id) {
    throw HttpError::unprocessable("an org unit cannot be its own parent",
                                   {{"parentId", "is the unit itself"}});
  }
  requireOpen(parentId, date, "parent");
  auto below = units_.subtree(id, date);
  if (std::find(below.begin(), below.end(), parentId) != below.end()) {
    throw HttpError::unprocessable("moving " + unitName(id) + " under " + unitName(parentId) +
                                       " would make a cycle: " + unitName(parentId) +
                                       " is below it on " + date,
                                   {{"parentId", "is below the unit being moved"}});
  }
}

void OrgTree::checkHead(const std::optional<std::int64_t>& head) {
  if (!head) return;
  if (!tx_.queryOne("SELECT 1 FROM territory_employees WHERE id = ?", {*head})) {
    throw HttpError::unprocessable("there is no employee " + std::to_string(*head),
                                   {{"headEmployeeId", "no such employee"}});
  }
}

OrgUnit OrgTree::create(const OrgUnitDraft& draft) {
  if (!units_.typeExists(draft.type)) {
    throw HttpError::unprocessable("there is no org unit type '" + draft.type + "'",
                                   {{"type", "unknown org unit type"}});
  }
  if (units_.idOfCode(draft.code)) {
    throw HttpError::conflict("an org unit with code '" + draft.code + "' exists");
  }
  if (draft.parentId) requireOpen(*draft.parentId, draft.effectiveDate, "parent");
  checkHead(draft.headEmployeeId);
  auto id = units_.insert(draft.code, draft.type, draft.effectiveDate);
  units_.addPeriod(id, {draft.name, draft.parentId, draft.headEmployeeId, draft.effectiveDate,
                        kOpenEnd, "created"});
  return *units_.find(id, draft.effectiveDate);
}

OrgUnit OrgTree::change(std::int64_t id, const OrgUnitChange& change) {
  const auto& date = change.effectiveDate;
  auto current = requireOpen(id, date, "the");
  if (auto planned = units_.plannedChangeAfter(id, date)) {
    throw HttpError::unprocessable(unitName(id) + " has a change planned on " + *planned +
                                       "; a change must be dated on or after it",
                                   {{"effectiveDate", "before the planned change of " + *planned}});
  }
  OrgUnitPeriod next{current.name, current.parentId, current.headEmployeeId,
                     date,         current.periodTo, change.reason};
  if (change.name) next.name = *change.name;
  if (change.parentId) {
    next.parentId = *change.parentId;
    if (next.parentId) checkParent(id, *next.parentId, date);
  }
  if (change.headEmployeeId) {
    next.headEmployeeId = *change.headEmployeeId;
    checkHead(next.headEmployeeId);
  }
  if (current.periodFrom == date) {
    units_.rewritePeriod(current.periodId, next);
  } else {
    units_.endPeriod(current.periodId, date);
    units_.addPeriod(id, next);
  }
  units_.bumpVersion(id);
  return *units_.find(id, date);
}

OrgUnit OrgTree::close(std::int64_t id, const std::string& effectiveDate) {
  auto current = requireOpen(id, effectiveDate, "the");
  if (units_.plannedChangeAfter(id, effectiveDate)) {
    throw HttpError::unprocessable(unitName(id) + " has a change planned after " + effectiveDate,
                                   {{"effectiveDate", "before a planned change"}});
  }
  if (units_.openChildrenFrom(id, effectiveDate) > 0) {
    throw HttpError::unprocessable(
        unitName(id) + " still has units below it on " + effectiveDate + "; move or close them",
        {{"id", "has sub-units"}});
  }
  auto people = tx_.queryOne(
      "SELECT COUNT(*) FROM territory_assignments WHERE org_unit_id = ? AND valid_to > ?",
      {id, effectiveDate});
  if (people && people->getInt(0) > 0) {
    throw HttpError::unprocessable(unitName(id) + " still has " + people->getString(0) +
                                       " assignment(s) on or after " + effectiveDate,
                                   {{"id", "has people assigned"}});
  }
  auto seats = tx_.queryOne(
      "SELECT COUNT(*) FROM territory_positions WHERE org_unit_id = ? AND (closed_on IS NULL OR "
      "closed_on > ?)",
      {id, effectiveDate});
  if (seats && seats->getInt(0) > 0) {
    throw HttpError::unprocessable(
        unitName(id) + " still has " + seats->getString(0) + " open position(s)",
        {{"id", "has open positions"}});
  }
  // A unit closed on the day its period began keeps that period, empty, as its last state.
  units_.endPeriod(current.periodId, effectiveDate);
  units_.markClosed(id, effectiveDate);
  return *units_.findLatest(id);
}

}  // namespace cadre::territory
