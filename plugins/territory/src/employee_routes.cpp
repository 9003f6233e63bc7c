// HTTP for employees: parse and validate, check what the caller may see, then Workforce and
// EmployeeStore do the work.
#include <algorithm>

#include <Poco/JSON/Array.h>

#include "access.hpp"
#include "cadre/audit_trail.hpp"
#include "cadre/dates.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "cadre/pagination.hpp"
#include "employee_json.hpp"
#include "route_support.hpp"
#include "routes.hpp"
#include "vocabulary.hpp"
#include "workforce.hpp"

namespace cadre::territory {

namespace {

const Permission kEmployeeWriters = hrWriters();
const std::set<std::string> kMoveReasons{"transfer", "promotion", "reorganization"};

void checkEmail(JsonFields& in, const std::optional<std::string>& email) {
  if (!email || email->empty()) return;
  auto at = email->find('@');
  if (at == std::string::npos || at == 0 || at + 1 == email->size() ||
      email->find_first_of(" \t\r\n,;<>") != std::string::npos) {
    in.addError("email", "is not an email address");
  }
}

std::string csvId(const std::optional<std::int64_t>& id) {
  return id ? std::to_string(*id) : "";
}

/// An employee's assignments and statuses as one timeline, in date order.
std::vector<std::vector<std::string>> historyRows(EmployeeStore& store, std::int64_t id) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : store.assignments(id)) {
    rows.push_back({a.validFrom, a.validTo, "assignment", a.reason, std::to_string(a.orgUnitId),
                    csvId(a.positionId), csvId(a.managerId), a.employmentType, ""});
  }
  for (const auto& c : store.statusChanges(id)) {
    rows.push_back({c.effectiveOn, "", "status", c.reason, "", "", "", "", c.status});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a[0] < b[0]; });
  return rows;
}

class EmployeeRoutes {
 public:
  explicit EmployeeRoutes(PluginContext& context) : context_(context) {}

