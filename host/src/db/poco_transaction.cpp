#include "db/poco_transaction.hpp"

#include <stdexcept>

#include "db/postgres_statement.hpp"
#include "db/sqlite_statement.hpp"

namespace cadre::db {

PocoTransaction::PocoTransaction(ConnectionPool::Lease lease, SqlDialect dialect,
                                 const EventDispatch* dispatch, TxMode mode)
    : lease_(std::move(lease)), dialect_(dialect), dispatch_(dispatch) {
  const char* begin = nullptr;
  if (dialect_ == SqlDialect::Sqlite) {
    begin = mode == TxMode::Write ? "BEGIN IMMEDIATE" : "BEGIN";
  } else {
    begin = mode == TxMode::Write ? "BEGIN" : "BEGIN READ ONLY";
  }
  try {
    run(begin);
  } catch (const std::runtime_error& e) {
    throw BeginFailed(e.what());
  }
  open_ = true;
}

PocoTransaction::~PocoTransaction() {
  if (!open_) return;
  try {
    run("ROLLBACK");
  } catch (...) {
    lease_.markBroken();
  }
}

void PocoTransaction::run(const std::string& sql) {
  try {
    if (dialect_ == SqlDialect::Sqlite) {
      runSqlite(lease_.session(), sql, {});
    } else {
      runPostgres(lease_.session(), sql, {});
    }
  } catch (const std::exception& e) {
    // BEGIN, COMMIT or ROLLBACK failing leaves the connection in a state nobody knows.
    lease_.markBroken();
    throw std::runtime_error(sql + ": " + e.what());
  }
}

void PocoTransaction::requireOpen() const {
  if (!open_) throw std::logic_error("the transaction is already committed");
  if (!failure_.empty()) {
    throw std::logic_error("the transaction cannot go on after a failed statement (" + failure_ +
                           "); it rolls back");
  }
}

StatementOutcome PocoTransaction::statement(const std::string& sql, const SqlParams& params) {
  requireOpen();
  try {
    if (dialect_ == SqlDialect::Sqlite) return runSqlite(lease_.session(), sql, params);
    return runPostgres(lease_.session(), sql, params);
  } catch (const std::runtime_error& e) {
    failure_ = e.what();
    throw;
  }
}

std::int64_t PocoTransaction::execute(const std::string& sql, const SqlParams& params) {
  return statement(sql, params).changes;
}

std::vector<SqlRow> PocoTransaction::query(const std::string& sql, const SqlParams& params) {
  return statement(sql, params).rows;
}

std::int64_t PocoTransaction::insert(const std::string& sql, const SqlParams& params) {
  std::int64_t added = 0;
  std::int64_t id = 0;
  if (dialect_ == SqlDialect::Sqlite) {
    auto outcome = statement(sql, params);
    added = outcome.changes;
    id = outcome.lastInsertId;
  } else {
    auto rows = statement(sql + " RETURNING id", params).rows;
    added = static_cast<std::int64_t>(rows.size());
    if (added == 1) id = rows.front().getInt(0);
  }
  if (added != 1) {
    failure_ =
        "insert() wants one new row but the statement added " + std::to_string(added) + ": " + sql;
    throw std::runtime_error(failure_);
  }
  return id;
}

void PocoTransaction::publish(const std::string& topic, const std::string& payloadJson) {
  requireOpen();
  if (dispatch_ && *dispatch_) (*dispatch_)(*this, topic, payloadJson);
}

void PocoTransaction::commit() {
  requireOpen();
  run("COMMIT");
  open_ = false;
}

}  // namespace cadre::db
