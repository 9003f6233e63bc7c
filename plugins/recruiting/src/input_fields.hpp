#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "cadre/json_fields.hpp"

namespace cadre::recruiting {

/// Body fields the recruiting routes share; each problem goes to `in`, named.

/// A required positive id.
std::int64_t requiredId(JsonFields& in, const std::string& name);
/// A positive id when present.
std::optional<std::int64_t> optionalId(JsonFields& in, const std::string& name);
/// A text that must not be empty when present (1..maxLength characters).
std::optional<std::string> nonEmptyText(JsonFields& in, const std::string& name,
                                        std::size_t maxLength);
/// A nullable text field of a PATCH: unset (outer nullopt), null (to clear: inner nullopt) or a
/// text of 1..maxLength characters.
std::optional<std::optional<std::string>> nullableText(JsonFields& in,
                                                       const Poco::JSON::Object::Ptr& body,
                                                       const std::string& name,
                                                       std::size_t maxLength);

}  // namespace cadre::recruiting
