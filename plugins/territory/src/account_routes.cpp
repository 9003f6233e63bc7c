// HTTP for accounts, their assignment to territories and the assignment rules: parse and
// validate, check what the caller may see, then AccountStore and AccountPlacement do the work.
#include <Poco/JSON/Array.h>

#include "access.hpp"
#include "cadre/dates.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "cadre/pagination.hpp"
#include "employee_store.hpp"
#include "sales_json.hpp"
#include "sales_routes.hpp"
#include "vocabulary.hpp"

namespace cadre::territory {

namespace {

/// Reads an account's fields; with `current`, a PATCH: absent fields keep their value.
Account readAccount(JsonFields& in, const std::optional<Account>& current) {
  Account a = current.value_or(Account{});
  bool patch = current.has_value();
  auto text = [&](const std::string& name, std::string& field, std::size_t max) {
    if (patch) {
      if (auto value = in.optionalString(name, max)) {
        if (value->empty()) in.addError(name, "must not be empty");
        field = *value;
      }
    } else {
      field = in.requiredString(name, 1, max);
    }
  };
  text("name", a.name, 200);
  text("region", a.region, 100);
  text("postalCode", a.postalCode, 20);
  text("industry", a.industry, 100);
  if (auto size =
          patch ? in.optionalEnum("size", kAccountSizes) : in.requiredEnum("size", kAccountSizes))
    a.size = *size;
  if (auto status = in.optionalEnum("status", kAccountStatuses)) a.status = *status;
  if (!patch && a.status.empty()) a.status = "prospect";
  if (in.has("externalId")) {
    a.externalId = in.optionalString("externalId", 100);
    if (a.externalId && a.externalId->empty()) a.externalId.reset();
  }
  auto potential = in.optionalDouble("potential");
  if (potential) {
    if (*potential < 0) in.addError("potential", "must be 0 or more");
    a.potential = *potential;
  }
  return a;
}

std::optional<std::string> enumQuery(const Request& request, const std::string& name,
                                     const std::set<std::string>& allowed) {
  auto value = request.queryParam(name);
  if (value && !allowed.count(*value)) {
    throw HttpError::badRequest(name + " '" + *value + "' is not allowed",
                                {{name, "unknown value"}});
  }
  return value;
}

class AccountRoutes {
 public:
  explicit AccountRoutes(PluginContext& context) : context_(context) {}

  void list(const Request& request, Response& response) {
    auto asOf = asOfDate(request);
    bool csv = wantsCsv(request);
    auto page = PageRequest::from(request, 50, 500);
    AccountFilter filter;
    filter.status = enumQuery(request, "status", kAccountStatuses);
    filter.region = request.queryParam("region");
    filter.industry = request.queryParam("industry");
    filter.nameStartsWith = request.queryParam("q");
    filter.territoryId = queryId(request, "territoryId");
    filter.afterId = page.after.empty() ? 0 : std::stoll(page.after);
    filter.limit = csv ? 1000000 : static_cast<std::int64_t>(page.limit) + 1;
    std::vector<std::tuple<Account, std::optional<AccountAssignment>, std::optional<Territory>>>
        rows;
    context_.database().inTransaction(
        [&](Transaction& tx) {
          if (filter.territoryId) {
            TerritoryModels models(tx, "");
            auto t = models.requireTerritory(*filter.territoryId);
            filter.territoryDate = planDate(models.requireModel(t.modelId), asOf);
          }
          filter.onlyIds = visibleAccounts(tx, request, asOf);
          AccountStore store(tx);
          for (const auto& account : store.list(filter)) {
            auto placed = store.assignmentOn(account.id, asOf);
            rows.emplace_back(account, placed, territoryOf(tx, placed));
          }
        },
        TxMode::Read);
    if (csv) return writeCsv(rows, asOf, response);
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    std::optional<std::string> next;
    for (std::size_t i = 0; i < rows.size() && i < page.limit; ++i)
      items->add(accountJson(std::get<0>(rows[i]), std::get<1>(rows[i]), std::get<2>(rows[i])));
    if (rows.size() > page.limit)
      next = encodeCursor(std::to_string(std::get<0>(rows[page.limit - 1]).id));
    response.page(items, next);
  }

  void read(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto asOf = asOfDate(request);
    Poco::JSON::Object::Ptr body;
    auto version = context_.database().inTransaction(
        [&](Transaction& tx) {
          auto account = requireAccount(tx, id);
          auto visible = visibleAccounts(tx, request, asOf);
          if (visible && !visible->count(id)) {
            throw HttpError::forbidden("employees see the accounts of their own territories only");
          }
          auto placed = AccountStore(tx).assignmentOn(id, asOf);
          body = accountJson(account, placed, territoryOf(tx, placed));
          return account.version;
        },
        TxMode::Read);
    response.etag(version);
    response.json(body);
  }

  void create(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    auto account = readAccount(in, std::nullopt);
    in.finish();
    auto created = context_.database().inTransaction([&](Transaction& tx) {
      AccountStore store(tx);
      checkExternalId(store, account, 0);
      auto made = *store.find(store.insert(account));
      record(tx, request, "territory.account.create", "account", made.id, "",
             toJson(accountJson(made, std::nullopt, std::nullopt)));
      return made;
    });
    response.etag(created.version);
    response.json(accountJson(created, std::nullopt, std::nullopt), 201);
  }

