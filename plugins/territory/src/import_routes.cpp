// HTTP for CSV imports: check the request, then runImport checks and applies every row in one
// transaction and commits only a real run without errors.
#include "cadre/dates.hpp"
#include "cadre/json_text.hpp"
#include "org_import.hpp"
#include "routes.hpp"

namespace cadre::territory {

namespace {

bool isCsv(const Request& request) {
  auto type = request.header("content-type").value_or("");
  auto media = type.substr(0, type.find(';'));
  while (!media.empty() && media.back() == ' ') media.pop_back();
  for (auto& c : media) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return media == "text/csv";
}

bool dryRunOf(const Request& request) {
  auto value = request.queryParam("dryRun");
  if (value == std::optional<std::string>("true")) return true;
  if (value == std::optional<std::string>("false")) return false;
  throw HttpError::badRequest("say dryRun=true to check the file or dryRun=false to import it",
                              {{"dryRun", "must be true or false"}});
}

/// A refused real run: a problem document that carries the whole report besides its own members.
Poco::JSON::Object::Ptr refusal(const ImportReport& report) {
  auto problem = orderedObject();
  problem->set("type", "about:blank");
  problem->set("title", "Unprocessable Content");
  problem->set("status", 422);
  problem->set("detail", std::to_string(report.errors.size()) +
                             " error(s) in the file; nothing was imported");
  auto body = report.toJson();
  for (const auto& name : {"kind", "dryRun", "rows", "created", "updated", "unchanged", "errors"}) {
    problem->set(name, body->get(name));
  }
  return problem;
}

constexpr const char* kReportSchema = R"({"type":"object","properties":{
  "kind":{"type":"string","enum":["employees","org-units","accounts"]},
  "dryRun":{"type":"boolean"},"rows":{"type":"integer"},"created":{"type":"integer"},
  "updated":{"type":"integer"},"unchanged":{"type":"integer"},
  "errors":{"type":"array","items":{"type":"object","properties":{"line":{"type":"integer"},
  "field":{"type":"string"},"message":{"type":"string"}}}}}})";

class ImportRoutes {
 public:
  explicit ImportRoutes(PluginContext& context) : context_(context) {}

  void run(const Request& request, Response& response) {
    ImportRun run;
    run.kind = request.param("kind");
    if (!isImportKind(run.kind)) {
      throw HttpError::notFound("there is no import of '" + run.kind +
                                "'; there are employees, org-units and accounts");
    }
    run.dryRun = dryRunOf(request);
    if (!isCsv(request)) {
      throw HttpError(415, "Unsupported Media Type", "send the file as Content-Type text/csv");
    }
    run.actor = request.requireUser().username;
    run.today = today();
    run.audit = [&](Transaction& tx, const ImportReport& report) {
      auto counts = report.toJson();
      counts->remove("errors");
      context_.audit().record(
          tx, request,
          {"territory.import." + report.kind, "import", report.kind, "", toJson(counts)});
    };
    run.aborted = [&](const ImportAborted& aborted) {
      context_.logger().error("import of %s (request %s) stopped at line %z: %s", run.kind,
                              request.requestId, aborted.line(), std::string(aborted.what()));
    };
    auto report = runImport(context_.database(), run, request.body);
    if (report.dryRun || report.errors.empty()) {
      response.json(report.toJson());
    } else {
      response.json(refusal(report), 422);
      response.contentType = "application/problem+json";
    }
  }

 private:
  PluginContext& context_;
};

}  // namespace

void addImportRoutes(PluginContext& context) {
  auto routes = std::make_shared<ImportRoutes>(context);
  Route route{"POST", "/api/v1/territory/imports/{kind}",
              Permission::roles({Role::Admin, Role::Hr}),
              [routes](const Request& q, Response& r) { routes->run(q, r); },
              "Import a CSV file (body, Content-Type text/csv) of employees, org-units or "
              "accounts. dryRun=true checks every row and changes nothing; dryRun=false applies "
              "all rows in one transaction or none. Answers 200 with {kind, dryRun, rows, "
              "created, updated, unchanged, errors: [{line, field, message}]}; a real run with "
              "errors writes nothing and answers 422 application/problem+json with the same "
              "members besides type, title, status and detail. Files above the host's "
              "http.maxBodyBytes (1 MiB by default) are refused with 413"};
  route.personalData = true;
  route.responseSchema = kReportSchema;
  context.addRoute(route);
}

}  // namespace cadre::territory
