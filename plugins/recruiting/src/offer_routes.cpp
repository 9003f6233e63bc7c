// HTTP for offers, and the job that expires offers past their last day. HR makes and decides;
// the hiring manager reads the offers of their requisitions.
#include <Poco/JSON/Array.h>

#include "application_access.hpp"
#include "cadre/audit_trail.hpp"
#include "cadre/dates.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/pagination.hpp"
#include "change_log.hpp"
#include "offer_json.hpp"
#include "offer_store.hpp"
#include "offers.hpp"
#include "routes.hpp"

namespace cadre::recruiting {

namespace {

const std::set<std::string> kStates = {"draft",    "pending_approval", "extended", "accepted",
                                       "declined", "expired",          "withdrawn"};
const char* const kExpiryActor = "recruiting.offer-expiry";

/// Terms from a body; on an update (`base` given) absent fields keep the base's values.
OfferTerms termsIn(JsonFields& in, const std::optional<OfferTerms>& base) {
  OfferTerms terms = base.value_or(OfferTerms{});
  bool required = !base;
  auto salary =
      required ? std::optional<double>(in.requiredDouble("salary")) : in.optionalDouble("salary");
  if (salary && !(*salary > 0)) in.addError("salary", "must be above 0");
  if (salary) terms.salary = *salary;
  if (auto currency = in.optionalString("currency", 3)) {
    if (currency->size() != 3) in.addError("currency", "a three-letter ISO 4217 code");
    terms.currency = *currency;
  }
  auto date = [&](const std::string& name, std::string& into) {
    auto value =
        required ? std::optional<std::string>(in.requiredDate(name)) : in.optionalDate(name);
    if (value) into = *value;
  };
  date("startDate", terms.startDate);
  date("expiresOn", terms.expiresOn);
  auto text = required ? std::optional<std::string>(in.requiredString("terms", 1, 20000))
                       : in.optionalString("terms", 20000);
  if (text && text->empty()) in.addError("terms", "must not be empty");
  if (text) terms.terms = *text;
  return terms;
}

class OfferRoutes {
 public:
  explicit OfferRoutes(RouteContext context) : context_(std::move(context)) {}

  void list(const Request& request, Response& response) {
    bool csv = wantsCsv(request);
    auto page = PageRequest::from(request, 50, 500);
    OfferFilter filter;
    filter.applicationId = queryId(request, "applicationId");
    filter.requisitionId = queryId(request, "requisitionId");
    filter.state = request.queryParam("state");
    if (filter.state && !kStates.count(*filter.state)) {
      throw HttpError::badRequest("state is not a state of an offer", {{"state", "unknown state"}});
    }
    filter.afterId = page.after.empty() ? 0 : std::stoll(page.after);
    filter.limit = csv ? 1000000 : static_cast<std::int64_t>(page.limit) + 1;
    auto offers = context_.plugin.database().inTransaction(
        [&](Transaction& tx) {
          auto caller = callerOf(tx, *context_.org, request);
          if (!caller.hr) filter.hiringManagerId = caller.employeeId.value_or(-1);
          return OfferStore(tx).list(filter);
        },
        TxMode::Read);
    response.noStore();
    if (csv) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& o : offers) {
        rows.push_back({std::to_string(o.id), std::to_string(o.applicationId),
                        std::to_string(o.salary), o.currency, o.startDate, o.expiresOn, o.state,
                        o.outsideBand ? "true" : "false", o.approvalState.value_or(""),
                        o.decidedAt.value_or("")});
      }
      response.csv({"id", "applicationId", "salary", "currency", "startDate", "expiresOn", "state",
                    "outsideBand", "approvalState", "decidedAt"},
                   rows, "offers.csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    std::optional<std::string> next;
    for (std::size_t i = 0; i < offers.size() && i < page.limit; ++i) {
      items->add(offerJson(offers[i]));
    }
    if (offers.size() > page.limit) next = encodeCursor(std::to_string(offers[page.limit - 1].id));
    response.page(items, next);
  }

  void get(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto offer = context_.plugin.database().inTransaction(
        [&](Transaction& tx) { return visible(tx, request, id).first; }, TxMode::Read);
    response.noStore();
    response.etag(offer.version);
    response.json(offerJson(offer));
  }

  void create(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    auto applicationId = in.requiredInt("applicationId");
    auto terms = termsIn(in, std::nullopt);
    in.finish();
    auto offer = context_.plugin.database().inTransaction([&](Transaction& tx) {
      auto caller = callerOf(tx, *context_.org, request);
      auto application = managedApplication(tx, caller, applicationId);
      if (terms.currency.empty()) terms.currency = OfferStore(tx).bandOf(applicationId).currency;
      ChangeLog log(tx, requestTrail(context_.plugin.audit(), request));
      return Offers(tx, log, actorOf(request)).make(application, terms);
    });
    response.etag(offer.version);
    response.json(offerJson(offer), 201);
  }

  void change(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto body = request.jsonObject();
    decide(request, response, id, true, [&](Offers& offers, const Offer& before, auto&) {
      JsonFields in(body);
      auto terms = termsIn(in, static_cast<const OfferTerms&>(before));
      in.finish();
      return offers.revise(before, terms);
    });
  }

