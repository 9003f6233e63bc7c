#include "core/host_routes.hpp"

#include <fstream>
#include <regex>
#include <sstream>

#include <Poco/JSON/Array.h>

#include "http/openapi.hpp"

namespace cadre {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Route healthRoute(const HostRouteSources& s) {
  return {"GET", "/healthz", Permission::publicAccess(),
          [&database = s.database, states = s.pluginStates](const Request&, Response& res) {
            bool up = database.ping();
            Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            auto plugins = states();
            bool anyFailed = false;
            for (std::size_t i = 0; i < plugins->size(); ++i) {
              if (plugins->getObject(static_cast<unsigned>(i))->getValue<std::string>("state") ==
                  "failed") {
                anyFailed = true;
              }
            }
            body->set("status", !up ? "down" : anyFailed ? "degraded" : "ok");
            body->set("database", up ? "up" : "down");
            Poco::JSON::Array::Ptr summary = new Poco::JSON::Array;
            for (std::size_t i = 0; i < plugins->size(); ++i) {
              auto p = plugins->getObject(static_cast<unsigned>(i));
              Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
              entry->set("name", p->get("name"));
              entry->set("state", p->get("state"));
              summary->add(entry);
            }
            body->set("plugins", summary);
            res.json(body, up ? 200 : 503);
            res.headers["Cache-Control"] = "no-store";
          },
          "Health: database reachability and plugin states"};
}

Route metricsRoute(const HostRouteSources& s) {
  return {"GET", "/metrics", Permission::publicAccess(),
          [&metrics = s.metrics, &database = s.database, extra = s.extraMetrics](const Request&,
                                                                                 Response& res) {
            std::string text = metrics.render();
            text +=
                "# HELP cadre_database_up Whether the database answered a query.\n"
                "# TYPE cadre_database_up gauge\ncadre_database_up " +
                std::string(database.ping() ? "1" : "0") + "\n";
            if (extra) text += extra();
            res.text(text, "text/plain; version=0.0.4; charset=utf-8");
          },
          "Prometheus metrics"};
}

Route openApiRoute(const HostRouteSources& s) {
  return {"GET", "/api/openapi.json", Permission::publicAccess(),
          [&router = s.router, version = s.version](const Request&, Response& res) {
            res.text(http::buildOpenApi(router, version), "application/json");
          },
          "This OpenAPI document"};
}

Route pluginsRoute(const HostRouteSources& s) {
  return {"GET", "/api/v1/plugins", Permission::roles({Role::Admin}),
          [states = s.pluginStates](const Request&, Response& res) { res.json(states()); },
          "Plugins with their version, state and error"};
}

Route pagesRoute(const HostRouteSources& s) {
  return {"GET", "/api/v1/shell/pages", Permission::authenticated(),
          [&pages = s.pages](const Request& req, Response& res) {
            Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
            for (const auto& entry : pages.visibleTo(req.requireUser().role)) {
              Poco::JSON::Object::Ptr page = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
              page->set("id", entry.page.id);
              page->set("title", entry.page.title);
              page->set("plugin", entry.owner);
              page->set("module", "/web/" + entry.owner + "/" + entry.page.module);
              items->add(page);
            }
            res.json(items);
          },
          "Pages of the loaded plugins that the caller's role may open"};
}

void serveFile(const std::string& path, const std::string& name, Response& res) {
  std::string type = webContentType(name);
  std::string content = type.empty() ? std::string() : readFile(path);
  if (content.empty()) throw HttpError::notFound("no file " + name);
  res.text(content, type);
  res.headers["Cache-Control"] = "no-cache";
}

std::vector<Route> webRoutes(const HostRouteSources& s) {
  Route index{"GET", "/", Permission::publicAccess(),
              [dir = s.webDir](const Request&, Response& res) {
                serveFile(dir + "/index.html", "index.html", res);
              },
              "The web shell"};
  Route file{"GET", "/web/{owner}/{file}", Permission::publicAccess(),
             [webDir = s.webDir, pluginsDir = s.pluginsDir](const Request& req, Response& res) {
               static const std::regex kSafeName("[A-Za-z0-9_-][A-Za-z0-9._-]{0,100}");
               const std::string& owner = req.param("owner");
               const std::string& name = req.param("file");
               if (!std::regex_match(owner, kSafeName) || !std::regex_match(name, kSafeName)) {
                 throw HttpError::notFound("no file " + name);
               }
               std::string dir = owner == "host" ? webDir : pluginsDir + "/" + owner + "/web";
               serveFile(dir + "/" + name, name, res);
             },
             "A file of the web shell or of a plugin's pages"};
  return {index, file};
}

}  // namespace

std::string webContentType(const std::string& fileName) {
  static const std::vector<std::pair<std::string, std::string>> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".json", "application/json"},
      {".ico", "image/x-icon"}};
  for (const auto& [extension, type] : kTypes) {
    if (fileName.size() > extension.size() &&
        fileName.compare(fileName.size() - extension.size(), extension.size(), extension) == 0) {
      return type;
    }
  }
  return {};
}

std::vector<Route> hostRoutes(const HostRouteSources& sources) {
  std::vector<Route> routes = {healthRoute(sources), metricsRoute(sources), openApiRoute(sources),
                               pluginsRoute(sources), pagesRoute(sources)};
  for (auto& route : webRoutes(sources)) routes.push_back(std::move(route));
  return routes;
}

}  // namespace cadre
