// HTTP for the territory metrics and the balance report of a team (JSON or CSV).
#include <algorithm>
#include <set>

#include <Poco/JSON/Array.h>

#include "access.hpp"
#include "cadre/dates.hpp"
#include "cadre/json_text.hpp"
#include "employee_store.hpp"
#include "sales_json.hpp"
#include "sales_routes.hpp"

namespace cadre::territory {

namespace {

std::vector<std::string> coverageCells(const Coverage& c) {
  return {std::to_string(c.reps), std::to_string(c.accounts), std::to_string(c.prospects),
          std::to_string(c.activeCustomers), csvNumber(c.potential)};
}

class MetricsRoutes {
 public:
  explicit MetricsRoutes(PluginContext& context) : context_(context) {}

  void metrics(const Request& request, Response& response) {
    auto modelId = queryId(request, "modelId");
    auto asOf = asOfDate(request);
    TerritoryModel model;
    auto figures = context_.database().inTransaction(
        [&](Transaction& tx) {
          TerritoryModels models(tx, "");
          model = modelId ? models.requireModel(*modelId) : models.requireActive();
          return territoryMetrics(tx, model, asOf);
        },
        TxMode::Read);
    if (wantsCsv(request)) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& f : figures) {
        std::vector<std::string> row{
            std::to_string(f.territory.id), f.territory.code, f.territory.name,
            f.territory.parentId ? std::to_string(*f.territory.parentId) : ""};
        for (auto& cell : coverageCells(f.own)) row.push_back(cell);
        for (auto& cell : coverageCells(f.subtree)) row.push_back(cell);
        rows.push_back(row);
      }
      response.csv({"territoryId", "code", "name", "parentId", "reps", "accounts", "prospects",
                    "activeCustomers", "potential", "subtreeReps", "subtreeAccounts",
                    "subtreeProspects", "subtreeActiveCustomers", "subtreePotential"},
                   rows, "territory-metrics-" + asOf + ".csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& f : figures) {
      auto item = orderedObject();
      item->set("territoryId", f.territory.id);
      item->set("code", f.territory.code);
      item->set("name", f.territory.name);
      setOptional(*item, "parentId", f.territory.parentId);
      item->set("own", coverageJson(f.own));
      item->set("subtree", coverageJson(f.subtree));
      items->add(item);
    }
    auto body = orderedObject();
    body->set("modelId", model.id);
    body->set("asOf", asOf);
    body->set("items", items);
    response.json(body);
  }

  void balance(const Request& request, Response& response) {
    auto orgUnitId = queryId(request, "orgUnitId");
    auto managerId = queryId(request, "managerId");
    auto modelId = queryId(request, "modelId");
    auto asOf = asOfDate(request);
    if (!orgUnitId == !managerId) {
      throw HttpError::badRequest("give exactly one of orgUnitId and managerId",
                                  {{"orgUnitId", "orgUnitId or managerId is required"}});
    }
    TerritoryModel model;
    auto report = context_.database().inTransaction(
        [&](Transaction& tx) {
          EmployeeStore employees(tx);
          auto team = orgUnitId ? employees.assignedToSubtree(*orgUnitId, asOf)
                                : employees.reports(*managerId, asOf, true);
          requireManagesTeam(tx, request, team, managerId);
          TerritoryModels models(tx, "");
          model = modelId ? models.requireModel(*modelId) : models.requireActive();
          return balanceReport(tx, model, team, asOf);
        },
        TxMode::Read);
    if (wantsCsv(request)) return balanceCsv(report, asOf, response);
    Poco::JSON::Array::Ptr reps = new Poco::JSON::Array;
    for (const auto& r : report.reps) {
      auto item = orderedObject();
      item->set("employeeId", r.employeeId);
      item->set("employeeNumber", r.employeeNumber);
      item->set("name", r.name);
      Poco::JSON::Array::Ptr codes = new Poco::JSON::Array;
      for (const auto& code : r.territoryCodes) codes->add(code);
      item->set("territoryCodes", codes);
      item->set("accounts", r.coverage.accounts);
      item->set("prospects", r.coverage.prospects);
      item->set("activeCustomers", r.coverage.activeCustomers);
      item->set("potential", r.coverage.potential);
      reps->add(item);
    }
    auto spread = orderedObject();
    for (const auto* key : {"accounts", "prospects", "activeCustomers", "potential"})
      spread->set(key, spreadJson(report.spread.at(key)));
    Poco::JSON::Array::Ptr without = new Poco::JSON::Array;
    for (auto id : report.withoutSeat) without->add(id);
    auto body = orderedObject();
    body->set("modelId", model.id);
    body->set("asOf", asOf);
    setOptional(*body, "orgUnitId", orgUnitId);
    setOptional(*body, "managerId", managerId);
    body->set("reps", reps);
    body->set("spread", spread);
    body->set("withoutSeat", without);
    response.noStore();
    response.json(body);
  }

 private:
  /// Managers see the balance of people below them only; hr and admin of anyone.
  static void requireManagesTeam(Transaction& tx, const Request& request,
                                 const std::vector<std::int64_t>& team,
                                 const std::optional<std::int64_t>& managerId) {
    const auto& user = request.requireUser();
    if (isHr(user)) return;
    EmployeeStore employees(tx);
    auto self = employees.idOfUser(user.id);
    if (!self) throw HttpError::forbidden("your account is not linked to an employee");
    if (managerId && *managerId == *self) return;
    auto below = employees.reports(*self, today(), true);
    std::set<std::int64_t> managed(below.begin(), below.end());
    managed.insert(*self);
    bool all = std::all_of(team.begin(), team.end(),
                           [&](std::int64_t id) { return managed.count(id) > 0; });
    if (!all || (managerId && !managed.count(*managerId))) {
      throw HttpError::forbidden("managers see the balance of their own teams only");
    }
  }

  static void balanceCsv(const BalanceReport& report, const std::string& asOf, Response& response) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : report.reps) {
      std::string codes;
      for (const auto& code : r.territoryCodes) codes += (codes.empty() ? "" : " ") + code;
      rows.push_back({std::to_string(r.employeeId), r.employeeNumber, r.name, codes,
                      std::to_string(r.coverage.accounts), std::to_string(r.coverage.prospects),
                      std::to_string(r.coverage.activeCustomers), csvNumber(r.coverage.potential)});
    }
    response.csv({"employeeId", "employeeNumber", "name", "territoryCodes", "accounts", "prospects",
                  "activeCustomers", "potential"},
                 rows, "territory-balance-" + asOf + ".csv");
  }

  PluginContext& context_;
};

}  // namespace

void addMetricsRoutes(PluginContext& context) {
  auto routes = std::make_shared<MetricsRoutes>(context);
  const std::string api = "/api/v1/territory";
  context.addRoute({"GET", api + "/territory-metrics", peopleReporters(),
                    bindRoute(routes, &MetricsRoutes::metrics),
                    "Reps, accounts and potential per territory, own and rolled up (CSV)"});
  Route balance{"GET", api + "/territory-balance", peopleReporters(),
                bindRoute(routes, &MetricsRoutes::balance),
                "How a team's accounts spread over its reps (orgUnitId or managerId; CSV)"};
  balance.personalData = true;
  context.addRoute(balance);
}

}  // namespace cadre::territory
