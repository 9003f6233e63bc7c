#include "requisitions.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "approval_chain.hpp"
#include "cadre/dates.hpp"
#include "change_log.hpp"
#include "requisition_json.hpp"

namespace cadre::recruiting {

namespace {

/// The states a requisition may move to from each state.
const std::map<std::string, std::set<std::string>> kNext = {
    {"draft", {"pending_approval", "cancelled"}},
    {"pending_approval", {"open", "draft", "cancelled"}},
    {"open", {"on_hold", "filled", "cancelled"}},
    {"on_hold", {"open", "cancelled"}},
    {"filled", {}},
    {"cancelled", {}},
};

std::string name(std::int64_t id) {
  return "requisition " + std::to_string(id);
}

/// "open or on_hold": the states `to` is reached from.
std::string reachedFrom(const std::string& to) {
  std::string list;
  for (const auto& [from, next] : kNext) {
    if (next.count(to)) list += (list.empty() ? "" : " or ") + from;
  }
  return list;
}

bool isCurrencyCode(const std::string& code) {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

/// The rules of a draft's own figures, whatever the org says.
void checkFigures(const RequisitionDraft& d, std::vector<FieldError>& errors) {
  if (d.openings < 1 || d.openings > 10000) {
    errors.push_back({"openings", "must be between 1 and 10000"});
  }
  if (d.salaryMin < 0) errors.push_back({"salaryMin", "must not be negative"});
  if (d.salaryMax < d.salaryMin) {
    errors.push_back({"salaryMax", "must not be below salaryMin"});
  }
  if (!isCurrencyCode(d.currency)) {
    errors.push_back({"currency", "must be an ISO 4217 code of three capital letters"});
  }
  if (d.positionId && d.newPositionTitle) {
    errors.push_back({"newPositionTitle", "must not be given with positionId"});
  }
  if (!d.positionId && !d.newPositionTitle) {
    errors.push_back({"positionId", "a position to fill or a newPositionTitle is required"});
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < d.criteria.size(); ++i) {
    const auto field = "criteria[" + std::to_string(i) + "]";
    if (!names.insert(d.criteria[i].name).second) {
      errors.push_back({field + ".name", "names another criterion again"});
    }
    if (!(d.criteria[i].weight > 0)) errors.push_back({field + ".weight", "must be above 0"});
  }
  for (std::size_t i = 0; i < d.approvers.size(); ++i) {
    const auto& a = d.approvers[i];
    const auto field = "approvers[" + std::to_string(i) + "].employeeId";
    if (a.kind == "employee" && !a.employeeId) errors.push_back({field, "is required"});
    if (a.kind == "hr" && a.employeeId) errors.push_back({field, "must not be given for HR"});
  }
}

/// Whether `after` names other criteria or approvers than `before`.
bool changesStandards(const Requisition& before, const Requisition& after) {
  auto sameCriterion = [](const Criterion& a, const Criterion& b) {
    return a.name == b.name && a.description == b.description && a.weight == b.weight;
  };
  auto sameApprover = [](const ApproverSpec& a, const ApproverSpec& b) {
    return a.kind == b.kind && a.employeeId == b.employeeId;
  };
  return !std::equal(before.criteria.begin(), before.criteria.end(), after.criteria.begin(),
                     after.criteria.end(), sameCriterion) ||
         !std::equal(before.approvers.begin(), before.approvers.end(), after.approvers.begin(),
                     after.approvers.end(), sameApprover);
}

}  // namespace

Requisitions::Requisitions(Transaction& tx, territory::OrgDirectory& org, AuditTrail trail,
                           Caller caller)
    : tx_(tx), org_(org), store_(tx), trail_(std::move(trail)), caller_(std::move(caller)) {}

Requisition Requisitions::require(std::int64_t id) {
  return requireFound(store_.find(id), "requisition", id);
}

bool Requisitions::visible(const Requisition& r) {
  if (caller_.hr) return true;
  if (!caller_.employeeId) return false;
  if (caller_.is(r.hiringManagerId)) return true;
  for (const auto& step : store_.steps(r.id)) {
    if (caller_.is(step.approverEmployeeId)) return true;
  }
  return false;
}

void Requisitions::validate(RequisitionDraft& d) {
  std::vector<FieldError> errors;
  checkFigures(d, errors);
  const auto date = today();
  auto unit = org_.findOrgUnit(tx_, d.orgUnitId, date);
  if (!unit)
    errors.push_back(
        {"orgUnitId", "no org unit " + std::to_string(d.orgUnitId) + " is open on " + date});
  if (d.positionId) {
    auto position = org_.findPosition(tx_, *d.positionId, date);
    if (!position) {
      errors.push_back(
          {"positionId", "no position " + std::to_string(*d.positionId) + " is open on " + date});
    } else if (position->orgUnitId != d.orgUnitId) {
      errors.push_back({"positionId", "is in org unit " + std::to_string(position->orgUnitId) +
                                          ", not " + std::to_string(d.orgUnitId)});
    } else if (position->state != "vacant") {
      errors.push_back({"positionId", "is " + position->state + ", not vacant"});
    }
  }
  if (d.territoryId) {
    auto territory = org_.findTerritory(tx_, *d.territoryId);
    if (!territory) {
      errors.push_back({"territoryId", "there is no territory " + std::to_string(*d.territoryId)});
    } else if (territory->modelState == "archived") {
      errors.push_back({"territoryId", "belongs to an archived territory model"});
    }
  }
  if (!d.hiringManagerId && unit) d.hiringManagerId = unit->headEmployeeId;
  if (!d.hiringManagerId) {
    if (unit) {
      errors.push_back({"hiringManagerId", "org unit " + std::to_string(d.orgUnitId) +
                                               " has no head: name the hiring manager"});
    }
  } else if (!org_.findEmployee(tx_, *d.hiringManagerId, date)) {
    errors.push_back(
        {"hiringManagerId", "there is no employee " + std::to_string(*d.hiringManagerId)});
  }
  for (std::size_t i = 0; i < d.approvers.size(); ++i) {
    const auto& a = d.approvers[i];
    if (a.employeeId && !org_.findEmployee(tx_, *a.employeeId, date)) {
      errors.push_back({"approvers[" + std::to_string(i) + "].employeeId",
                        "there is no employee " + std::to_string(*a.employeeId)});
    }
  }
  if (errors.empty()) return;
  std::string detail = errors.size() == 1 ? "field '" + errors[0].field + "' " + errors[0].message
                                          : std::to_string(errors.size()) + " fields are invalid";
  throw HttpError::unprocessable(detail, errors);
}

void Requisitions::moveTo(Requisition& r, const std::string& to) {
  if (!kNext.at(r.state).count(to)) {
    throw HttpError::unprocessable(
        name(r.id) + " cannot go from " + r.state + " to " + to,
        {{"state", "is " + r.state + "; " + to + " is reached from " + reachedFrom(to)}});
  }
  r.state = to;
}

Requisition Requisitions::save(const Requisition& before, const Requisition& after,
                               const std::string& what) {
  store_.update(after);
  // Only an edit of a draft changes the standards. Rewriting them on every change gave the
  // criteria new ids under the scorecards that rate them: a hire after scorecards failed on
  // their foreign key.
  if (changesStandards(before, after)) store_.replaceStandards(after);
  auto saved = require(after.id);
  ChangeLog(tx_, trail_)
      .record("requisition", what, saved.id, requisitionJson(before), requisitionJson(saved));
  return saved;
}

Requisition Requisitions::create(const RequisitionDraft& draft) {
  Requisition r;
  static_cast<RequisitionDraft&>(r) = draft;
  validate(r);
  r.state = "draft";
  r.createdAt = nowTimestamp();
  r.createdBy = caller_.username;
  auto id = store_.insert(r);
  auto created = require(id);
  ChangeLog(tx_, trail_).record("requisition", "created", id, nullptr, requisitionJson(created));
  return created;
}

Requisition Requisitions::edit(std::int64_t id, const RequisitionEdit& e) {
  auto before = require(id);
  if (before.state != "draft") {
    throw HttpError::unprocessable(name(id) + " is " + before.state +
                                       ": only a draft is changed, so that what was "
                                       "approved stays what was approved",
                                   {{"state", "is " + before.state}});
  }
  auto after = before;
  if (e.title) after.title = *e.title;
  if (e.orgUnitId) after.orgUnitId = *e.orgUnitId;
  if (e.positionId) after.positionId = *e.positionId;
  if (e.newPositionTitle) after.newPositionTitle = *e.newPositionTitle;
  if (e.territoryId) after.territoryId = *e.territoryId;
  if (e.hiringManagerId) after.hiringManagerId = *e.hiringManagerId;
  // A new org unit without a named hiring manager brings its own head.
  if (e.orgUnitId && !e.hiringManagerId) after.hiringManagerId.reset();
  if (e.openings) after.openings = *e.openings;
  if (e.employmentType) after.employmentType = *e.employmentType;
  if (e.salaryMin) after.salaryMin = *e.salaryMin;
  if (e.salaryMax) after.salaryMax = *e.salaryMax;
  if (e.currency) after.currency = *e.currency;
  if (e.wantedStartDate) after.wantedStartDate = *e.wantedStartDate;
  if (e.description) after.description = *e.description;
  if (e.criteria) after.criteria = *e.criteria;
  if (e.approvers) after.approvers = *e.approvers;
  validate(after);
  return save(before, after, "updated");
}

HeadcountCheck Requisitions::headcount(const Requisition& r) {
  HeadcountCheck check;
  check.room = org_.headcountRoom(tx_, r.orgUnitId, r.wantedStartDate);
  check.committed = store_.committedOpenings(r.orgUnitId, r.id);
  check.requested = r.openings - r.filled;
  check.beyondPlan = check.room && check.committed + check.requested > check.room->room;
  return check;
}

Requisition Requisitions::submit(std::int64_t id,
                                 const std::optional<std::string>& overrideReason) {
  auto before = require(id);
  auto after = before;
  moveTo(after, "pending_approval");
  validate(after);
  if (after.criteria.empty()) {
    throw HttpError::unprocessable(
        name(id) + " has no hiring standards: add the criteria candidates are measured against",
        {{"criteria", "at least one criterion is required to submit"}});
  }
  auto check = headcount(after);
  if (check.beyondPlan) {
    const auto& room = *check.room;
    const auto figures = "org unit " + std::to_string(after.orgUnitId) + " plans " +
                         std::to_string(room.plannedPositions) + " people and has " +
                         std::to_string(room.headcount) + " on " + after.wantedStartDate +
                         "; its other requisitions still fill " + std::to_string(check.committed) +
                         " and this one asks for " + std::to_string(check.requested);
    if (!overrideReason) {
      throw HttpError::unprocessable(
          figures + ": beyond the headcount plan only with an HR override",
          {{"headcountOverride", "required: the requisition is beyond the headcount plan"}});
    }
    if (!caller_.hr) {
      throw HttpError::forbidden("only HR may override the headcount plan");
    }
    HeadcountOverride grant;
    grant.requisitionId = id;
    grant.orgUnitId = after.orgUnitId;
    grant.planId = room.planId;
    grant.plannedPositions = room.plannedPositions;
    grant.headcount = room.headcount;
    grant.committedOpenings = check.committed;
    grant.requestedOpenings = check.requested;
    grant.reason = *overrideReason;
    grant.grantedBy = caller_.username;
    grant.grantedAt = nowTimestamp();
    grant.id = store_.insertOverride(grant);
    ChangeLog(tx_, trail_)
        .record("requisition", "headcount-overridden", id, nullptr, headcountOverrideJson(grant));
  }
  after.approvalRound = before.approvalRound + 1;
  after.submittedAt = nowTimestamp();
  after.stateReason.reset();
  for (const auto& step : ApprovalChain(tx_, org_).stepsFor(after, after.approvalRound)) {
    store_.insertStep(step);
  }
  return save(before, after, "submitted");
}

ApprovalStep Requisitions::waitingStep(const Requisition& r) {
  if (r.state != "pending_approval") {
    throw HttpError::unprocessable(name(r.id) + " is " + r.state + ", not pending approval",
                                   {{"state", "is " + r.state}});
  }
  auto step = ApprovalChain::waiting(store_.steps(r.id), r.approvalRound);
  if (!step) throw HttpError::unprocessable(name(r.id) + " has no step waiting for a decision");
  if (!ApprovalChain::isApprover(caller_, *step)) {
    throw HttpError::forbidden("step " + std::to_string(step->order) + " of " + name(r.id) +
                               " waits for " + ApprovalChain::describeApprover(*step));
  }
  return *step;
}

Requisition Requisitions::approve(std::int64_t id, const std::optional<std::string>& comment) {
  auto before = require(id);
  auto step = waitingStep(before);
  step.decision = "approved";
  step.comment = comment;
  step.decidedAt = nowTimestamp();
  step.decidedBy = caller_.username;
  store_.decide(step);
  auto after = before;
  bool last = !ApprovalChain::waiting(store_.steps(id), before.approvalRound);
  if (last) {
    moveTo(after, "open");
    if (!after.openedAt) after.openedAt = step.decidedAt;
  }
  auto saved = save(before, after, "approved");
  if (last) {
    ChangeLog(tx_, trail_).record("requisition", "opened", id, nullptr, requisitionJson(saved));
  }
  return saved;
}

Requisition Requisitions::reject(std::int64_t id, const std::string& comment) {
  auto before = require(id);
  auto step = waitingStep(before);
  step.decision = "rejected";
  step.comment = comment;
  step.decidedAt = nowTimestamp();
  step.decidedBy = caller_.username;
  store_.decide(step);
  // The rejection ends the round: nobody after this step is asked any more.
  for (auto later : store_.steps(id)) {
    if (later.round != before.approvalRound || later.decision != "pending") continue;
    later.decision = "skipped";
    store_.decide(later);
  }
  auto after = before;
  moveTo(after, "draft");
  after.stateReason = comment;
  return save(before, after, "rejected");
}

Requisition Requisitions::hold(std::int64_t id, const std::string& reason) {
  auto before = require(id);
  auto after = before;
  moveTo(after, "on_hold");
  after.stateReason = reason;
  return save(before, after, "held");
}

Requisition Requisitions::reopen(std::int64_t id) {
  auto before = require(id);
  auto after = before;
  moveTo(after, "open");
  after.stateReason.reset();
  return save(before, after, "reopened");
}

Requisition Requisitions::cancel(std::int64_t id, const std::string& reason) {
  auto before = require(id);
  auto after = before;
  moveTo(after, "cancelled");
  after.stateReason = reason;
  after.cancelledAt = nowTimestamp();
  return save(before, after, "cancelled");
}

Requisition Requisitions::recordHire(std::int64_t id) {
  auto before = require(id);
  if (before.state != "open") {
    throw HttpError::unprocessable(
        name(id) + " is " + before.state + "; only an open requisition is filled by a hire",
        {{"state", "is " + before.state}});
  }
  auto after = before;
  ++after.filled;
  if (after.filled < after.openings) return save(before, after, "hire-recorded");
  moveTo(after, "filled");
  after.filledAt = nowTimestamp();
  after.timeToFillDays = daysBetween(after.openedAt.value_or(after.createdAt), *after.filledAt);
  return save(before, after, "filled");
}

}  // namespace cadre::recruiting
