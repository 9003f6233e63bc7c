#include "hiring.hpp"

#include "cadre/dates.hpp"
#include "cadre/http.hpp"
#include "cadre/json_text.hpp"
#include "hiring_store.hpp"
#include "offer_json.hpp"
#include "offer_store.hpp"

namespace cadre::recruiting {

namespace {

Poco::JSON::Object::Ptr countJson(const RequisitionSeat& seat) {
  auto out = orderedObject();
  out->set("id", seat.id);
  out->set("openings", seat.openings);
  out->set("filled", seat.filled);
  out->set("state", seat.state);
  setOptional(*out, "filledAt", seat.filledAt);
  setOptional(*out, "timeToFillDays", seat.timeToFillDays);
  out->set("version", seat.version);
  return out;
}

Poco::JSON::Object::Ptr hireJson(const Hire& hire) {
  auto out = orderedObject();
  out->set("applicationId", hire.applicationId);
  out->set("employeeId", hire.employeeId);
  out->set("requisitionId", hire.requisitionId);
  out->set("startDate", hire.startDate);
  out->set("positionId", hire.positionId);
  out->set("orgUnitId", hire.orgUnitId);
  setOptional(*out, "managerEmployeeId", hire.managerEmployeeId);
  setOptional(*out, "territoryId", hire.territoryId);
  out->set("candidateId", hire.candidateId);
  out->set("offerId", hire.offerId);
  return out;
}

/// The requisition after counting one more hire: filled when it was the last opening.
RequisitionSeat counted(RequisitionSeat seat) {
  seat.filled += 1;
  if (seat.filled == seat.openings) {
    seat.state = "filled";
    seat.filledAt = nowTimestamp();
    if (seat.openedAt) seat.timeToFillDays = daysBetween(*seat.openedAt, *seat.filledAt);
  }
  return seat;
}

}  // namespace

Hire Hiring::hire(const ApplicationFacts& application, const HireDetails& details) {
  requireActive(application);
  OfferStore offers(tx_);
  auto offer = offers.liveOf(application.id);
  if (!offer || offer->state != "accepted") {
    throw HttpError::unprocessable(
        "application " + std::to_string(application.id) + " has no accepted offer" +
            (offer ? " (offer " + std::to_string(offer->id) + " is " + offer->state + ")" : ""),
        {{"applicationId", "no accepted offer"}});
  }
  auto email = details.email.value_or(application.candidateEmail.value_or(""));
  if (email.empty()) {
    throw HttpError::unprocessable("the candidate has no email address; give the new employee's",
                                   {{"email", "required: the candidate has none"}});
  }
  HiringStore store(tx_);
  auto before = *store.requisition(application.requisitionId);
  if (before.state != "open") {
    throw HttpError::unprocessable(
        "requisition " + std::to_string(before.id) + " is " + before.state + ", not open",
        {{"applicationId", "requisition " + before.state}});
  }
  auto after = counted(before);
  if (!store.countHire(after)) {
    throw HttpError::conflict("requisition " + std::to_string(before.id) +
                              " changed while hiring; try again");
  }
  after.version = before.version + 1;
  log_.record("requisition", after.state == "filled" ? "filled" : "opening-filled", before.id,
              countJson(before), countJson(after));

  // A requisition for a new position opens one per hire, budgeted at the offered salary.
  std::int64_t positionId =
      before.positionId
          ? *before.positionId
          : org_.openPosition(tx_, before.orgUnitId, before.newPositionTitle.value_or(before.title),
                              offer->salary, offer->startDate, actor_)
                .id;
  territory::NewEmployee person{
      details.employeeNumber.value_or("REC-" + std::to_string(application.id)),
      application.candidateGivenName,
      application.candidateFamilyName,
      email,
      details.phone.value_or(application.candidatePhone.value_or("")),
      "",
      "",
      details.userId};
  territory::Placement placement{positionId,
                                 std::nullopt,
                                 details.managerEmployeeId.value_or(before.hiringManagerId),
                                 details.employmentType.value_or(before.employmentType),
                                 offer->startDate,
                                 "hire"};
  std::optional<territory::TerritorySeat> seat;
  if (before.territoryId) {
    seat = territory::TerritorySeat{*before.territoryId, details.seatRole, details.splitPercent};
  }
  auto employee = org_.hire(tx_, person, placement, seat, actor_);

  store.markHired(application.id, offer->id, employee.id);
  log_.record("offer", "hired", offer->id, offerJson(*offer), offerJson(*offers.find(offer->id)));
  auto applicationBefore = orderedObject();
  applicationBefore->set("id", application.id);
  applicationBefore->set("stage", application.stageCode);
  auto applicationAfter = orderedObject();
  applicationAfter->set("id", application.id);
  applicationAfter->set("stage", store.enterHiredStage(application.id, actor_));
  applicationAfter->set("hiredEmployeeId", employee.id);
  log_.record("application", "hired", application.id, applicationBefore, applicationAfter);

  Hire hire;
  hire.employeeId = employee.id;
  hire.applicationId = application.id;
  hire.candidateId = application.candidateId;
  hire.offerId = offer->id;
  hire.requisitionId = before.id;
  hire.positionId = positionId;
  hire.orgUnitId = employee.orgUnitId.value_or(before.orgUnitId);
  hire.managerEmployeeId = employee.managerId;
  hire.territoryId = before.territoryId;
  hire.startDate = offer->startDate;
  hire.requisitionOpenings = after.openings;
  hire.requisitionFilled = after.filled;
  hire.requisitionState = after.state;
  // Onboarding begins in the handlers of this event, inside this transaction.
  log_.record("hire", "completed", application.id, nullptr, hireJson(hire));
  return hire;
}

}  // namespace cadre::recruiting
