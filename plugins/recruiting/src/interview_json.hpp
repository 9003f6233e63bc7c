#pragma once

#include <vector>

#include <Poco/JSON/Object.h>

#include "interview.hpp"

namespace cadre::recruiting {

/// The JSON form of an interview for the audit log and events (ids only).
Poco::JSON::Object::Ptr interviewJson(const Interview& interview);

/// The double bookings of a write, as answered with it.
Poco::JSON::Array::Ptr doubleBookingsJson(const std::vector<DoubleBooking>& bookings);

}  // namespace cadre::recruiting
