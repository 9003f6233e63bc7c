#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "cadre/database.hpp"

namespace cadre::db {

/// How many connections a database keeps and how long a caller waits for one.
struct PoolOptions {
  std::size_t maxConnections = 16;
  std::chrono::milliseconds acquireTimeout{5000};
  /// SQLite only: how long a statement waits for another connection's lock.
  std::chrono::milliseconds busyTimeout{5000};
  /// SQLite only: the page cache of each connection (PRAGMA cache_size), in MiB.
  std::int64_t sqliteCacheMiB = 64;
  /// SQLite only: how often a thread of the database's own checkpoints the write-ahead log
  /// (WalCheckpointer); 0 leaves it to SQLite, inside whichever commit fills the log.
  std::chrono::milliseconds sqliteCheckpointInterval{1000};
};

/// Called for Transaction::publish, inside the publishing transaction.
using EventDispatch =
    std::function<void(Transaction& tx, const std::string& topic, const std::string& payloadJson)>;

/// The host's Database: a pool of Poco::Data sessions on SQLite (WAL, busy timeout, foreign
/// keys) or PostgreSQL. Thread-safe.
class SqlDatabase : public Database {
 public:
  /// Where events published in transactions go; set once at start-up, before any transaction.
  virtual void setEventDispatch(EventDispatch dispatch) = 0;
  /// The URL with any password masked, for logs.
  virtual std::string describe() const = 0;
  /// Takes a lock named `name` for the rest of `tx` if nobody holds it: a PostgreSQL
  /// transaction-level advisory lock (a read transaction will do); always true on SQLite (one
  /// host per file).
  virtual bool tryLockForJob(Transaction& tx, const std::string& name) = 0;
};

/// Opens `sqlite:PATH` (the file is created if missing) or a PostgreSQL URL
/// (`postgresql://user:pass@host:port/db` or `postgres://…`; query parameters become libpq
/// keywords). Throws std::invalid_argument for an unknown scheme or a PostgreSQL value with a
/// space (Poco's connector cannot pass one), and std::runtime_error with the server's reason
/// when the database cannot be reached.
std::unique_ptr<SqlDatabase> openDatabase(const std::string& url, const PoolOptions& options = {});

/// Rewrites `?` placeholders outside quoted text to `$1`, `$2`, … (PostgreSQL's form).
std::string toPostgresPlaceholders(const std::string& sql);
/// Replaces the migration placeholders (${id}, ${bigint}, ${real}, ${blob}) for a dialect.
std::string applyDialect(const std::string& statement, SqlDialect dialect);

}  // namespace cadre::db
