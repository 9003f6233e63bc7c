#include "requisition_json.hpp"

#include <sstream>

#include <Poco/JSON/Array.h>

#include "cadre/json_text.hpp"

namespace cadre::recruiting {

namespace {

std::string number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::string optionalText(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : "";
}

Poco::JSON::Array::Ptr criteriaJson(const std::vector<Criterion>& criteria) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& c : criteria) {
    auto item = orderedObject();
    item->set("id", c.id);
    item->set("name", c.name);
    item->set("description", c.description);
    item->set("weight", c.weight);
    items->add(item);
  }
  return items;
}

Poco::JSON::Array::Ptr approversJson(const std::vector<ApproverSpec>& approvers) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& a : approvers) {
    auto item = orderedObject();
    item->set("kind", a.kind);
    setOptional(*item, "employeeId", a.employeeId);
    items->add(item);
  }
  return items;
}

}  // namespace

Poco::JSON::Object::Ptr requisitionJson(const Requisition& r) {
  auto out = orderedObject();
  out->set("id", r.id);
  out->set("title", r.title);
  out->set("orgUnitId", r.orgUnitId);
  setOptional(*out, "positionId", r.positionId);
  setOptional(*out, "newPositionTitle", r.newPositionTitle);
  setOptional(*out, "territoryId", r.territoryId);
  setOptional(*out, "hiringManagerId", r.hiringManagerId);
  out->set("openings", r.openings);
  out->set("filled", r.filled);
  out->set("employmentType", r.employmentType);
  out->set("salaryMin", r.salaryMin);
  out->set("salaryMax", r.salaryMax);
  out->set("currency", r.currency);
  out->set("wantedStartDate", r.wantedStartDate);
  out->set("description", r.description);
  out->set("state", r.state);
  setOptional(*out, "stateReason", r.stateReason);
  out->set("criteria", criteriaJson(r.criteria));
  out->set("approvers", approversJson(r.approvers));
  out->set("approvalRound", r.approvalRound);
  out->set("createdAt", r.createdAt);
  out->set("createdBy", r.createdBy);
  setOptional(*out, "submittedAt", r.submittedAt);
  setOptional(*out, "openedAt", r.openedAt);
  setOptional(*out, "filledAt", r.filledAt);
  setOptional(*out, "cancelledAt", r.cancelledAt);
  setOptional(*out, "timeToFillDays", r.timeToFillDays);
  out->set("version", r.version);
  return out;
}

Poco::JSON::Object::Ptr approvalStepJson(const ApprovalStep& s) {
  auto out = orderedObject();
  out->set("id", s.id);
  out->set("round", s.round);
  out->set("order", s.order);
  out->set("approverRole", s.approverRole);
  setOptional(*out, "approverEmployeeId", s.approverEmployeeId);
  out->set("decision", s.decision);
  setOptional(*out, "comment", s.comment);
  setOptional(*out, "decidedAt", s.decidedAt);
  setOptional(*out, "decidedBy", s.decidedBy);
  return out;
}

Poco::JSON::Object::Ptr headcountOverrideJson(const HeadcountOverride& o) {
  auto out = orderedObject();
  out->set("id", o.id);
  out->set("orgUnitId", o.orgUnitId);
  setOptional(*out, "planId", o.planId);
  setOptional(*out, "plannedPositions", o.plannedPositions);
  setOptional(*out, "headcount", o.headcount);
  out->set("committedOpenings", o.committedOpenings);
  out->set("requestedOpenings", o.requestedOpenings);
  out->set("reason", o.reason);
  out->set("grantedBy", o.grantedBy);
  out->set("grantedAt", o.grantedAt);
  return out;
}

std::vector<std::string> requisitionCsvHeader() {
  return {"id",
          "title",
          "orgUnitId",
          "positionId",
          "territoryId",
          "hiringManagerId",
          "openings",
          "filled",
          "state",
          "salaryMin",
          "salaryMax",
          "currency",
          "wantedStartDate",
          "openedAt",
          "filledAt",
          "timeToFillDays"};
}

std::vector<std::string> requisitionCsvRow(const Requisition& r) {
  return {std::to_string(r.id),
          r.title,
          std::to_string(r.orgUnitId),
          optionalText(r.positionId),
          optionalText(r.territoryId),
          optionalText(r.hiringManagerId),
          std::to_string(r.openings),
          std::to_string(r.filled),
          r.state,
          number(r.salaryMin),
          number(r.salaryMax),
          r.currency,
          r.wantedStartDate,
          r.openedAt.value_or(""),
          r.filledAt.value_or(""),
          optionalText(r.timeToFillDays)};
}

}  // namespace cadre::recruiting
