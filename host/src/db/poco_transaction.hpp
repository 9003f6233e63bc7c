#pragma once

#include <stdexcept>

#include "cadre/database.hpp"
#include "db/connection_pool.hpp"
#include "db/sql_database.hpp"

namespace cadre::db {

/// BEGIN failed on a leased connection (e.g. the server restarted since it was opened). The
/// connection is dropped from the pool; a fresh one may work.
class BeginFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A Transaction on one leased Poco::Data session. BEGIN on construction, ROLLBACK on
/// destruction unless committed; a connection whose BEGIN, COMMIT or ROLLBACK fails is dropped
/// from the pool. Throws BeginFailed from the constructor when BEGIN fails.
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
  void requireOpen() const;

  ConnectionPool::Lease lease_;
  SqlDialect dialect_;
  const EventDispatch* dispatch_;
  bool open_ = false;
};

}  // namespace cadre::db
