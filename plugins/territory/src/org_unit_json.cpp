#include "org_unit_json.hpp"

#include "cadre/json_text.hpp"

namespace cadre::territory {

Poco::JSON::Object::Ptr unitJson(const OrgUnit& unit) {
  auto out = orderedObject();
  out->set("id", unit.id);
  out->set("code", unit.code);
  out->set("name", unit.name);
  out->set("type", unit.type);
  setOptional(*out, "parentId", unit.parentId);
  setOptional(*out, "headEmployeeId", unit.headEmployeeId);
  out->set("openedOn", unit.openedOn);
  setOptional(*out, "closedOn", unit.closedOn);
  out->set("validFrom", unit.periodFrom);
  out->set("validTo", unit.periodTo);
  out->set("version", unit.version);
  return out;
}

}  // namespace cadre::territory
