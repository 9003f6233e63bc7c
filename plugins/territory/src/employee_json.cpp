#include "employee_json.hpp"

#include <Poco/JSONString.h>

#include "cadre/json_text.hpp"

namespace cadre::territory {
namespace {

/// Writes `"key":value` pairs the way Poco's compact stringify does (same string escaping).
class EmployeeJsonWriter {
 public:
  void text(const char* key, const std::string& value) {
    name(key);
    out_ += Poco::toJSON(value, Poco::JSON_WRAP_STRINGS);
  }
  void number(const char* key, std::int64_t value) {
    name(key);
    out_ += std::to_string(value);
  }
  void number(const char* key, const std::optional<std::int64_t>& value) {
    name(key);
    out_ += value ? std::to_string(*value) : "null";
  }
  void text(const char* key, const std::optional<std::string>& value) {
    if (value) return text(key, *value);
    name(key);
    out_ += "null";
  }
  std::string finish() { return out_ + "}"; }

 private:
  void name(const char* key) {
    out_ += out_.empty() ? "{\"" : ",\"";
    out_ += key;
    out_ += "\":";
  }
  std::string out_;
};

}  // namespace

std::string employeeJsonText(const EmployeeRecord& e) {
  EmployeeJsonWriter out;
  out.number("id", e.id);
  out.text("employeeNumber", e.employeeNumber);
  out.text("givenName", e.givenName);
  out.text("familyName", e.familyName);
  out.text("email", e.email);
  out.text("phone", e.phone);
  out.text("status", e.status);
  out.number("managerId", e.managerId);
  out.number("orgUnitId", e.orgUnitId);
  out.number("positionId", e.positionId);
  out.number("version", e.version);
  out.text("employmentType", e.employmentType);
  out.text("hireDate", e.hireDate);
  out.text("terminationDate", e.terminationDate);
  out.text("directoryId", e.directoryId);
  out.text("directoryDn", e.directoryDn);
  out.number("userId", e.userId);
  return out.finish();
}

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
