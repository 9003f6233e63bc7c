#include "app/host_runtime.hpp"

#include <stdexcept>

#include <Poco/Logger.h>

#include "audit/audit_routes.hpp"
#include "auth/auth_routes.hpp"
#include "auth/token_source.hpp"
#include "cadre/abi.hpp"
#include "core/host_routes.hpp"
#include "core/host_schema.hpp"
#include "db/migrator.hpp"
#include "http/metrics.hpp"

namespace cadre {

namespace {

/// 64 GiB: more than any machine Cadre runs on would give one connection.
constexpr std::int64_t kMaxSqliteCacheMiB = 65536;

}  // namespace

HostRuntime::HostRuntime(const HostConfig& config) : config_(config) {}

HostRuntime::~HostRuntime() {
  stop();
}

void HostRuntime::openDatabase() {
  db::PoolOptions pool;
  pool.maxConnections = static_cast<std::size_t>(config_.getInt("db.poolSize", 16));
  pool.sqliteCacheMiB = config_.getInt("db.sqlite.cacheMiB", pool.sqliteCacheMiB);
  pool.sqliteCheckpointInterval = std::chrono::milliseconds(
      config_.getInt("db.sqlite.checkpointMillis", pool.sqliteCheckpointInterval.count()));
  if (pool.sqliteCheckpointInterval.count() < 0)
    throw std::invalid_argument("db.sqlite.checkpointMillis must not be negative");
  if (pool.sqliteCacheMiB < 1 || pool.sqliteCacheMiB > kMaxSqliteCacheMiB) {
    throw std::invalid_argument("db.sqlite.cacheMiB must be between 1 and " +
                                std::to_string(kMaxSqliteCacheMiB) + ", not " +
                                std::to_string(pool.sqliteCacheMiB));
  }
  std::string url = config_.get("db.url");
  if (auto password = config_.secret("db.password");
      password && url.find('@') != std::string::npos) {
    // db.password fills in a URL written without one: postgresql://user@host/db.
    auto at = url.find('@');
    auto scheme = url.find("://");
    if (url.find(':', scheme + 3) > at) url.insert(at, ":" + *password);
  }
  database_ = db::openDatabase(url, pool);
  database_->setEventDispatch(
      [this](Transaction& tx, const std::string& topic, const std::string& payload) {
        events_.dispatch(tx, topic, payload);
      });
  db::Migrator(*database_).migrate("host", hostMigrations());
  audit_ = std::make_unique<audit::AuditStore>(*database_);
  users_ = std::make_unique<auth::UserStore>(*database_);
  sessions_ = std::make_unique<auth::SessionStore>(
      *database_, std::chrono::seconds(config_.getInt("session.ttlSeconds", 43200)),
      auth::systemClock(), std::chrono::milliseconds(config_.getInt("session.cacheMillis", 1000)));
  throttle_ = std::make_unique<auth::LoginThrottle>();
  login_ = std::make_unique<auth::LoginService>(
      *database_, *users_, *sessions_, *throttle_,
      [this] { return authExtensions_.loginProviders(); }, *audit_);
  jobs_ = std::make_unique<JobScheduler>(*database_);
}

void HostRuntime::loadPlugins() {
  plugins::HostFacilities facilities{
      *database_,
      router_,
      services_,
      events_,
      pages_,
      authExtensions_,
      commands_,
      *audit_,
      *users_,
      config_,
      [this](const std::string& owner, JobSpec job) { jobs_->add(owner, std::move(job)); },
      [this](const std::string& owner) { jobs_->withdraw(owner); }};
  plugins_ = std::make_unique<plugins::PluginHost>(facilities);
  plugins_->discover(config_.get("plugins.dir"));
  db::Migrator migrator(*database_);
  plugins_->migrate([&migrator](const std::string& owner, const std::vector<Migration>& steps) {
    migrator.migrate(owner, steps);
  });
  plugins_->registerAll();
  plugins_->startAll();
}

std::optional<http::Authentication> HostRuntime::authenticate(const Request& request) {
  bool viaCookie = false;
  auto token = auth::presentedToken(request, viaCookie);
  if (!token) return std::nullopt;
  auto session = sessions_->resolve(*token);
  if (!session) {
    // A stale cookie on a public page is no error; a stale bearer token is.
    if (viaCookie) return std::nullopt;
    throw HttpError::unauthorized("the session token is unknown, expired or revoked; log in again");
  }
  http::Authentication auth;
  auth.user = session->user;
  auth.viaCookie = viaCookie;
  auth.csrfMatches = [session = *session](const std::string& presented) {
    return session.csrfMatches(presented);
  };
  return auth;
}

void HostRuntime::addHostRoutes() {
  for (auto& route : auth::authRoutes(*login_, *sessions_, *audit_,
                                      config_.getBool("http.secureCookies", false))) {
    router_.add("host", std::move(route));
  }
  for (auto& route : audit::auditRoutes(*audit_)) router_.add("host", std::move(route));
  HostRouteSources sources{*database_,
                           router_,
                           metrics_,
                           pages_,
                           [this] { return pluginStates(); },
                           [this] { return extraMetrics(); },
                           kCadreVersion,
                           config_.get("web.dir"),
                           config_.get("plugins.dir")};
  for (auto& route : hostRoutes(sources)) router_.add("host", std::move(route));
}

void HostRuntime::addHostJobs() {
  JobSpec purge{"host.purge-sessions", std::chrono::hours(1), [this] {
                  database_->inTransaction([this](Transaction& tx) {
                    sessions_->purgeExpired(tx);
                    throttle_->purgeOld(tx);
                  });
                }};
  jobs_->add("host", std::move(purge));
}

std::uint16_t HostRuntime::serve() {
  addHostRoutes();
  addHostJobs();
  http::PipelineHooks hooks;
  hooks.authenticate = [this](const Request& request) { return authenticate(request); };
  hooks.onDenied = [this](const Request& request, const std::string& reason) {
    audit_->recordDenied(request, reason);
  };
  pipeline_ = std::make_unique<http::RequestPipeline>(router_, hooks);
  http::ServerOptions options;
  options.address = config_.get("http.address");
  options.port = static_cast<std::uint16_t>(config_.getInt("http.port", 8080));
  options.threads = static_cast<int>(config_.getInt("http.threads", 16));
  options.maxBodyBytes = static_cast<std::size_t>(config_.getInt("http.maxBodyBytes", 1048576));
  server_ = std::make_unique<http::HttpServer>(*pipeline_, metrics_, options);
  server_->start();
  jobs_->start();
  return server_->port();
}

void HostRuntime::stop() {
  if (server_) server_->stop();
  if (jobs_) jobs_->stop();
  if (plugins_) plugins_->stopAll();
}

Poco::JSON::Array::Ptr HostRuntime::pluginStates() const {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  if (!plugins_) return list;
  for (const auto& status : plugins_->statuses()) {
    Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    entry->set("name", status.name);
    entry->set("version", status.version);
    entry->set("compatVersion", status.compatVersion);
    entry->set("state", status.state);
    entry->set("error",
               status.error.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(status.error));
    entry->set("file", status.file);
    Poco::JSON::Array::Ptr dependencies = new Poco::JSON::Array;
    for (const auto& dependency : status.dependencies) dependencies->add(dependency);
    entry->set("dependencies", dependencies);
    list->add(entry);
  }
  return list;
}

std::string HostRuntime::extraMetrics() const {
  std::string text =
      "# HELP cadre_plugin_state Plugins by state (1 for the state each is in).\n"
      "# TYPE cadre_plugin_state gauge\n";
  std::size_t failed = 0;
  if (plugins_) {
    for (const auto& status : plugins_->statuses()) {
      text += "cadre_plugin_state{plugin=\"" + http::prometheusLabel(status.name) + "\",state=\"" +
              status.state + "\"} 1\n";
      if (status.state == "failed") ++failed;
    }
  }
  text +=
      "# HELP cadre_plugins_failed Plugins that were refused or failed.\n"
      "# TYPE cadre_plugins_failed gauge\ncadre_plugins_failed " +
      std::to_string(failed) + "\n";
  text +=
      "# HELP cadre_job_runs_total Job runs by job and outcome.\n# TYPE cadre_job_runs_total "
      "counter\n";
  if (jobs_) {
    for (const auto& [key, count] : jobs_->runCounts()) {
      text += "cadre_job_runs_total{job=\"" + http::prometheusLabel(key.first) + "\",outcome=\"" +
              key.second + "\"} " + std::to_string(count) + "\n";
    }
  }
  return text;
}

}  // namespace cadre
