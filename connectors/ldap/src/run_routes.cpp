// The sync runs over HTTP, for the admin page.
#include "run_routes.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/NumberParser.h>

#include "cadre/pagination.hpp"
#include "sync_store.hpp"

namespace cadre::ldap {
namespace {

constexpr const char* kRunSchema = R"({"type":"object","properties":{
  "id":{"type":"integer"},"mode":{"type":"string","enum":["full","incremental"]},
  "dryRun":{"type":"boolean"},"forced":{"type":"boolean"},"startedBy":{"type":"string"},
  "startedAt":{"type":"string"},"finishedAt":{"type":"string"},
  "outcome":{"type":"string","enum":["completed","stopped","failed"]},"message":{"type":"string"},
  "entriesRead":{"type":"integer"},"created":{"type":"integer"},"updated":{"type":"integer"},
  "moved":{"type":"integer"},"disabled":{"type":"integer"},"reactivated":{"type":"integer"},
  "unchanged":{"type":"integer"},"errorCount":{"type":"integer"},
  "errors":{"type":"array","items":{"type":"object","properties":{"dn":{"type":"string"},
  "message":{"type":"string"}}}}}})";

std::int64_t beforeIdOf(const PageRequest& page) {
  if (page.after.empty()) return 0;
  Poco::Int64 id = 0;
  if (!Poco::NumberParser::tryParse64(page.after, id) || id <= 0)
    throw HttpError::badRequest("cursor is not one this API issued",
                                {{"cursor", "unknown cursor"}});
  return id;
}

}  // namespace

void addRunRoutes(PluginContext& context) {
  Database& database = context.database();
  const auto admin = Permission::roles({Role::Admin});
  context.addRoute(
      {"GET", "/api/v1/ldap/runs", admin,
       [&database](const Request& request, Response& response) {
         auto page = PageRequest::from(request, 50, 200);
         auto runs = database.inTransaction(
             [&](Transaction& tx) { return SyncStore(tx).runs(beforeIdOf(page), page.limit + 1); },
             TxMode::Read);
         std::optional<std::string> next;
         if (runs.size() > page.limit) {
           runs.resize(page.limit);
           next = encodeCursor(std::to_string(runs.back().id));
         }
         Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
         for (const auto& run : runs) items->add(runJson(run));
         response.page(items, next);
       },
       "The directory sync runs, newest first", true, "",
       R"({"type":"object","properties":{"items":{"type":"array","items":)" +
           std::string(kRunSchema) + R"(},"next":{"type":"string","nullable":true}}})"});
  context.addRoute({"GET", "/api/v1/ldap/runs/{id}", admin,
                    [&database](const Request& request, Response& response) {
                      auto id = request.idParam("id");
                      auto run = database.inTransaction(
                          [&](Transaction& tx) { return SyncStore(tx).run(id); }, TxMode::Read);
                      if (!run)
                        throw HttpError::notFound("there is no sync run " + std::to_string(id));
                      response.json(runJson(*run));
                    },
                    "One directory sync run with its errors", true, "", kRunSchema});
}

}  // namespace cadre::ldap
