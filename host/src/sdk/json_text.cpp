#include "cadre/json_text.hpp"

#include <sstream>

namespace cadre {

namespace {

template <typename T>
void setOrNull(Poco::JSON::Object& object, const std::string& key, const std::optional<T>& value) {
  if (value)
    object.set(key, *value);
  else
    object.set(key, Poco::Dynamic::Var());
}

}  // namespace

Poco::JSON::Object::Ptr orderedObject() {
  return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

std::string toJson(const Poco::JSON::Object::Ptr& object) {
  std::ostringstream out;
  object->stringify(out);
  return out.str();
}

void setOptional(Poco::JSON::Object& object, const std::string& key,
                 const std::optional<std::int64_t>& value) {
  setOrNull(object, key, value);
}

void setOptional(Poco::JSON::Object& object, const std::string& key,
                 const std::optional<std::string>& value) {
  setOrNull(object, key, value);
}

void setOptional(Poco::JSON::Object& object, const std::string& key,
                 const std::optional<double>& value) {
  setOrNull(object, key, value);
}

}  // namespace cadre
