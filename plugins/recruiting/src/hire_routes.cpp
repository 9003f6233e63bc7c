// HTTP for the hire: HR hires the candidate of an application with an accepted offer, in one
// transaction with the territory plugin's employee; the answer names the new employee.
#include "application_access.hpp"
#include "cadre/audit_trail.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "hiring.hpp"
#include "routes.hpp"

namespace cadre::recruiting {

namespace {

const std::set<std::string> kEmploymentTypes = {"full_time", "part_time", "contractor", "intern",
                                                "temporary"};

HireDetails detailsIn(const Request& request) {
  JsonFields in(request.body.empty() ? Poco::JSON::Object::Ptr(new Poco::JSON::Object)
                                     : request.jsonObject());
  HireDetails details;
  details.employeeNumber = in.optionalString("employeeNumber", 50);
  if (details.employeeNumber && details.employeeNumber->empty()) {
    in.addError("employeeNumber", "must not be empty");
  }
  details.email = in.optionalString("email", 254);
  if (details.email && details.email->find('@') == std::string::npos) {
    in.addError("email", "not an email address");
  }
  details.phone = in.optionalString("phone", 50);
  details.managerEmployeeId = in.optionalInt("managerEmployeeId");
  details.userId = in.optionalInt("userId");
  details.employmentType = in.optionalEnum("employmentType", kEmploymentTypes);
  details.seatRole = in.optionalEnum("seatRole", {"owner", "rep", "overlay"}).value_or("rep");
  details.splitPercent = in.optionalDouble("splitPercent").value_or(100.0);
  in.finish();
  return details;
}

Poco::JSON::Object::Ptr hireAnswer(const Hire& hire) {
  auto out = orderedObject();
  out->set("employeeId", hire.employeeId);
  out->set("applicationId", hire.applicationId);
  out->set("candidateId", hire.candidateId);
  out->set("offerId", hire.offerId);
  out->set("positionId", hire.positionId);
  out->set("orgUnitId", hire.orgUnitId);
  setOptional(*out, "managerEmployeeId", hire.managerEmployeeId);
  setOptional(*out, "territoryId", hire.territoryId);
  out->set("startDate", hire.startDate);
  auto requisition = orderedObject();
  requisition->set("id", hire.requisitionId);
  requisition->set("openings", hire.requisitionOpenings);
  requisition->set("filled", hire.requisitionFilled);
  requisition->set("state", hire.requisitionState);
  out->set("requisition", requisition);
  return out;
}

}  // namespace

void registerHireRoutes(const RouteContext& context) {
  auto org = context.org;
  PluginContext* plugin = &context.plugin;
  Handler hire = [org, plugin](const Request& request, Response& response) {
    auto applicationId = request.idParam("id");
    auto details = detailsIn(request);
    auto made = plugin->database().inTransaction([&](Transaction& tx) {
      auto caller = callerOf(tx, *org, request);
      auto application = managedApplication(tx, caller, applicationId);
      checkVersionIfGiven(request, application.version);
      return Hiring(tx, *org, requestTrail(plugin->audit(), request), caller)
          .hire(application, details);
    });
    response.headers["Location"] = "/api/v1/territory/employees/" + std::to_string(made.employeeId);
    response.json(hireAnswer(made), 201);
  };
  context.plugin.addRoute({"POST", "/api/v1/recruiting/applications/{id}/hire", hrRunners(), hire,
                           "Hire the candidate of an application with an accepted offer: the "
                           "employee, position, manager and territory in one transaction",
                           true});
}

}  // namespace cadre::recruiting
