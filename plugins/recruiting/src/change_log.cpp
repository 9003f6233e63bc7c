#include "change_log.hpp"

#include "cadre/json_text.hpp"

namespace cadre::recruiting {

void ChangeLog::record(const std::string& type, const std::string& what, std::int64_t id,
                       const Poco::JSON::Object::Ptr& before,
                       const Poco::JSON::Object::Ptr& after) {
  const std::string name = "recruiting." + type + "." + what;
  const std::string afterJson = after ? toJson(after) : "";
  trail_(tx_, {name, type, std::to_string(id), before ? toJson(before) : "", afterJson});
  tx_.publish(name, afterJson);
}

}  // namespace cadre::recruiting
