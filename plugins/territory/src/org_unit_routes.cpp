// HTTP for org units: parse and validate, then OrgTree and OrgUnitStore do the work.
#include <Poco/JSON/Array.h>

#include "access.hpp"
#include "cadre/audit_trail.hpp"
#include "cadre/dates.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "cadre/pagination.hpp"
#include "org_tree.hpp"
#include "org_unit_json.hpp"
#include "route_support.hpp"
#include "routes.hpp"

namespace cadre::territory {

namespace {

const Permission kOrgUnitWriters = hrWriters();

class OrgUnitRoutes {
 public:
  explicit OrgUnitRoutes(PluginContext& context) : context_(context) {}

  void list(const Request& request, Response& response) {
    auto asOf = asOfDate(request);
    bool csv = wantsCsv(request);
    auto page = PageRequest::from(request, 100, 1000);
    OrgUnitFilter filter;
    filter.parentId = queryId(request, "parentId");
    filter.rootsOnly = request.queryParam("roots") == std::optional<std::string>("true");
    filter.type = request.queryParam("type");
    filter.code = request.queryParam("code");
    filter.afterId = page.after.empty() ? 0 : std::stoll(page.after);
    filter.limit = csv ? 1000000 : static_cast<std::int64_t>(page.limit) + 1;
    auto units = context_.database().inTransaction(
        [&](Transaction& tx) { return OrgUnitStore(tx).list(filter, asOf); }, TxMode::Read);
    if (csv) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& u : units) {
        rows.push_back({std::to_string(u.id), u.code, u.name, u.type,
                        u.parentId ? std::to_string(*u.parentId) : "",
                        u.headEmployeeId ? std::to_string(*u.headEmployeeId) : ""});
      }
      response.csv({"id", "code", "name", "type", "parentId", "headEmployeeId"}, rows,
                   "org-units-" + asOf + ".csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    std::optional<std::string> next;
    for (std::size_t i = 0; i < units.size() && i < page.limit; ++i) items->add(unitJson(units[i]));
    if (units.size() > page.limit) next = encodeCursor(std::to_string(units[page.limit - 1].id));
    response.page(items, next);
  }

  void read(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto asOf = asOfDate(request);
    auto unit = context_.database().inTransaction(
        [&](Transaction& tx) {
          OrgUnitStore store(tx);
          auto found = store.find(id, asOf);
          if (!found && store.findLatest(id)) {
            throw HttpError::notFound("org unit " + std::to_string(id) + " was not open on " +
                                      asOf);
          }
          if (!found) throw HttpError::notFound("there is no org unit " + std::to_string(id));
          return *found;
        },
        TxMode::Read);
    auto body = unitJson(unit);
    Poco::JSON::Array::Ptr path = new Poco::JSON::Array;
    context_.database().inTransaction(
        [&](Transaction& tx) {
          for (auto ancestor : OrgUnitStore(tx).ancestors(id, asOf)) path->add(ancestor);
        },
        TxMode::Read);
    body->set("ancestorIds", path);
    response.etag(unit.version);
    response.json(body);
  }

  void history(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto periods = context_.database().inTransaction(
        [&](Transaction& tx) {
          OrgUnitStore store(tx);
          if (!store.findLatest(id)) {
            throw HttpError::notFound("there is no org unit " + std::to_string(id));
          }
          return store.periods(id);
        },
        TxMode::Read);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& p : periods) {
      auto item = orderedObject();
      item->set("name", p.name);
      setOptional(*item, "parentId", p.parentId);
      setOptional(*item, "headEmployeeId", p.headEmployeeId);
      item->set("validFrom", p.validFrom);
      item->set("validTo", p.validTo);
      item->set("reason", p.reason);
      items->add(item);
    }
    auto body = orderedObject();
    body->set("orgUnitId", id);
    body->set("periods", items);
    response.json(body);
  }

  void create(const Request& request, Response& response) {
    auto body = request.jsonObject();
    JsonFields in(body);
    OrgUnitDraft draft;
    draft.code = in.requiredString("code", 1, 64);
    draft.name = in.requiredString("name", 1, 200);
    draft.type = in.requiredString("type", 1, 64);
    draft.parentId = in.optionalInt("parentId");
    draft.headEmployeeId = in.optionalInt("headEmployeeId");
    draft.effectiveDate = in.optionalDate("effectiveDate").value_or(today());
    in.finish();
    auto unit = context_.database().inTransaction([&](Transaction& tx) {
      auto created = OrgTree(tx).create(draft);
      auto after = toJson(unitJson(created));
      tx.publish("territory.org-unit.created", after);
      context_.audit().record(
          tx, request,
          {"territory.org-unit.create", "org_unit", std::to_string(created.id), "", after});
      return created;
    });
    response.etag(unit.version);
    response.json(unitJson(unit), 201);
  }

