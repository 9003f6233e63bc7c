#include "input_fields.hpp"

namespace cadre::recruiting {

std::int64_t requiredId(JsonFields& in, const std::string& name) {
  auto before = in.errors().size();
  auto id = in.requiredInt(name);
  if (in.errors().size() == before && id <= 0) in.addError(name, "must be a positive id");
  return id;
}

std::optional<std::int64_t> optionalId(JsonFields& in, const std::string& name) {
  auto id = in.optionalInt(name);
  if (id && *id <= 0) in.addError(name, "must be a positive id");
  return id;
}

std::optional<std::string> nonEmptyText(JsonFields& in, const std::string& name,
                                        std::size_t maxLength) {
  auto text = in.optionalString(name, maxLength);
  if (text && text->empty()) in.addError(name, "must not be empty");
  return text;
}

std::optional<std::optional<std::string>> nullableText(JsonFields& in,
                                                       const Poco::JSON::Object::Ptr& body,
                                                       const std::string& name,
                                                       std::size_t maxLength) {
  if (!in.has(name)) return std::nullopt;
  auto text = in.optionalString(name, maxLength);
  if (body->isNull(name)) return std::optional<std::string>();
  if (text && text->empty()) in.addError(name, "must not be empty");
  return text;
}

}  // namespace cadre::recruiting
