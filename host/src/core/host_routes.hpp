#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cadre/http.hpp"
#include "core/registries.hpp"
#include "db/sql_database.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace cadre {

/// What the host's own routes read: each a view, none owned.
struct HostRouteSources {
  db::SqlDatabase& database;
  const http::Router& router;
  const http::RequestMetrics& metrics;
  const PageRegistry& pages;
  /// The plugins as `cadre plugins` shows them, as a JSON array.
  std::function<Poco::JSON::Array::Ptr()> pluginStates;
  /// Extra Prometheus text (plugin states, job runs).
  std::function<std::string()> extraMetrics;
  std::string version;
  /// The shell's files, and each plugin's web folder as <pluginsDir>/<name>/web.
  std::string webDir;
  std::string pluginsDir;
};

/// GET /healthz, /metrics, /api/openapi.json, /api/v1/plugins, /api/v1/shell/pages, and the
/// web shell's files (/ and /web/{owner}/{file}).
std::vector<Route> hostRoutes(const HostRouteSources& sources);

/// The content type for a web file by its extension; "" for a type the shell does not serve.
std::string webContentType(const std::string& fileName);

}  // namespace cadre
