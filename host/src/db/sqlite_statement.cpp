#include "db/sqlite_statement.hpp"

#include <deque>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

namespace cadre::db {
namespace {

using StatementHandle = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

[[noreturn]] void fail(sqlite3* handle) {
  throw std::runtime_error(sqlite3_errmsg(handle));
}

void bindAll(sqlite3* handle, sqlite3_stmt* statement, const SqlParams& params) {
  const int wanted = sqlite3_bind_parameter_count(statement);
  if (wanted != static_cast<int>(params.size())) {
    throw std::runtime_error("the statement has " + std::to_string(wanted) + " placeholders but " +
                             std::to_string(params.size()) + " values were bound");
  }
  for (int i = 0; i < wanted; ++i) {
    const SqlValue& param = params[static_cast<std::size_t>(i)];
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(param)) {
      rc = sqlite3_bind_null(statement, i + 1);
    } else if (auto integer = std::get_if<std::int64_t>(&param)) {
      rc = sqlite3_bind_int64(statement, i + 1, *integer);
    } else if (auto real = std::get_if<double>(&param)) {
      rc = sqlite3_bind_double(statement, i + 1, *real);
    } else {
      // SQLITE_STATIC: SQLite reads the caller's text instead of copying it, which is safe
      // because runSqlite clears the bindings before it returns, while `params` still lives.
      const auto& text = std::get<std::string>(param);
      rc = sqlite3_bind_text64(statement, i + 1, text.data(), text.size(), SQLITE_STATIC,
                               SQLITE_UTF8);
    }
    if (rc != SQLITE_OK) fail(handle);
  }
}

SqlValue columnValue(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
      return sqlite3_column_double(statement, column);
    case SQLITE_NULL:
      return nullptr;
    case SQLITE_BLOB: {
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
      return std::string(bytes ? bytes : "",
                         static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
    default: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
      return std::string(text ? text : "",
                         static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
  }
}

/// How many prepared statements a connection keeps for reuse. When full, the statement
/// prepared longest ago makes room for the new one, so that statements used once (a plugin's
/// migrations) do not keep a busy connection from caching what it runs every request.
constexpr std::size_t kCachedStatementsPerConnection = 128;

/// The statements a connection keeps, by their text. A connection is used by one thread at a
/// time (the pool leases it), so only finding a connection's cache takes the lock.
struct ConnectionCache {
  std::unordered_map<std::string, sqlite3_stmt*> byText;
  /// The texts in the order they were prepared, oldest first.
  std::deque<std::string> order;
};

std::mutex cachesMutex;
std::unordered_map<sqlite3*, std::unique_ptr<ConnectionCache>>& caches() {
  static std::unordered_map<sqlite3*, std::unique_ptr<ConnectionCache>> all;
  return all;
}

ConnectionCache& cacheOf(sqlite3* handle) {
  std::lock_guard<std::mutex> lock(cachesMutex);
  auto& cache = caches()[handle];
  if (!cache) cache = std::make_unique<ConnectionCache>();
  return *cache;
}

/// A prepared statement that the connection keeps for the next run of the same text (looked up
/// by its text in the connection's cache, which finalizeCachedStatements empties before the
/// connection closes). A statement found busy (a run of the same text on the stack) is not
/// shared: that run prepares its own and finalizes it afterwards.
class CachedStatement {
 public:
  CachedStatement(sqlite3* handle, const std::string& sql) : cache_(cacheOf(handle)) {
    auto found = cache_.byText.find(sql);
    if (found != cache_.byText.end() && !sqlite3_stmt_busy(found->second)) {
      statement_ = found->second;
      keep_ = true;
      return;
    }
    const char* rest = nullptr;
    if (sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size()), &statement_, &rest) !=
        SQLITE_OK) {
      fail(handle);
    }
    if (!statement_) return;  // only whitespace or a comment
    // SQLite would silently ignore the rest; PostgreSQL refuses it too.
    if (std::string_view(rest).find_first_not_of(" \t\r\n;") != std::string_view::npos) {
      sqlite3_finalize(statement_);
      throw std::runtime_error("cannot run several statements at once: " + sql);
    }
    keep_ = found == cache_.byText.end();
    if (!keep_) return;
    if (cache_.order.size() >= kCachedStatementsPerConnection) evictOldestIdle();
    cache_.byText.emplace(sql, statement_);
    cache_.order.push_back(sql);
  }
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;
  /// Resets the statement (which ends its read of the database) for the next run, or finalizes it.
  ~CachedStatement() {
    if (!statement_) return;
    if (keep_) {
      sqlite3_reset(statement_);
      sqlite3_clear_bindings(statement_);
    } else {
      sqlite3_finalize(statement_);
    }
  }
  sqlite3_stmt* get() const { return statement_; }

 private:
  /// Finalizes the statement prepared longest ago that is not running now.
  void evictOldestIdle() {
    for (auto text = cache_.order.begin(); text != cache_.order.end(); ++text) {
      auto found = cache_.byText.find(*text);
      if (sqlite3_stmt_busy(found->second)) continue;
      sqlite3_finalize(found->second);
      cache_.byText.erase(found);
      cache_.order.erase(text);
      return;
    }
  }

  ConnectionCache& cache_;
  sqlite3_stmt* statement_ = nullptr;
  bool keep_ = false;
};

}  // namespace

void finalizeCachedStatements(Poco::Data::Session& session) {
  sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(session);
  if (!handle) return;
  {
    std::lock_guard<std::mutex> lock(cachesMutex);
    caches().erase(handle);
  }
  while (sqlite3_stmt* statement = sqlite3_next_stmt(handle, nullptr)) sqlite3_finalize(statement);
}

StatementOutcome runSqlite(Poco::Data::Session& session, const std::string& sql,
                           const SqlParams& params) {
  sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(session);
  // Preparing is most of the cost of a small query (a third of an authenticated request's CPU
  // in bench/http_bench.sh), so the connection keeps its statements for the next run.
  CachedStatement statement(handle, sql);
  sqlite3_stmt* raw = statement.get();
  if (!raw) return {};
  bindAll(handle, raw, params);

  std::shared_ptr<std::vector<std::string>> columns;
  StatementOutcome outcome;
  const auto changesBefore = sqlite3_total_changes(handle);
  for (;;) {
    int rc = sqlite3_step(raw);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(handle);
    if (!columns) {
      // Read after the first step: a kept statement re-prepares there when the schema changed
      // (SELECT * after ALTER TABLE), and only then names the current columns.
      columns = std::make_shared<std::vector<std::string>>();
      for (int c = 0; c < sqlite3_column_count(raw); ++c)
        columns->push_back(sqlite3_column_name(raw, c));
    }
    std::vector<SqlValue> values;
    values.reserve(columns->size());
    for (int c = 0; c < static_cast<int>(columns->size()); ++c)
      values.push_back(columnValue(raw, c));
    outcome.rows.emplace_back(columns, std::move(values));
  }
  // sqlite3_changes() keeps the count of the last INSERT/UPDATE/DELETE across other statements.
  if (sqlite3_total_changes(handle) != changesBefore) outcome.changes = sqlite3_changes(handle);
  outcome.lastInsertId = sqlite3_last_insert_rowid(handle);
  return outcome;
}

}  // namespace cadre::db