  void list(const Request& request, Response& response) {
    auto asOf = asOfDate(request);
    bool csv = wantsCsv(request);
    auto page = PageRequest::from(request, 50, 500);
    EmployeeFilter filter;
    filter.employeeNumber = request.queryParam("employeeNumber");
    filter.orgUnitId = queryId(request, "orgUnitId");
    filter.subtree = request.queryParam("subtree") == std::optional<std::string>("true");
    filter.managerId = queryId(request, "managerId");
    filter.status = request.queryParam("status");
    filter.nameStartsWith = request.queryParam("q");
    if (filter.status && !kEmployeeStatuses.count(*filter.status)) {
      throw HttpError::badRequest("status must be active, on_leave, suspended or terminated",
                                  {{"status", "unknown status"}});
    }
    filter.afterId = page.after.empty() ? 0 : std::stoll(page.after);
    filter.limit = csv ? 1000000 : static_cast<std::int64_t>(page.limit) + 1;
    const auto& user = request.requireUser();
    std::vector<EmployeeRecord> people;
    std::vector<bool> full;
    context_.database().inTransaction(
        [&](Transaction& tx) {
          Viewer viewer(tx, user);
          people = EmployeeStore(tx).list(filter, asOf);
          for (const auto& e : people) full.push_back(viewer.seesAll(e.id));
        },
        TxMode::Read);
    if (csv) {
      std::vector<std::vector<std::string>> rows;
      for (std::size_t i = 0; i < people.size(); ++i) {
        const auto& e = people[i];
        rows.push_back({std::to_string(e.id), e.employeeNumber, e.givenName, e.familyName, e.email,
                        e.phone, e.status, csvId(e.orgUnitId), csvId(e.positionId),
                        csvId(e.managerId), full[i] ? e.hireDate : ""});
      }
      response.csv({"id", "employeeNumber", "givenName", "familyName", "email", "phone", "status",
                    "orgUnitId", "positionId", "managerId", "hireDate"},
                   rows, "employees-" + asOf + ".csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    std::optional<std::string> next;
    for (std::size_t i = 0; i < people.size() && i < page.limit; ++i) {
      items->add(full[i] ? employeeJson(people[i]) : publicEmployeeJson(people[i]));
    }
    if (people.size() > page.limit) next = encodeCursor(std::to_string(people[page.limit - 1].id));
    response.page(items, next);
  }

  void read(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto asOf = asOfDate(request);
    bool full = false;
    auto employee = context_.database().inTransaction(
        [&](Transaction& tx) {
          full = Viewer(tx, request.requireUser()).seesAll(id);
          return requireEmployee(tx, id, asOf);
        },
        TxMode::Read);
    response.etag(employee.version);
    response.json(full ? employeeJson(employee) : publicEmployeeJson(employee));
  }

  void me(const Request& request, Response& response) {
    auto asOf = asOfDate(request);
    auto employee = context_.database().inTransaction(
        [&](Transaction& tx) {
          auto self = EmployeeStore(tx).idOfUser(request.requireUser().id);
          if (!self) throw HttpError::notFound("your account is not linked to an employee");
          return requireEmployee(tx, *self, asOf);
        },
        TxMode::Read);
    response.etag(employee.version);
    response.json(employeeJson(employee));
  }

  void history(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto body = orderedObject();
    std::vector<std::vector<std::string>> timeline;
    context_.database().inTransaction(
        [&](Transaction& tx) {
          EmployeeStore store(tx);
          if (!store.exists(id))
            throw HttpError::notFound("there is no employee " + std::to_string(id));
          Viewer(tx, request.requireUser()).requireSeesAll(id);
          Poco::JSON::Array::Ptr assignments = new Poco::JSON::Array;
          for (const auto& a : store.assignments(id)) assignments->add(assignmentJson(a));
          Poco::JSON::Array::Ptr statuses = new Poco::JSON::Array;
          for (const auto& s : store.statusChanges(id)) statuses->add(statusJson(s));
          body->set("employeeId", id);
          body->set("assignments", assignments);
          body->set("statuses", statuses);
          if (wantsCsv(request)) timeline = historyRows(store, id);
        },
        TxMode::Read);
    if (wantsCsv(request)) {
      response.csv({"date", "until", "change", "reason", "orgUnitId", "positionId", "managerId",
                    "employmentType", "status"},
                   timeline, "employee-" + std::to_string(id) + "-history.csv");
      return;
    }
    response.json(body);
  }

  void chain(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto asOf = asOfDate(request);
    respondWithPeople(
        request, response,
        [&](Transaction& tx) {
          requireEmployee(tx, id, asOf);
          return EmployeeStore(tx).managerChain(id, asOf);
        },
        asOf);
  }

  void reports(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto asOf = asOfDate(request);
    bool indirect = request.queryParam("indirect") == std::optional<std::string>("true");
    respondWithPeople(
        request, response,
        [&](Transaction& tx) {
          requireEmployee(tx, id, asOf);
          Viewer(tx, request.requireUser()).requireSeesAll(id);
          return EmployeeStore(tx).reports(id, asOf, indirect);
        },
        asOf);
  }

  void hire(const Request& request, Response& response) {
    auto body = request.jsonObject();
    JsonFields in(body);
    NewEmployee person = readPerson(in);
    Placement placement;
    placement.effectiveDate = in.requiredDate("hireDate");
    placement.positionId = in.optionalInt("positionId");
    placement.orgUnitId = in.optionalInt("orgUnitId");
    placement.managerId = in.optionalInt("managerId");
    placement.employmentType =
        in.optionalEnum("employmentType", kEmploymentTypes).value_or("full_time");
    placement.reason = "hire";
    std::optional<TerritorySeat> seat;
    if (auto territory = in.optionalInt("territoryId")) {
      seat = TerritorySeat{
          *territory, in.optionalEnum("territoryRole", {"owner", "rep", "overlay"}).value_or("rep"),
          in.optionalDouble("splitPercent").value_or(100.0)};
    }
    if (!placement.positionId && !placement.orgUnitId) {
      in.addError("orgUnitId", "give an orgUnitId or a positionId");
    }
    in.finish();
    auto employee = context_.database().inTransaction(
        [&](Transaction& tx) { return workforce(tx, request).hire(person, placement, seat); });
    response.etag(employee.version);
    response.json(employeeJson(employee), 201);
  }

  void edit(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto body = request.jsonObject();
    JsonFields in(body);
    MasterDataEdit edit;
    edit.employeeNumber = in.optionalString("employeeNumber", 64);
    edit.givenName = in.optionalString("givenName", 200);
    edit.familyName = in.optionalString("familyName", 200);
    edit.email = in.optionalString("email", 254);
    edit.phone = in.optionalString("phone", 64);
    edit.directoryId = in.optionalString("directoryId", 255);
    edit.directoryDn = in.optionalString("directoryDn", 1000);
    if (in.has("userId")) {
      auto user = in.optionalInt("userId");
      edit.userId = user;
    }
    for (auto* field : {&edit.employeeNumber, &edit.givenName, &edit.familyName}) {
      if (*field && (*field)->empty()) in.addError("name", "must not be empty");
    }
    checkEmail(in, edit.email);
    in.finish();
    auto employee = context_.database().inTransaction([&](Transaction& tx) {
      requireVersionOf(tx, request, id);
      return workforce(tx, request).editMasterData(id, edit);
    });
    response.etag(employee.version);
    response.json(employeeJson(employee));
  }

  void transfer(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    Placement placement;
    placement.effectiveDate = in.requiredDate("effectiveDate");
    placement.reason = in.optionalEnum("reason", kMoveReasons).value_or("transfer");
    placement.positionId = in.optionalInt("positionId");
    placement.orgUnitId = in.optionalInt("orgUnitId");
    placement.managerId = in.optionalInt("managerId");
    placement.employmentType = in.optionalEnum("employmentType", kEmploymentTypes).value_or("");
    in.finish();
    auto employee = context_.database().inTransaction([&](Transaction& tx) {
      requireVersionOf(tx, request, id);
      return workforce(tx, request).transfer(id, placement);
    });
    response.etag(employee.version);
    response.json(employeeJson(employee));
  }

  void terminate(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto date = in.requiredDate("effectiveDate");
    auto reason = in.optionalString("reason", 200).value_or("termination");
    in.finish();
    auto employee = context_.database().inTransaction([&](Transaction& tx) {
      requireVersionOf(tx, request, id);
      return workforce(tx, request).terminate(id, date, reason);
    });
    response.etag(employee.version);
    response.json(employeeJson(employee));
  }

  void status(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto status = in.requiredEnum("status", {"active", "on_leave", "suspended"});
    auto date = in.requiredDate("effectiveDate");
    auto reason =
        in.optionalString("reason", 200).value_or(status == "on_leave" ? "leave" : status);
    in.finish();
    auto employee = context_.database().inTransaction([&](Transaction& tx) {
      requireVersionOf(tx, request, id);
      return workforce(tx, request).changeStatus(id, status, date, reason);
    });
    response.etag(employee.version);
    response.json(employeeJson(employee));
  }

 private:
  static NewEmployee readPerson(JsonFields& in) {
    NewEmployee person;
    person.employeeNumber = in.requiredString("employeeNumber", 1, 64);
    person.givenName = in.requiredString("givenName", 1, 200);
    person.familyName = in.requiredString("familyName", 1, 200);
    person.email = in.optionalString("email", 254).value_or("");
    person.phone = in.optionalString("phone", 64).value_or("");
    person.directoryId = in.optionalString("directoryId", 255).value_or("");
    person.directoryDn = in.optionalString("directoryDn", 1000).value_or("");
    person.userId = in.optionalInt("userId");
    checkEmail(in, person.email);
    return person;
  }

  Workforce workforce(Transaction& tx, const Request& request) {
    return Workforce(tx, requestTrail(context_.audit(), request), request.requireUser().username,
                     &context_.users());
  }

  static EmployeeRecord requireEmployee(Transaction& tx, std::int64_t id, const std::string& asOf) {
    EmployeeStore store(tx);
    auto found = store.find(id, asOf);
    if (found) return *found;
    if (store.exists(id)) {
      throw HttpError::notFound("employee " + std::to_string(id) + " was not yet hired on " + asOf);
    }
    throw HttpError::notFound("there is no employee " + std::to_string(id));
  }

  static void requireVersionOf(Transaction& tx, const Request& request, std::int64_t id) {
    auto row = tx.queryOne("SELECT version FROM territory_employees WHERE id = ?", {id});
    if (!row) throw HttpError::notFound("there is no employee " + std::to_string(id));
    request.requireVersion(row->getInt(0));
  }

  template <typename Ids>
  void respondWithPeople(const Request& request, Response& response, Ids ids,
                         const std::string& asOf) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    context_.database().inTransaction(
        [&](Transaction& tx) {
          Viewer viewer(tx, request.requireUser());
          EmployeeStore store(tx);
          for (auto id : ids(tx)) {
            auto e = store.find(id, asOf);
            if (e) items->add(viewer.seesAll(id) ? employeeJson(*e) : publicEmployeeJson(*e));
          }
        },
        TxMode::Read);
    response.page(items, std::nullopt);
  }

  PluginContext& context_;
};

}  // namespace

