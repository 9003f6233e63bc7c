#pragma once

#include <Poco/JSON/Object.h>

#include "cadre/json_fields.hpp"
#include "requisitions.hpp"

namespace cadre::recruiting {

/// Reads a new requisition from a request body; problems (types, lengths, enums) go to `in`.
RequisitionDraft readDraft(JsonFields& in);
/// Reads the fields of a PATCH; absent ones stay unset, null clears the nullable ones.
RequisitionEdit readEdit(JsonFields& in, const Poco::JSON::Object::Ptr& body);

}  // namespace cadre::recruiting
