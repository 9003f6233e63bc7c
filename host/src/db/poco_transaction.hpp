#pragma once

#include <stdexcept>

#include "cadre/database.hpp"
#include "db/connection_pool.hpp"
#include "db/sql_database.hpp"
#include "db/statement_outcome.hpp"

namespace cadre::db {

/// BEGIN failed on a leased connection (e.g. the server restarted since it was opened). The
/// connection is dropped from the pool; a fresh one may work.
class BeginFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A Transaction on one leased Poco::Data session. BEGIN on construction, ROLLBACK on
/// destruction unless committed; a connection whose BEGIN, COMMIT or ROLLBACK fails is dropped
/// from the pool. Throws BeginFailed from the constructor when BEGIN fails. After a statement
/// fails, every further call throws std::logic_error on both engines (PostgreSQL refuses them
/// anyway and would turn COMMIT into a silent ROLLBACK; SQLite would commit the rest).
class PocoTransaction : public Transaction {
 public:
  PocoTransaction(ConnectionPool::Lease lease, SqlDialect dialect, const EventDispatch* dispatch,
                  TxMode mode);
  ~PocoTransaction() override;

  std::int64_t execute(const std::string& sql, const SqlParams& params) override;
  std::vector<SqlRow> query(const std::string& sql, const SqlParams& params) override;
  std::int64_t insert(const std::string& sql, const SqlParams& params) override;
  void publish(const std::string& topic, const std::string& payloadJson) override;
  void commit() override;
  SqlDialect dialect() const override { return dialect_; }

 private:
  void run(const std::string& sql);
  /// Runs a statement of the caller's; the first that fails ends the transaction's use.
  StatementOutcome statement(const std::string& sql, const SqlParams& params);
  void requireOpen() const;

  ConnectionPool::Lease lease_;
  SqlDialect dialect_;
  const EventDispatch* dispatch_;
  bool open_ = false;
  std::string failure_;
};

}  // namespace cadre::db