void addEmployeeRoutes(PluginContext& context) {
  auto routes = std::make_shared<EmployeeRoutes>(context);
  auto bind = [routes](void (EmployeeRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string base = "/api/v1/territory/employees";
  auto readers = Permission::authenticated();
  auto add = [&](const std::string& method, const std::string& pattern, Permission permission,
                 void (EmployeeRoutes::*handler)(const Request&, Response&),
                 const std::string& summary) {
    Route route{method, pattern, permission, bind(handler), summary};
    route.personalData = true;
    context.addRoute(route);
  };
  add("GET", base, readers, &EmployeeRoutes::list,
      "List employees as of a date (employeeNumber, orgUnitId+subtree, managerId, status, q; CSV)");
  add("POST", base, kEmployeeWriters, &EmployeeRoutes::hire,
      "Hire an employee into a position or org unit");
  add("GET", base + "/me", readers, &EmployeeRoutes::me, "The caller's own employee record");
  add("GET", base + "/{id}", readers, &EmployeeRoutes::read, "Read an employee as of a date");
  add("PATCH", base + "/{id}", kEmployeeWriters, &EmployeeRoutes::edit,
      "Edit an employee's master data");
  add("GET", base + "/{id}/history", readers, &EmployeeRoutes::history,
      "An employee's assignments and statuses over time");
  add("GET", base + "/{id}/chain", readers, &EmployeeRoutes::chain,
      "The managers above an employee, nearest first");
  add("GET", base + "/{id}/reports", readers, &EmployeeRoutes::reports,
      "Direct (or, with indirect=true, all) reports of an employee");
  add("POST", base + "/{id}/transfers", kEmployeeWriters, &EmployeeRoutes::transfer,
      "Transfer or promote an employee from a date on");
  add("POST", base + "/{id}/termination", kEmployeeWriters, &EmployeeRoutes::terminate,
      "Terminate an employee from a date on");
  add("POST", base + "/{id}/status", kEmployeeWriters, &EmployeeRoutes::status,
      "Set an employee on leave, suspend or re-activate them from a date on");
}

}  // namespace cadre::territory
