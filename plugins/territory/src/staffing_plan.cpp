#include "staffing_plan.hpp"

#include "cadre/dates.hpp"
#include "cadre/http.hpp"
#include "employee_store.hpp"
#include "org_unit_store.hpp"

namespace cadre::territory {

namespace {

std::string positionName(std::int64_t id) {
  return "position " + std::to_string(id);
}

void checkFigures(double fte, double cost) {
  if (!(fte > 0 && fte <= 1.0)) {
    throw HttpError::unprocessable("FTE must be above 0 and at most 1",
                                   {{"fte", "must be above 0 and at most 1"}});
  }
  if (!(cost >= 0)) {
    throw HttpError::unprocessable("a budgeted cost cannot be negative",
                                   {{"budgetedCost", "must not be negative"}});
  }
}

}  // namespace

Position StaffingPlan::require(std::int64_t id) {
  auto position = positions_.findAny(id, today());
  if (!position) throw HttpError::notFound("there is no " + positionName(id));
  return *position;
}

Position StaffingPlan::open(const Position& draft) {
  if (!OrgUnitStore(tx_).find(draft.orgUnitId, draft.openedOn)) {
    throw HttpError::unprocessable(
        "org unit " + std::to_string(draft.orgUnitId) + " is not open on " + draft.openedOn,
        {{"orgUnitId", "not open on " + draft.openedOn}});
  }
  checkFigures(draft.fte, draft.budgetedCost);
  auto id = positions_.insert(draft);
  return *positions_.findAny(id, draft.openedOn);
}

Position StaffingPlan::edit(std::int64_t id, const PositionEdit& edit) {
  auto position = require(id);
  if (position.closedOn) {
    throw HttpError::unprocessable(positionName(id) + " is closed", {{"id", "closed"}});
  }
  if (edit.title) position.title = *edit.title;
  if (edit.fte) position.fte = *edit.fte;
  if (edit.budgetedCost) position.budgetedCost = *edit.budgetedCost;
  checkFigures(position.fte, position.budgetedCost);
  if (edit.frozen) {
    if (*edit.frozen && !position.frozen) {
      if (auto holder = EmployeeStore(tx_).positionHolderFrom(id, today(), 0)) {
        throw HttpError::unprocessable(positionName(id) + " is held by employee " +
                                           std::to_string(*holder) +
                                           "; only a vacant position "
                                           "can be frozen",
                                       {{"frozen", "the position is filled"}});
      }
    }
    position.frozen = *edit.frozen;
  }
  positions_.update(position);
  return *positions_.findAny(id, today());
}

Position StaffingPlan::close(std::int64_t id, const std::string& effectiveDate) {
  auto position = require(id);
  if (position.closedOn) {
    throw HttpError::unprocessable(positionName(id) + " is closed since " + *position.closedOn,
                                   {{"id", "closed"}});
  }
  if (effectiveDate <= position.openedOn) {
    throw HttpError::unprocessable(positionName(id) + " opened on " + position.openedOn,
                                   {{"effectiveDate", "must be after the opening date"}});
  }
  if (auto holder = EmployeeStore(tx_).positionHolderFrom(id, effectiveDate, 0)) {
    throw HttpError::unprocessable(positionName(id) + " is held by employee " +
                                       std::to_string(*holder) + " on or after " + effectiveDate,
                                   {{"effectiveDate", "the position is filled then"}});
  }
  positions_.close(id, effectiveDate);
  return *positions_.findAny(id, effectiveDate);
}

void StaffingPlan::checkPlan(const HeadcountPlan& plan) {
  if (plan.periodEnd < plan.periodStart) {
    throw HttpError::unprocessable("a plan cannot end before it starts",
                                   {{"periodEnd", "before periodStart"}});
  }
  if (plan.plannedPositions < 0 || plan.plannedBudget < 0) {
    throw HttpError::unprocessable(
        "planned figures cannot be negative",
        {{plan.plannedPositions < 0 ? "plannedPositions" : "plannedBudget",
          "must not be negative"}});
  }
  if (!OrgUnitStore(tx_).findLatest(plan.orgUnitId)) {
    throw HttpError::unprocessable("there is no org unit " + std::to_string(plan.orgUnitId),
                                   {{"orgUnitId", "no such org unit"}});
  }
  if (positions_.planOverlaps(plan.orgUnitId, plan.periodStart, plan.periodEnd, plan.id)) {
    throw HttpError::conflict("org unit " + std::to_string(plan.orgUnitId) +
                              " already has a plan overlapping " + plan.periodStart + ".." +
                              plan.periodEnd);
  }
}

HeadcountPlan StaffingPlan::createPlan(const HeadcountPlan& plan) {
  checkPlan(plan);
  return *positions_.findPlan(positions_.insertPlan(plan));
}

HeadcountPlan StaffingPlan::editPlan(const HeadcountPlan& plan) {
  checkPlan(plan);
  positions_.updatePlan(plan);
  return *positions_.findPlan(plan.id);
}

PlanVersusActual StaffingPlan::compare(std::int64_t planId,
                                       const std::optional<std::string>& asOf) {
  auto plan = positions_.findPlan(planId);
  if (!plan) throw HttpError::notFound("there is no headcount plan " + std::to_string(planId));
  auto date = asOf.value_or(std::min(today(), plan->periodEnd));
  return {*plan, date, positions_.actuals(plan->orgUnitId, date)};
}

}  // namespace cadre::territory
