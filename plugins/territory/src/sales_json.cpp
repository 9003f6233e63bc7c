#include "sales_json.hpp"

#include <cmath>
#include <cstdio>

#include <Poco/JSON/Array.h>

#include "cadre/json_text.hpp"

namespace cadre::territory {

namespace {

Poco::JSON::Array::Ptr textArray(const std::vector<std::string>& values) {
  Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
  for (const auto& v : values) out->add(v);
  return out;
}

void setSide(Poco::JSON::Object& object, const std::string& key, const std::optional<Territory>& t,
             const std::optional<std::string>& parentCode) {
  if (!t) {
    object.set(key, Poco::Dynamic::Var());
    return;
  }
  auto out = orderedObject();
  out->set("territoryId", t->id);
  out->set("name", t->name);
  out->set("type", t->type);
  setOptional(*out, "parentCode", parentCode);
  object.set(key, out);
}

}  // namespace

Poco::JSON::Object::Ptr modelJson(const TerritoryModel& m) {
  auto out = orderedObject();
  out->set("id", m.id);
  out->set("name", m.name);
  out->set("state", m.state);
  setOptional(*out, "basedOnId", m.basedOnId);
  setOptional(*out, "activatedOn", m.activatedOn);
  setOptional(*out, "archivedOn", m.archivedOn);
  out->set("version", m.version);
  return out;
}

Poco::JSON::Object::Ptr territoryJson(const Territory& t) {
  auto out = orderedObject();
  out->set("id", t.id);
  out->set("modelId", t.modelId);
  out->set("code", t.code);
  out->set("name", t.name);
  out->set("type", t.type);
  setOptional(*out, "parentId", t.parentId);
  out->set("version", t.version);
  return out;
}

Poco::JSON::Object::Ptr accountJson(const Account& a,
                                    const std::optional<AccountAssignment>& assignment,
                                    const std::optional<Territory>& territory) {
  auto out = orderedObject();
  out->set("id", a.id);
  out->set("name", a.name);
  out->set("region", a.region);
  out->set("postalCode", a.postalCode);
  out->set("industry", a.industry);
  out->set("size", a.size);
  out->set("status", a.status);
  setOptional(*out, "externalId", a.externalId);
  out->set("potential", a.potential);
  out->set("version", a.version);
  if (assignment)
    out->set("territory", assignmentJson(*assignment, territory));
  else
    out->set("territory", Poco::Dynamic::Var());
  return out;
}

Poco::JSON::Object::Ptr assignmentJson(const AccountAssignment& a,
                                       const std::optional<Territory>& territory) {
  auto out = orderedObject();
  out->set("assignmentId", a.id);
  out->set("accountId", a.accountId);
  out->set("territoryId", a.territoryId);
  setOptional(*out, "code", territory ? std::optional<std::string>(territory->code) : std::nullopt);
  setOptional(*out, "name", territory ? std::optional<std::string>(territory->name) : std::nullopt);
  setOptional(*out, "modelId",
              territory ? std::optional<std::int64_t>(territory->modelId) : std::nullopt);
  out->set("cause", a.cause);
  setOptional(*out, "ruleId", a.ruleId);
  out->set("validFrom", a.validFrom);
  out->set("validTo", a.validTo);
  return out;
}

Poco::JSON::Object::Ptr ruleJson(const AssignmentRule& r) {
  auto out = orderedObject();
  out->set("id", r.id);
  out->set("modelId", r.modelId);
  out->set("territoryId", r.territoryId);
  out->set("priority", r.priority);
  setOptional(*out, "region", r.region);
  setOptional(*out, "postalPrefix", r.postalPrefix);
  setOptional(*out, "industry", r.industry);
  setOptional(*out, "size", r.size);
  out->set("version", r.version);
  return out;
}

Poco::JSON::Object::Ptr seatJson(const RepSeat& s, const std::optional<Territory>& territory) {
  auto out = orderedObject();
  out->set("id", s.id);
  out->set("territoryId", s.territoryId);
  setOptional(*out, "territoryCode",
              territory ? std::optional<std::string>(territory->code) : std::nullopt);
  setOptional(*out, "modelId",
              territory ? std::optional<std::int64_t>(territory->modelId) : std::nullopt);
  out->set("employeeId", s.employeeId);
  out->set("role", s.role);
  out->set("splitPercent", s.splitPercent);
  out->set("validFrom", s.validFrom);
  out->set("validTo", s.validTo);
  return out;
}

Poco::JSON::Object::Ptr moveJson(const RuleMove& m) {
  auto out = orderedObject();
  out->set("accountId", m.accountId);
  out->set("accountName", m.accountName);
  setOptional(*out, "fromTerritoryId", m.fromTerritoryId);
  setOptional(*out, "fromCause", m.fromCause);
  setOptional(*out, "fromRuleId", m.fromRuleId);
  setOptional(*out, "toTerritoryId", m.toTerritoryId);
  setOptional(*out, "ruleId", m.ruleId);
  return out;
}

Poco::JSON::Object::Ptr comparisonJson(const ModelComparison& c) {
  auto out = orderedObject();
  out->set("modelId", c.model.id);
  out->set("withModelId", c.base.id);
  out->set("asOf", c.asOf);
  Poco::JSON::Array::Ptr territories = new Poco::JSON::Array;
  for (const auto& d : c.territories) {
    auto item = orderedObject();
    item->set("code", d.code);
    item->set("changes", textArray(d.changes));
    setSide(*item, "before", d.before, d.beforeParentCode);
    setSide(*item, "after", d.after, d.afterParentCode);
    territories->add(item);
  }
  out->set("territories", territories);
  Poco::JSON::Array::Ptr accounts = new Poco::JSON::Array;
  for (const auto& m : c.accounts) {
    auto item = orderedObject();
    item->set("accountId", m.accountId);
    item->set("accountName", m.accountName);
    setOptional(*item, "fromCode", m.fromCode);
    setOptional(*item, "toCode", m.toCode);
    accounts->add(item);
  }
  out->set("accounts", accounts);
  Poco::JSON::Array::Ptr reps = new Poco::JSON::Array;
  for (const auto& r : c.reps) {
    auto item = orderedObject();
    item->set("employeeId", r.employeeId);
    item->set("fromCodes", textArray(r.fromCodes));
    item->set("toCodes", textArray(r.toCodes));
    reps->add(item);
  }
  out->set("reps", reps);
  return out;
}

Poco::JSON::Object::Ptr coverageJson(const Coverage& c) {
  auto out = orderedObject();
  out->set("reps", c.reps);
  out->set("accounts", c.accounts);
  out->set("prospects", c.prospects);
  out->set("activeCustomers", c.activeCustomers);
  out->set("potential", c.potential);
  return out;
}

Poco::JSON::Object::Ptr spreadJson(const Spread& s) {
  auto out = orderedObject();
  out->set("min", s.min);
  out->set("max", s.max);
  out->set("mean", s.mean);
  out->set("stddev", s.stddev);
  if (s.maxMinRatio)
    out->set("maxMinRatio", *s.maxMinRatio);
  else
    out->set("maxMinRatio", Poco::Dynamic::Var());
  return out;
}

std::string csvNumber(double value) {
  if (std::floor(value) == value && std::fabs(value) < 1e15)
    return std::to_string(static_cast<long long>(value));
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

}  // namespace cadre::territory
