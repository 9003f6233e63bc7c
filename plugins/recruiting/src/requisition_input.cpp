#include "requisition_input.hpp"

#include "cadre/handler_support.hpp"

namespace cadre::recruiting {

namespace {

const std::set<std::string> kEmploymentTypes{"full_time", "part_time", "contractor", "intern",
                                             "temporary"};

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

std::vector<Criterion> readCriteria(JsonFields& in) {
  std::vector<Criterion> criteria;
  for (auto& item : in.optionalObjects("criteria", 50)) {
    Criterion c;
    c.name = item.requiredString("name", 1, 200);
    c.description = item.optionalString("description", 2000).value_or("");
    c.weight = item.optionalDouble("weight").value_or(1.0);
    in.absorb(item);
    criteria.push_back(c);
  }
  return criteria;
}

std::vector<ApproverSpec> readApprovers(JsonFields& in) {
  std::vector<ApproverSpec> approvers;
  for (auto& item : in.optionalObjects("approvers", 20)) {
    ApproverSpec a;
    a.kind = item.optionalEnum("kind", {"employee", "hr"}).value_or("employee");
    a.employeeId = optionalId(item, "employeeId");
    in.absorb(item);
    approvers.push_back(a);
  }
  return approvers;
}

/// A nullable text field: unset, null (clear) or a text of 1..max characters.
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

}  // namespace

RequisitionDraft readDraft(JsonFields& in) {
  RequisitionDraft d;
  d.title = in.requiredString("title", 1, 200);
  d.orgUnitId = requiredId(in, "orgUnitId");
  d.positionId = optionalId(in, "positionId");
  d.newPositionTitle = in.optionalString("newPositionTitle", 200);
  d.territoryId = optionalId(in, "territoryId");
  d.hiringManagerId = optionalId(in, "hiringManagerId");
  d.openings = in.optionalInt("openings").value_or(1);
  d.employmentType = in.optionalEnum("employmentType", kEmploymentTypes).value_or("full_time");
  d.salaryMin = in.requiredDouble("salaryMin");
  d.salaryMax = in.requiredDouble("salaryMax");
  d.currency = in.requiredString("currency", 1, 3);
  d.wantedStartDate = in.requiredDate("wantedStartDate");
  d.description = in.optionalString("description", 10000).value_or("");
  d.criteria = readCriteria(in);
  d.approvers = readApprovers(in);
  return d;
}

RequisitionEdit readEdit(JsonFields& in, const Poco::JSON::Object::Ptr& body) {
  RequisitionEdit e;
  e.title = in.optionalString("title", 200);
  if (e.title && e.title->empty()) in.addError("title", "must not be empty");
  e.orgUnitId = optionalId(in, "orgUnitId");
  e.positionId = nullableId(in, body, "positionId");
  e.newPositionTitle = nullableText(in, body, "newPositionTitle", 200);
  e.territoryId = nullableId(in, body, "territoryId");
  e.hiringManagerId = optionalId(in, "hiringManagerId");
  e.openings = in.optionalInt("openings");
  e.employmentType = in.optionalEnum("employmentType", kEmploymentTypes);
  e.salaryMin = in.optionalDouble("salaryMin");
  e.salaryMax = in.optionalDouble("salaryMax");
  e.currency = in.optionalString("currency", 3);
  e.wantedStartDate = in.optionalDate("wantedStartDate");
  e.description = in.optionalString("description", 10000);
  if (in.has("criteria")) e.criteria = readCriteria(in);
  if (in.has("approvers")) e.approvers = readApprovers(in);
  return e;
}

}  // namespace cadre::recruiting