  void change(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto body = request.jsonObject();
    Poco::JSON::Object::Ptr answer;
    auto version = context_.database().inTransaction([&](Transaction& tx) {
      AccountStore store(tx);
      auto before = requireAccount(tx, id);
      JsonFields in(body);
      auto after = readAccount(in, before);
      in.finish();
      request.requireVersion(before.version);
      checkExternalId(store, after, id);
      if (!store.update(after)) {
        throw HttpError::conflict("account " + std::to_string(id) + " changed meanwhile");
      }
      auto changed = *store.find(id);
      auto placed = store.assignmentOn(id, today());
      answer = accountJson(changed, placed, territoryOf(tx, placed));
      record(tx, request, "territory.account.change", "account", id,
             toJson(accountJson(before, std::nullopt, std::nullopt)),
             toJson(accountJson(changed, std::nullopt, std::nullopt)));
      return changed.version;
    });
    response.etag(version);
    response.json(answer);
  }

  void assign(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto territoryId = in.requiredInt("territoryId");
    auto date = in.optionalDate("effectiveDate").value_or(today());
    if (territoryId <= 0) in.addError("territoryId", "must be a positive id");
    in.finish();
    Poco::JSON::Object::Ptr answer;
    auto version = context_.database().inTransaction([&](Transaction& tx) {
      checkVersionIfGiven(request, requireAccount(tx, id).version);
      auto placed = AccountPlacement(tx, actorOf(request)).assignManually(id, territoryId, date);
      answer = assignmentJson(placed, territoryOf(tx, placed));
      record(tx, request, "territory.account.assign", "account", id, "", toJson(answer));
      return requireAccount(tx, id).version;
    });
    response.etag(version);
    response.json(answer, 201);
  }

  void history(const Request& request, Response& response) {
    auto id = request.idParam("id");
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    context_.database().inTransaction(
        [&](Transaction& tx) {
          requireAccount(tx, id);
          auto visible = visibleAccounts(tx, request, today());
          if (visible && !visible->count(id)) {
            throw HttpError::forbidden("employees see the accounts of their own territories only");
          }
          TerritoryModelStore models(tx);
          for (const auto& a : AccountStore(tx).historyOf(id)) {
            auto territory = models.territory(a.territoryId);
            auto item = assignmentJson(a, territory);
            item->set("modelState", territory ? models.model(territory->modelId)->state : "");
            items->add(item);
          }
        },
        TxMode::Read);
    response.page(items, std::nullopt);
  }

 private:
  static Account requireAccount(Transaction& tx, std::int64_t id) {
    auto account = AccountStore(tx).find(id);
    if (!account) throw HttpError::notFound("there is no account " + std::to_string(id));
    return *account;
  }

  static void checkExternalId(AccountStore& store, const Account& account, std::int64_t self) {
    if (account.externalId && store.externalIdTaken(*account.externalId, self)) {
      throw HttpError::conflict("another account has externalId '" + *account.externalId + "'");
    }
  }

  static std::optional<Territory> territoryOf(Transaction& tx,
                                              const std::optional<AccountAssignment>& placed) {
    if (!placed) return std::nullopt;
    return TerritoryModelStore(tx).territory(placed->territoryId);
  }

  /// Employees see the accounts of the territories they hold a seat in; others see all.
  static std::optional<std::set<std::int64_t>> visibleAccounts(Transaction& tx,
                                                               const Request& request,
                                                               const std::string& asOf) {
    const auto& user = request.requireUser();
    if (user.role != Role::Employee) return std::nullopt;
    std::set<std::int64_t> ids;
    if (auto self = EmployeeStore(tx).idOfUser(user.id)) {
      for (auto id : AccountStore(tx).accountsOfRep(*self, asOf)) ids.insert(id);
    }
    return ids;
  }

  static void writeCsv(const std::vector<std::tuple<Account, std::optional<AccountAssignment>,
                                                    std::optional<Territory>>>& rows,
                       const std::string& asOf, Response& response) {
    std::vector<std::vector<std::string>> cells;
    for (const auto& [a, placed, territory] : rows) {
      cells.push_back({std::to_string(a.id), a.name, a.region, a.postalCode, a.industry, a.size,
                       a.status, a.externalId.value_or(""), csvNumber(a.potential),
                       territory ? territory->code : "", placed ? placed->cause : ""});
    }
    response.csv({"id", "name", "region", "postalCode", "industry", "size", "status", "externalId",
                  "potential", "territoryCode", "cause"},
                 cells, "accounts-" + asOf + ".csv");
  }

  void record(Transaction& tx, const Request& request, const std::string& action,
              const std::string& type, std::int64_t id, const std::string& before,
              const std::string& after) {
    context_.audit().record(tx, request, {action, type, std::to_string(id), before, after});
  }

  PluginContext& context_;
};

}  // namespace

void addAccountRoutes(PluginContext& context) {
  auto routes = std::make_shared<AccountRoutes>(context);
  using R = AccountRoutes;
  const std::string base = "/api/v1/territory/accounts";
  auto readers = Permission::authenticated();
  auto writers = hrWriters();
  context.addRoute({"GET", base, readers, bindRoute(routes, &R::list),
                    "List accounts (status, territoryId, region, industry, q; CSV)"});
  context.addRoute({"POST", base, writers, bindRoute(routes, &R::create), "Create an account"});
  context.addRoute({"GET", base + "/{id}", readers, bindRoute(routes, &R::read),
                    "Read an account with its territory on a date"});
  context.addRoute(
      {"PATCH", base + "/{id}", writers, bindRoute(routes, &R::change), "Change an account"});
  context.addRoute({"GET", base + "/{id}/assignments", readers, bindRoute(routes, &R::history),
                    "Every territory assignment of an account, in every model"});
  context.addRoute({"POST", base + "/{id}/assignment", writers, bindRoute(routes, &R::assign),
                    "Assign an account to a territory by hand from a date"});
}

}  // namespace cadre::territory
