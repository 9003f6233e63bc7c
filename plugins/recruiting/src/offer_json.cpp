#include "offer_json.hpp"

#include "cadre/json_text.hpp"

namespace cadre::recruiting {

Poco::JSON::Object::Ptr offerJson(const Offer& offer) {
  auto out = orderedObject();
  out->set("id", offer.id);
  out->set("applicationId", offer.applicationId);
  out->set("salary", offer.salary);
  out->set("currency", offer.currency);
  out->set("startDate", offer.startDate);
  out->set("terms", offer.terms);
  out->set("expiresOn", offer.expiresOn);
  out->set("state", offer.state);
  out->set("outsideBand", offer.outsideBand);
  setOptional(*out, "approvalState", offer.approvalState);
  setOptional(*out, "approvedBy", offer.approvedBy);
  setOptional(*out, "approvedAt", offer.approvedAt);
  setOptional(*out, "approvalComment", offer.approvalComment);
  setOptional(*out, "extendedAt", offer.extendedAt);
  setOptional(*out, "decidedAt", offer.decidedAt);
  setOptional(*out, "hiredEmployeeId", offer.hiredEmployeeId);
  out->set("createdAt", offer.createdAt);
  out->set("createdBy", offer.createdBy);
  out->set("version", offer.version);
  return out;
}

}  // namespace cadre::recruiting
