#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

namespace cadre::territory {

/// A JSON object whose keys keep the order they were set in.
Poco::JSON::Object::Ptr orderedObject();
/// The compact JSON text of an object (for the audit log and event payloads).
std::string toJson(const Poco::JSON::Object::Ptr& object);
/// Sets `key` to the value, or to null when there is none.
void setOptional(Poco::JSON::Object& object, const std::string& key,
                 const std::optional<std::int64_t>& value);
void setOptional(Poco::JSON::Object& object, const std::string& key,
                 const std::optional<std::string>& value);

}  // namespace cadre::territory
