#include "json_text.hpp"

#include <sstream>

namespace cadre::territory {

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
  if (value)
    object.set(key, *value);
  else
    object.set(key, Poco::Dynamic::Var());
}

void setOptional(Poco::JSON::Object& object, const std::string& key,
                 const std::optional<std::string>& value) {
  if (value)
    object.set(key, *value);
  else
    object.set(key, Poco::Dynamic::Var());
}

}  // namespace cadre::territory
