#include "employee_json.hpp"

#include "cadre/json_text.hpp"

namespace cadre::territory {

Poco::JSON::Object::Ptr publicEmployeeJson(const EmployeeRecord& e) {
  auto out = orderedObject();
  out->set("id", e.id);
  out->set("employeeNumber", e.employeeNumber);
  out->set("givenName", e.givenName);
  out->set("familyName", e.familyName);
  out->set("email", e.email);
  out->set("phone", e.phone);
  out->set("status", e.status);
  setOptional(*out, "managerId", e.managerId);
  setOptional(*out, "orgUnitId", e.orgUnitId);
  setOptional(*out, "positionId", e.positionId);
  out->set("version", e.version);
  return out;
}

Poco::JSON::Object::Ptr employeeJson(const EmployeeRecord& e) {
  auto out = publicEmployeeJson(e);
  out->set("employmentType", e.employmentType);
  out->set("hireDate", e.hireDate);
  setOptional(*out, "terminationDate", e.terminationDate);
  out->set("directoryId", e.directoryId);
  out->set("directoryDn", e.directoryDn);
  setOptional(*out, "userId", e.userId);
  return out;
}

Poco::JSON::Object::Ptr assignmentJson(const Assignment& a) {
  auto out = orderedObject();
  out->set("id", a.id);
  setOptional(*out, "positionId", a.positionId);
  out->set("orgUnitId", a.orgUnitId);
  setOptional(*out, "managerId", a.managerId);
  out->set("employmentType", a.employmentType);
  out->set("reason", a.reason);
  out->set("validFrom", a.validFrom);
  out->set("validTo", a.validTo);
  out->set("recordedAt", a.recordedAt);
  out->set("recordedBy", a.recordedBy);
  return out;
}

Poco::JSON::Object::Ptr statusJson(const StatusChange& change) {
  auto out = orderedObject();
  out->set("status", change.status);
  out->set("effectiveOn", change.effectiveOn);
  out->set("reason", change.reason);
  out->set("recordedAt", change.recordedAt);
  out->set("recordedBy", change.recordedBy);
  return out;
}

}  // namespace cadre::territory
