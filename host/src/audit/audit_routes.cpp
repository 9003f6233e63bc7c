#include "audit/audit_routes.hpp"

#include <set>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>

#include "cadre/json_fields.hpp"
#include "cadre/pagination.hpp"

namespace cadre::audit {
namespace {

constexpr std::size_t kJsonDefaultLimit = 50;
constexpr std::size_t kJsonMaxLimit = 500;
constexpr std::size_t kCsvLimit = 10000;

const std::set<std::string> kParameters = {"actor", "action", "objectType", "objectId", "from",
                                           "to",    "limit",  "cursor",     "format"};

bool isDigits(const std::string& text, std::size_t from, std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i) {
    if (i >= text.size() || text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

/// A bound as a stored timestamp; a date starts (`endOfDay` false) or ends its day.
std::optional<std::string> timestampBound(const std::string& text, bool endOfDay) {
  if (text.size() < 10 || !isIsoDate(text.substr(0, 10))) return std::nullopt;
  if (text.size() == 10) return text + (endOfDay ? "T23:59:59.999Z" : "T00:00:00.000Z");
  bool clock = text.size() >= 20 && text[10] == 'T' && isDigits(text, 11, 2) && text[13] == ':' &&
               isDigits(text, 14, 2) && text[16] == ':' && isDigits(text, 17, 2);
  if (clock && text.size() == 20 && text[19] == 'Z') return text.substr(0, 19) + ".000Z";
  if (clock && text.size() == 24 && text[19] == '.' && isDigits(text, 20, 3) && text[23] == 'Z')
    return text;
  return std::nullopt;
}

std::optional<std::string> readBound(const Request& request, const std::string& name, bool endOfDay,
                                     std::vector<FieldError>& errors) {
  auto text = request.queryParam(name);
  if (!text) return std::nullopt;
  auto bound = timestampBound(*text, endOfDay);
  if (!bound) errors.push_back({name, "must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.mmm]Z"});
  return bound;
}

AuditQuery readQuery(const Request& request, bool csv) {
  std::vector<FieldError> errors;
  for (const auto& [name, value] : request.query) {
    if (!kParameters.count(name)) errors.push_back({name, "is not a known parameter"});
  }
  AuditQuery query;
  query.actor = request.queryParam("actor");
  query.action = request.queryParam("action");
  query.objectType = request.queryParam("objectType");
  query.objectId = request.queryParam("objectId");
  query.from = readBound(request, "from", false, errors);
  query.to = readBound(request, "to", true, errors);
  if (!errors.empty()) {
    throw HttpError::badRequest(errors.size() == 1
                                    ? "parameter '" + errors[0].field + "' " + errors[0].message
                                    : "several parameters are invalid",
                                errors);
  }
  PageRequest page = csv ? PageRequest::from(request, kCsvLimit, kCsvLimit)
                         : PageRequest::from(request, kJsonDefaultLimit, kJsonMaxLimit);
  query.limit = page.limit;
  if (!page.after.empty()) {
    Poco::Int64 id = 0;
    if (!Poco::NumberParser::tryParse64(page.after, id) || id <= 0) {
      throw HttpError::badRequest("cursor is not one this API issued",
                                  {{"cursor", "unknown cursor"}});
    }
    query.beforeId = id;
  }
  return query;
}

Poco::Dynamic::Var jsonOrNull(const std::string& text) {
  if (text.empty()) return {};
  try {
    return Poco::JSON::Parser().parse(text);
  } catch (const Poco::Exception&) {
    return text;
  }
}

Poco::Dynamic::Var textOrNull(const std::string& text) {
  if (text.empty()) return {};
  return text;
}

Poco::JSON::Object::Ptr toJson(const AuditRecord& record) {
  Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
  item->set("id", record.id);
  item->set("at", record.at);
  item->set("actor", record.actor);
  item->set("actorRole", textOrNull(record.actorRole));
  item->set("action", record.action);
  item->set("objectType", record.objectType);
  item->set("objectId", record.objectId);
  item->set("before", jsonOrNull(record.beforeJson));
  item->set("after", jsonOrNull(record.afterJson));
  item->set("outcome", record.outcome);
  item->set("clientAddress", textOrNull(record.clientAddress));
  item->set("requestId", textOrNull(record.requestId));
  return item;
}

std::vector<std::string> toCsvRow(const AuditRecord& r) {
  return {std::to_string(r.id), r.at,      r.actor,         r.actorRole, r.action,     r.objectType,
          r.objectId,           r.outcome, r.clientAddress, r.requestId, r.beforeJson, r.afterJson};
}

std::optional<std::string> nextCursor(const AuditPage& page) {
  if (!page.nextBeforeId) return std::nullopt;
  return encodeCursor(std::to_string(*page.nextBeforeId));
}

void answerCsv(const AuditPage& page, Response& response) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& record : page.items) rows.push_back(toCsvRow(record));
  response.csv({"id", "at", "actor", "actor_role", "action", "object_type", "object_id", "outcome",
                "client_address", "request_id", "before", "after"},
               rows, "audit.csv");
  if (auto next = nextCursor(page)) response.headers["X-Next-Cursor"] = *next;
}

void listAudit(AuditStore& store, const Request& request, Response& response) {
  std::string format = request.queryParam("format").value_or("json");
  if (format != "json" && format != "csv") {
    throw HttpError::badRequest("format must be json or csv", {{"format", "must be json or csv"}});
  }
  AuditPage page = store.query(readQuery(request, format == "csv"));
  if (format == "csv") {
    answerCsv(page, response);
  } else {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& record : page.items) items->add(toJson(record));
    response.page(items, nextCursor(page));
  }
  response.noStore();
}

}  // namespace

std::vector<Route> auditRoutes(AuditStore& store) {
  Route list;
  list.method = "GET";
  list.pattern = "/api/v1/audit";
  list.permission = Permission::roles({Role::Admin, Role::Hr});
  list.handler = [&store](const Request& request, Response& response) {
    listAudit(store, request, response);
  };
  list.summary = "Audit log entries, newest first, filtered; CSV with format=csv";
  list.personalData = true;
  return {list};
}

}  // namespace cadre::audit
