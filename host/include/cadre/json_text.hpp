#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "cadre/export.hpp"

namespace cadre {

/// A JSON object whose keys keep the order they were set in (answers read the way they are built).
CADRE_SDK_API Poco::JSON::Object::Ptr orderedObject();
/// The compact JSON text of an object (for the audit log and event payloads).
CADRE_SDK_API std::string toJson(const Poco::JSON::Object::Ptr& object);
/// Sets `key` to the value, or to null when there is none.
CADRE_SDK_API void setOptional(Poco::JSON::Object& object, const std::string& key,
                               const std::optional<std::int64_t>& value);
CADRE_SDK_API void setOptional(Poco::JSON::Object& object, const std::string& key,
                               const std::optional<std::string>& value);
CADRE_SDK_API void setOptional(Poco::JSON::Object& object, const std::string& key,
                               const std::optional<double>& value);

}  // namespace cadre