  void approve(const Request& request, Response& response) {
    JsonFields in(request.body.empty() ? Poco::JSON::Object::Ptr(new Poco::JSON::Object)
                                       : request.jsonObject());
    auto comment = in.optionalString("comment", 2000);
    in.finish();
    decide(request, response, request.idParam("id"), false,
           [&](Offers& offers, const Offer& before, auto&) {
             return offers.approve(before, comment);
           });
  }

  void rejectApproval(const Request& request, Response& response) {
    auto comment = requiredReason(request, "comment");
    decide(request, response, request.idParam("id"), false,
           [&](Offers& offers, const Offer& before, auto&) {
             return offers.rejectApproval(before, comment);
           });
  }

  void extend(const Request& request, Response& response) {
    decide(request, response, request.idParam("id"), false,
           [&](Offers& offers, const Offer& before, const ApplicationFacts& application) {
             return offers.extend(application, before);
           });
  }

  void accept(const Request& request, Response& response) {
    decide(request, response, request.idParam("id"), false,
           [&](Offers& offers, const Offer& before, auto&) { return offers.accept(before); });
  }

  void decline(const Request& request, Response& response) {
    decide(request, response, request.idParam("id"), false,
           [&](Offers& offers, const Offer& before, auto&) { return offers.decline(before); });
  }

  void withdraw(const Request& request, Response& response) {
    decide(request, response, request.idParam("id"), false,
           [&](Offers& offers, const Offer& before, auto&) { return offers.withdraw(before); });
  }

 private:
  /// The offer with its application when the caller runs the hiring (404 otherwise).
  std::pair<Offer, ApplicationFacts> visible(Transaction& tx, const Request& request,
                                             std::int64_t id) {
    auto caller = callerOf(tx, *context_.org, request);
    auto offer = OfferStore(tx).find(id);
    if (offer) {
      auto application = *findApplication(tx, offer->applicationId);
      if (runsHiring(caller, application)) return {*offer, application};
    }
    throw HttpError::notFound("there is no offer " + std::to_string(id));
  }

  /// Runs one change of an offer in a transaction: If-Match is required for a change of terms
  /// and checked when given for a decision.
  template <typename Change>
  void decide(const Request& request, Response& response, std::int64_t id, bool requireMatch,
              Change change) {
    auto offer = context_.plugin.database().inTransaction([&](Transaction& tx) {
      auto [before, application] = visible(tx, request, id);
      if (requireMatch) {
        request.requireVersion(before.version);
      } else {
        checkVersionIfGiven(request, before.version);
      }
      ChangeLog log(tx, requestTrail(context_.plugin.audit(), request));
      Offers offers(tx, log, actorOf(request));
      return change(offers, before, application);
    });
    response.etag(offer.version);
    response.json(offerJson(offer));
  }

  RouteContext context_;
};

}  // namespace

void registerOfferRoutes(const RouteContext& context) {
  auto routes = std::make_shared<OfferRoutes>(context);
  auto bind = [routes](void (OfferRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string offers = "/api/v1/recruiting/offers";
  auto& plugin = context.plugin;
  plugin.addRoute({"GET", offers, hiringTeam(), bind(&OfferRoutes::list),
                   "Offers of the requisitions the caller runs (applicationId, requisitionId, "
                   "state; CSV)",
                   true});
  plugin.addRoute({"POST", offers, hrRunners(), bind(&OfferRoutes::create),
                   "Make an offer; outside the salary band it waits for approval", true});
  plugin.addRoute(
      {"GET", offers + "/{id}", hiringTeam(), bind(&OfferRoutes::get), "An offer", true});
  plugin.addRoute({"PATCH", offers + "/{id}", hrRunners(), bind(&OfferRoutes::change),
                   "Change a draft offer's terms (If-Match)", true});
  const std::vector<std::pair<std::string, void (OfferRoutes::*)(const Request&, Response&)>>
      decisions = {
          {"approve", &OfferRoutes::approve}, {"reject-approval", &OfferRoutes::rejectApproval},
          {"extend", &OfferRoutes::extend},   {"accept", &OfferRoutes::accept},
          {"decline", &OfferRoutes::decline}, {"withdraw", &OfferRoutes::withdraw}};
  for (const auto& [name, method] : decisions) {
    plugin.addRoute({"POST", offers + "/{id}/" + name, hrRunners(), bind(method),
                     "Offer decision: " + name, true});
  }
  PluginContext* host = &plugin;
  plugin.addJob({kExpiryActor, std::chrono::hours(1), [host] {
                   auto expired = host->database().inTransaction([&](Transaction& tx) {
                     ChangeLog log(tx, systemTrail(host->audit(), kExpiryActor));
                     return Offers(tx, log, kExpiryActor).expire(today());
                   });
                   if (expired > 0) {
                     host->logger().information("expired " + std::to_string(expired) + " offer(s)");
                   }
                 }});
}

}  // namespace cadre::recruiting
