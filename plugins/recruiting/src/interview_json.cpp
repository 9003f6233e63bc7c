#include "interview_json.hpp"

#include <Poco/JSON/Array.h>

#include "cadre/json_text.hpp"

namespace cadre::recruiting {

Poco::JSON::Object::Ptr interviewJson(const Interview& interview) {
  auto out = orderedObject();
  out->set("id", interview.id);
  out->set("applicationId", interview.applicationId);
  out->set("startsAt", interview.startsAt);
  out->set("endsAt", interview.endsAt);
  setOptional(*out, "location", interview.location);
  setOptional(*out, "meetingLink", interview.meetingLink);
  Poco::JSON::Array::Ptr interviewers = new Poco::JSON::Array;
  for (auto id : interview.interviewerIds) interviewers->add(id);
  out->set("interviewerIds", interviewers);
  out->set("state", interview.state);
  out->set("icsUid", interview.icsUid);
  out->set("icsSequence", interview.icsSequence);
  out->set("createdAt", interview.createdAt);
  out->set("createdBy", interview.createdBy);
  out->set("version", interview.version);
  return out;
}

Poco::JSON::Array::Ptr doubleBookingsJson(const std::vector<DoubleBooking>& bookings) {
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& booking : bookings) {
    auto item = orderedObject();
    item->set("interviewerId", booking.interviewerId);
    item->set("interviewId", booking.interviewId);
    item->set("startsAt", booking.startsAt);
    item->set("endsAt", booking.endsAt);
    out->add(item);
  }
  return out;
}

}  // namespace cadre::recruiting
