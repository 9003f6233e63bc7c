#include "onboarding_hire.hpp"

#include <stdexcept>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "cadre/json_fields.hpp"

namespace cadre::recruiting {

namespace {

std::optional<std::int64_t> optionalId(const Poco::JSON::Object::Ptr& object,
                                       const std::string& name) {
  if (!object->has(name) || object->isNull(name)) return std::nullopt;
  auto value = object->get(name);
  if (!value.isInteger()) {
    throw std::invalid_argument("the hire event's " + name + " is not an id");
  }
  return value.convert<std::int64_t>();
}

}  // namespace

HireFacts hireFactsFrom(const std::string& payloadJson) {
  Poco::JSON::Object::Ptr object;
  try {
    object = Poco::JSON::Parser().parse(payloadJson).extract<Poco::JSON::Object::Ptr>();
  } catch (const std::exception& e) {
    throw std::invalid_argument(std::string("the hire event's payload is not a JSON object: ") +
                                e.what());
  }
  HireFacts hire;
  auto employee = optionalId(object, "employeeId");
  if (!employee) throw std::invalid_argument("the hire event names no employeeId");
  hire.employeeId = *employee;
  hire.startDate = object->optValue<std::string>("startDate", "");
  if (!isIsoDate(hire.startDate)) {
    throw std::invalid_argument("the hire event's startDate '" + hire.startDate +
                                "' is not a date YYYY-MM-DD");
  }
  hire.applicationId = optionalId(object, "applicationId");
  hire.requisitionId = optionalId(object, "requisitionId");
  hire.positionId = optionalId(object, "positionId");
  hire.orgUnitId = optionalId(object, "orgUnitId");
  hire.managerEmployeeId = optionalId(object, "managerEmployeeId");
  hire.mentorEmployeeId = optionalId(object, "mentorEmployeeId");
  return hire;
}

}  // namespace cadre::recruiting
