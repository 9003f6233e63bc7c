#pragma once

#include <memory>
#include <optional>
#include <string>

#include "audit/audit_store.hpp"
#include "auth/login_service.hpp"
#include "auth/login_throttle.hpp"
#include "auth/session_store.hpp"
#include "auth/user_store.hpp"
#include "config/host_config.hpp"
#include "core/job_scheduler.hpp"
#include "core/registries.hpp"
#include "db/sql_database.hpp"
#include "http/http_server.hpp"
#include "http/metrics.hpp"
#include "http/request_pipeline.hpp"
#include "http/router.hpp"
#include "plugins/plugin_host.hpp"

namespace cadre {

/// Everything a running host is made of, assembled in dependency order and torn down in
/// reverse: database → host schema → stores → plugins (discover, migrate, register, start) →
/// jobs → HTTP server. Each subcommand opens as much of it as it needs.
class HostRuntime {
 public:
  explicit HostRuntime(const HostConfig& config);
  ~HostRuntime();

  /// Opens the database and brings the host's own schema up to date.
  void openDatabase();
  /// Reads plugins.dir, migrates each plugin's schema, registers and starts the plugins.
  /// A failed migration throws (the host must not serve on a half-migrated schema).
  void loadPlugins();
  /// Starts the job scheduler and the HTTP server; returns the port it listens on.
  std::uint16_t serve();
  /// Stops the server, the jobs and the plugins, in that order. Idempotent.
  void stop();

  db::SqlDatabase& database() { return *database_; }
  auth::UserStore& users() { return *users_; }
  audit::AuditStore& audit() { return *audit_; }
  auth::SessionStore& sessions() { return *sessions_; }
  plugins::PluginHost& plugins() { return *plugins_; }
  /// The plugins' `cadre` subcommands and config checks (filled by loadPlugins).
  CommandRegistry& commands() { return commands_; }
  /// The plugins as the API shows them: [{name, version, state, error, file, dependencies}].
  Poco::JSON::Array::Ptr pluginStates() const;

 private:
  void addHostRoutes();
  /// The host's own jobs: purging expired sessions and old login attempts.
  void addHostJobs();
  std::string extraMetrics() const;
  std::optional<http::Authentication> authenticate(const Request& request);

  const HostConfig& config_;
  std::unique_ptr<db::SqlDatabase> database_;
  http::Router router_;
  http::RequestMetrics metrics_;
  ServiceTable services_;
  EventBus events_;
  PageRegistry pages_;
  AuthExtensions authExtensions_;
  CommandRegistry commands_;
  std::unique_ptr<audit::AuditStore> audit_;
  std::unique_ptr<auth::UserStore> users_;
  std::unique_ptr<auth::SessionStore> sessions_;
  std::unique_ptr<auth::LoginThrottle> throttle_;
  std::unique_ptr<auth::LoginService> login_;
  std::unique_ptr<JobScheduler> jobs_;
  // Declared after what plugins register into, so that it is destroyed first: its destructor
  // unloads the libraries only after every object they made is gone.
  std::unique_ptr<plugins::PluginHost> plugins_;
  std::unique_ptr<http::RequestPipeline> pipeline_;
  std::unique_ptr<http::HttpServer> server_;
};

}  // namespace cadre
