#include "db/sql_database.hpp"

#include <mutex>
#include <optional>
#include <stdexcept>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/URI.h>
#include <libpq-fe.h>

#include "db/connection_pool.hpp"
#include "db/poco_transaction.hpp"
#include "db/sqlite_statement.hpp"
#include "db/wal_checkpointer.hpp"

namespace cadre::db {
namespace {

void registerConnectors() {
  static std::once_flag once;
  std::call_once(once, [] {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::PostgreSQL::Connector::registerConnector();
  });
}

/// libpq's keyword=value form of a postgresql:// URL (Poco appends its own keywords to the
/// string, which a URL would not survive). Values are quoted as libpq wants.
std::string postgresKeywords(const std::string& url) {
  Poco::URI uri(url);
  auto quote = [](const std::string& value) {
    std::string out = "'";
    for (char c : value) {
      if (c == '\'' || c == '\\') out += '\\';
      out += c;
    }
    return out + "'";
  };
  std::string keywords;
  auto add = [&](const std::string& key, const std::string& value) {
    // Poco's PostgreSQL connector splits its connection string at every space, quotes or not.
    if (value.find(' ') != std::string::npos)
      throw std::invalid_argument("db.url: the " + key + " contains a space, which Poco's " +
                                  "PostgreSQL connector cannot pass on");
    if (!value.empty()) keywords += (keywords.empty() ? "" : " ") + key + "=" + quote(value);
  };
  add("host", uri.getHost());
  if (uri.getPort() != 0) add("port", std::to_string(uri.getPort()));
  std::string database = uri.getPath();
  if (!database.empty() && database[0] == '/') database.erase(0, 1);
  add("dbname", database);
  std::string userInfo = uri.getUserInfo();
  auto colon = userInfo.find(':');
  std::string user = userInfo.substr(0, colon);
  std::string password = colon == std::string::npos ? "" : userInfo.substr(colon + 1);
  std::string decoded;
  Poco::URI::decode(user, decoded);
  add("user", decoded);
  decoded.clear();
  Poco::URI::decode(password, decoded);
  add("password", decoded);
  for (const auto& [key, value] : uri.getQueryParameters()) add(key, value);
  return keywords;
}

std::string maskPassword(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

class PooledDatabase : public SqlDatabase {
 public:
  PooledDatabase(SqlDialect dialect, std::string description, ConnectionPool::Factory factory,
                 const PoolOptions& options)
      : dialect_(dialect),
        description_(std::move(description)),
        pool_(factory, options.maxConnections, options.acquireTimeout,
              dialect == SqlDialect::Sqlite ? ConnectionPool::Closer(finalizeCachedStatements)
                                            : ConnectionPool::Closer()) {
    if (dialect == SqlDialect::Sqlite && options.sqliteCheckpointInterval.count() > 0)
      checkpointer_.emplace(std::move(factory), options.sqliteCheckpointInterval);
  }

  std::unique_ptr<Transaction> begin(TxMode mode) override {
    if (dialect_ == SqlDialect::Sqlite) {
      return std::make_unique<PocoTransaction>(pool_.acquire(), dialect_, &dispatch_, mode);
    }
    try {
      return std::make_unique<PocoTransaction>(pool_.acquire(), dialect_, &dispatch_, mode);
    } catch (const BeginFailed&) {
      // The idle connections may have died with a server restart: start over on fresh ones.
      // (A pool timeout or a failed connect is not retried: it would only double the wait.)
      pool_.dropIdle();
      return std::make_unique<PocoTransaction>(pool_.acquire(), dialect_, &dispatch_, mode);
    }
  }

  SqlDialect dialect() const override { return dialect_; }

  bool ping() override {
    try {
      auto tx = begin(TxMode::Read);
      tx->query("SELECT 1");
      return true;
    } catch (const std::exception&) {
      return false;
    }
  }

  void setEventDispatch(EventDispatch dispatch) override { dispatch_ = std::move(dispatch); }
  std::string describe() const override { return description_; }

  bool tryLockForJob(Transaction& tx, const std::string& name) override {
    if (dialect_ == SqlDialect::Sqlite) return true;
    auto row =
        tx.queryOne("SELECT CASE WHEN pg_try_advisory_xact_lock(hashtext(?)) THEN 1 ELSE 0 END",
                    {std::string("cadre.job." + name)});
    return row && row->getInt(0) == 1;
  }

 private:
  SqlDialect dialect_;
  std::string description_;
  ConnectionPool pool_;
  EventDispatch dispatch_;
  std::optional<WalCheckpointer> checkpointer_;
};

/// The size the write-ahead log file is cut back to after a checkpoint (a sync of 100,000 people
/// grows it past 100 MB).
constexpr std::int64_t kWalSizeLimitBytes = 64LL * 1024 * 1024;

SessionPtr openSqlite(const std::string& path, const PoolOptions& options) {
  try {
    auto session = std::make_shared<Poco::Data::Session>("SQLite", path);
    try {
      for (const std::string& pragma : std::vector<std::string>{
               "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
               "PRAGMA busy_timeout=" + std::to_string(options.busyTimeout.count()),
               // A negative cache_size is in KiB.
               "PRAGMA cache_size=-" + std::to_string(options.sqliteCacheMiB * 1024),
               // The WalCheckpointer, if any, checkpoints; the log shrinks back after a big write.
               std::string("PRAGMA wal_autocheckpoint=") +
                   (options.sqliteCheckpointInterval.count() > 0 ? "0" : "1000"),
               "PRAGMA journal_size_limit=" + std::to_string(kWalSizeLimitBytes)}) {
        runSqlite(*session, pragma, {});
      }
    } catch (...) {
      finalizeCachedStatements(*session);
      throw;
    }
    return session;
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(e.displayText());
  }
}

/// libpq prints server notices ("relation … already exists, skipping") on stderr by default.
void logNotice(void*, const char* message) {
  std::string text = message;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  Poco::Logger::get("cadre.db").debug("PostgreSQL: " + text);
}

/// Poco 1.11 leaks the whole PGconn of a connection attempt that fails (~70 KB each time a
/// pool connects while the server is down), so attempts that would fail are made with libpq
/// first: a ping (the server answers) before every connection, a full login (`authenticate`)
/// when the database is opened. Throws std::runtime_error with libpq's message.
void probePostgres(const std::string& keywords, bool authenticate) {
  std::string conninfo = keywords;
  if (conninfo.find("connect_timeout=") == std::string::npos) conninfo += " connect_timeout=10";
  if (!authenticate && PQping(conninfo.c_str()) == PQPING_OK) return;
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(conninfo.c_str()), &PQfinish);
  if (PQstatus(conn.get()) == CONNECTION_OK) return;
  std::string message = PQerrorMessage(conn.get());
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  throw std::runtime_error(message);
}

PGconn* connectionOf(Poco::Data::Session& session) {
  auto* impl = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(session.impl());
  return impl ? static_cast<PGconn*>(impl->handle()) : nullptr;
}

/// Poco 1.11 closes only connections whose status is still OK, so a connection that went bad
/// (a server restart) would leak its PGconn; this finishes those itself.
void closePostgres(Poco::Data::Session* session) {
  PGconn* connection = connectionOf(*session);
  const bool pocoFinishes = connection && PQstatus(connection) == CONNECTION_OK;
  delete session;
  if (connection && !pocoFinishes) PQfinish(connection);
}

SessionPtr openPostgres(const std::string& keywords) {
  probePostgres(keywords, false);
  try {
    SessionPtr session(new Poco::Data::Session("PostgreSQL", keywords), &closePostgres);
    if (PGconn* connection = connectionOf(*session)) {
      PQsetNoticeProcessor(connection, &logNotice, nullptr);
    }
    return session;
  } catch (const Poco::Exception& e) {
    // Poco's what() is only the exception's class description ("Connection attempt failed").
    throw std::runtime_error(e.displayText());
  }
}

}  // namespace

std::unique_ptr<SqlDatabase> openDatabase(const std::string& url, const PoolOptions& options) {
  registerConnectors();
  std::unique_ptr<SqlDatabase> database;
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    if (path.empty()) throw std::invalid_argument("db.url 'sqlite:' names no file");
    database = std::make_unique<PooledDatabase>(
        SqlDialect::Sqlite, url, [path, options] { return openSqlite(path, options); }, options);
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    std::string keywords = postgresKeywords(url);
    database = std::make_unique<PooledDatabase>(
        SqlDialect::Postgres, maskPassword(url), [keywords] { return openPostgres(keywords); },
        options);
  } else {
    throw std::invalid_argument("db.url '" + maskPassword(url) +
                                "' is neither sqlite:PATH nor postgresql://…");
  }
  try {
    if (database->dialect() == SqlDialect::Postgres) probePostgres(postgresKeywords(url), true);
    database->begin(TxMode::Read)->query("SELECT 1");
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot reach the database " + database->describe() + ": " + e.what());
  }
  return database;
}

}  // namespace cadre::db