  void change(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto body = request.jsonObject();
    JsonFields in(body);
    OrgUnitChange change;
    change.name = in.optionalString("name", 200);
    change.parentId = nullableId(in, body, "parentId");
    change.headEmployeeId = nullableId(in, body, "headEmployeeId");
    change.effectiveDate = in.optionalDate("effectiveDate").value_or(today());
    change.reason = in.optionalEnum("reason", {"rename", "move", "head", "reorganization"})
                        .value_or(change.parentId ? "move"
                                  : change.name   ? "rename"
                                                  : "head");
    if (change.name && change.name->empty()) in.addError("name", "must not be empty");
    if (!change.name && !change.parentId && !change.headEmployeeId) {
      in.addError("name", "give at least one of name, parentId, headEmployeeId");
    }
    in.finish();
    auto unit = context_.database().inTransaction([&](Transaction& tx) {
      OrgUnitStore store(tx);
      auto latest = store.findLatest(id);
      if (!latest) throw HttpError::notFound("there is no org unit " + std::to_string(id));
      request.requireVersion(latest->version);
      auto before = store.find(id, change.effectiveDate);
      auto changed = OrgTree(tx).change(id, change);
      auto after = toJson(unitJson(changed));
      tx.publish("territory.org-unit.changed", after);
      context_.audit().record(tx, request,
                              {"territory.org-unit." + change.reason, "org_unit",
                               std::to_string(id), before ? toJson(unitJson(*before)) : "", after});
      return changed;
    });
    response.etag(unit.version);
    response.json(unitJson(unit));
  }

  void close(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto date = in.requiredDate("effectiveDate");
    in.finish();
    auto unit = context_.database().inTransaction([&](Transaction& tx) {
      OrgUnitStore store(tx);
      auto latest = store.findLatest(id);
      if (!latest) throw HttpError::notFound("there is no org unit " + std::to_string(id));
      request.requireVersion(latest->version);
      auto closed = OrgTree(tx).close(id, date);
      auto after = toJson(unitJson(closed));
      tx.publish("territory.org-unit.closed", after);
      context_.audit().record(tx, request,
                              {"territory.org-unit.close", "org_unit", std::to_string(id),
                               toJson(unitJson(*latest)), after});
      return closed;
    });
    response.etag(unit.version);
    response.json(unitJson(unit));
  }

  void types(const Request&, Response& response) {
    auto rows = context_.database().inTransaction(
        [&](Transaction& tx) {
          return tx.query(
              "SELECT code, name, rank FROM territory_org_unit_types ORDER BY rank, code");
        },
        TxMode::Read);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& row : rows) {
      auto item = orderedObject();
      item->set("code", row.getString(0));
      item->set("name", row.getString(1));
      item->set("rank", row.getInt(2));
      items->add(item);
    }
    response.page(items, std::nullopt);
  }

  void addType(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    auto code = in.requiredString("code", 1, 64);
    auto name = in.requiredString("name", 1, 200);
    auto rank = in.requiredInt("rank");
    in.finish();
    context_.database().inTransaction([&](Transaction& tx) {
      if (tx.queryOne("SELECT 1 FROM territory_org_unit_types WHERE code = ?", {code})) {
        throw HttpError::conflict("org unit type '" + code + "' exists");
      }
      tx.execute("INSERT INTO territory_org_unit_types (code, name, rank) VALUES (?, ?, ?)",
                 {code, name, rank});
      auto after = orderedObject();
      after->set("code", code);
      after->set("name", name);
      after->set("rank", rank);
      context_.audit().record(
          tx, request,
          {"territory.org-unit-type.create", "org_unit_type", code, "", toJson(after)});
    });
    auto body = orderedObject();
    body->set("code", code);
    body->set("name", name);
    body->set("rank", rank);
    response.json(body, 201);
  }

 private:
  PluginContext& context_;
};

}  // namespace

void addOrgUnitRoutes(PluginContext& context) {
  auto routes = std::make_shared<OrgUnitRoutes>(context);
  auto bind = [routes](void (OrgUnitRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string base = "/api/v1/territory/org-units";
  auto readers = Permission::authenticated();
  context.addRoute({"GET", "/api/v1/territory/org-unit-types", readers, bind(&OrgUnitRoutes::types),
                    "List org unit types"});
  context.addRoute({"POST", "/api/v1/territory/org-unit-types", kOrgUnitWriters,
                    bind(&OrgUnitRoutes::addType), "Add an org unit type"});
  context.addRoute({"GET", base, readers, bind(&OrgUnitRoutes::list),
                    "List org units as of a date (parentId, roots, type, code; CSV)"});
  context.addRoute(
      {"POST", base, kOrgUnitWriters, bind(&OrgUnitRoutes::create), "Create an org unit"});
  context.addRoute({"GET", base + "/{id}", readers, bind(&OrgUnitRoutes::read),
                    "Read an org unit as of a date"});
  context.addRoute({"PATCH", base + "/{id}", kOrgUnitWriters, bind(&OrgUnitRoutes::change),
                    "Rename, move or change the head of an org unit from a date on"});
  context.addRoute({"POST", base + "/{id}/close", kOrgUnitWriters, bind(&OrgUnitRoutes::close),
                    "Close an org unit from a date on"});
  context.addRoute({"GET", base + "/{id}/history", readers, bind(&OrgUnitRoutes::history),
                    "The periods of an org unit's name, parent and head"});
}

}  // namespace cadre::territory
