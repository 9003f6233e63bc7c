#include "hiring.hpp"

#include "cadre/http.hpp"
#include "cadre/json_text.hpp"
#include "offer_json.hpp"
#include "offer_store.hpp"
#include "pipeline.hpp"
#include "requisitions.hpp"

namespace cadre::recruiting {

namespace {

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
  // The requisition first: a hire for a requisition that is not open goes no further.
  auto requisition = Requisitions(tx_, org_, trail_, caller_).recordHire(application.requisitionId);
  const auto& actor = caller_.username;

  // A requisition for a new position opens one per hire, budgeted at the offered salary.
  std::int64_t positionId =
      requisition.positionId
          ? *requisition.positionId
          : org_.openPosition(tx_, requisition.orgUnitId,
                              requisition.newPositionTitle.value_or(requisition.title),
                              offer->salary, offer->startDate, actor)
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
  territory::Placement placement{
      positionId,
      std::nullopt,
      details.managerEmployeeId ? details.managerEmployeeId : requisition.hiringManagerId,
      details.employmentType.value_or(requisition.employmentType),
      offer->startDate,
      "hire"};
  std::optional<territory::TerritorySeat> seat;
  if (requisition.territoryId) {
    seat =
        territory::TerritorySeat{*requisition.territoryId, details.seatRole, details.splitPercent};
  }
  auto employee = org_.hire(tx_, person, placement, seat, actor);

  offers.markHired(offer->id, employee.id);
  log_.record("offer", "hired", offer->id, offerJson(*offer), offerJson(*offers.find(offer->id)));
  Pipeline(tx_, trail_, caller_).hire(application.id, employee.id, "hired");

  Hire hire;
  hire.employeeId = employee.id;
  hire.applicationId = application.id;
  hire.candidateId = application.candidateId;
  hire.offerId = offer->id;
  hire.requisitionId = requisition.id;
  hire.positionId = positionId;
  hire.orgUnitId = employee.orgUnitId.value_or(requisition.orgUnitId);
  hire.managerEmployeeId = employee.managerId;
  hire.territoryId = requisition.territoryId;
  hire.startDate = offer->startDate;
  hire.requisitionOpenings = requisition.openings;
  hire.requisitionFilled = requisition.filled;
  hire.requisitionState = requisition.state;
  // Onboarding begins in the handlers of this event, inside this transaction.
  log_.record("hire", "completed", application.id, nullptr, hireJson(hire));
  return hire;
}

}  // namespace cadre::recruiting
