#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "cadre/export.hpp"

namespace cadre {

/// A value bound to or read from SQL: NULL, an integer, a real or text (UTF-8).
using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
/// The values bound to the `?` placeholders of a statement, in order.
using SqlParams = std::vector<SqlValue>;

/// Which SQL engine a database is. Migrations and queries use the common subset of both;
/// the few differences are spelled as placeholders in migrations (see Migration).
enum class SqlDialect { Sqlite, Postgres };

/// One row of a result. Accessors convert where it is lossless ("42" reads as 42) and throw
/// std::runtime_error naming the column otherwise.
class CADRE_SDK_API SqlRow {
 public:
  SqlRow(std::shared_ptr<const std::vector<std::string>> columns, std::vector<SqlValue> values);
  std::size_t size() const { return values_.size(); }
  bool isNull(std::size_t column) const;
  std::int64_t getInt(std::size_t column) const;
  double getDouble(std::size_t column) const;
  std::string getString(std::size_t column) const;
  std::optional<std::int64_t> getOptionalInt(std::size_t column) const;
  std::optional<std::string> getOptionalString(std::size_t column) const;
  const SqlValue& value(std::size_t column) const;
  /// Index of a column by name; throws std::out_of_range naming it when absent.
  std::size_t indexOf(const std::string& name) const;
  const std::vector<std::string>& columns() const { return *columns_; }

 private:
  std::shared_ptr<const std::vector<std::string>> columns_;
  std::vector<SqlValue> values_;
};

/// A unit of work on one pooled connection. Rolls back on destruction unless committed.
/// Not thread-safe: one transaction belongs to one thread. Statements use `?` placeholders with
/// bound values only; the host rewrites them for PostgreSQL.
class CADRE_SDK_API Transaction {
 public:
  virtual ~Transaction() = default;
  /// Runs a statement; returns the number of rows changed.
  virtual std::int64_t execute(const std::string& sql, const SqlParams& params = {}) = 0;
  /// Runs a query and returns all rows.
  virtual std::vector<SqlRow> query(const std::string& sql, const SqlParams& params = {}) = 0;
  /// Runs an INSERT into a table whose key is an integer column `id`; returns the new id.
  virtual std::int64_t insert(const std::string& sql, const SqlParams& params = {}) = 0;
  /// Publishes an event: its handlers run now, inside this transaction, and roll back with it.
  virtual void publish(const std::string& topic, const std::string& payloadJson) = 0;
  /// Makes the work durable. A transaction that throws before this leaves nothing behind.
  virtual void commit() = 0;
  virtual SqlDialect dialect() const = 0;

  /// The first row of a query, if any.
  std::optional<SqlRow> queryOne(const std::string& sql, const SqlParams& params = {});
};

/// Whether a transaction will write. On SQLite a write transaction takes the write lock at
/// BEGIN (BEGIN IMMEDIATE), so two writers never deadlock upgrading a read lock.
enum class TxMode { Read, Write };

/// The database the host connects to: a pool of connections handing out transactions.
/// Thread-safe.
class CADRE_SDK_API Database {
 public:
  virtual ~Database() = default;
  /// Begins a transaction on a pooled connection; waits for a free connection up to the pool's
  /// timeout and throws std::runtime_error when none comes.
  virtual std::unique_ptr<Transaction> begin(TxMode mode = TxMode::Write) = 0;
  virtual SqlDialect dialect() const = 0;
  /// Whether a trivial query succeeds now.
  virtual bool ping() = 0;

  /// Runs `work` in a transaction and commits it when `work` returns normally.
  template <typename Work>
  auto inTransaction(Work&& work, TxMode mode = TxMode::Write) {
    auto tx = begin(mode);
    if constexpr (std::is_void_v<decltype(work(*tx))>) {
      work(*tx);
      tx->commit();
    } else {
      auto result = work(*tx);
      tx->commit();
      return result;
    }
  }
};

/// One versioned step of a plugin's schema. Statements run in order in one transaction with
/// the step's bookkeeping; a failing step rolls back whole and stops the host.
/// Placeholders that differ between engines:
///   ${id}        INTEGER PRIMARY KEY AUTOINCREMENT (SQLite) / BIGSERIAL PRIMARY KEY (PostgreSQL)
///   ${bigint}    INTEGER / BIGINT
///   ${real}      REAL / DOUBLE PRECISION
///   ${blob}      BLOB / BYTEA
struct CADRE_SDK_API Migration {
  int version = 0;
  std::string description;
  std::vector<std::string> statements;
};

}  // namespace cadre
