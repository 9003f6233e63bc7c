#pragma once

#include <Poco/JSON/Object.h>

#include "offer.hpp"

namespace cadre::recruiting {

/// An offer for the API, the audit log and events.
Poco::JSON::Object::Ptr offerJson(const Offer& offer);

}  // namespace cadre::recruiting
