#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include <Poco/Data/Session.h>

namespace cadre::db {

/// A pooled session. Shared so that a session carries its own deleter (PostgreSQL needs one).
using SessionPtr = std::shared_ptr<Poco::Data::Session>;

/// A bounded pool of Poco::Data sessions that hands each to one borrower at a time. Opening a
/// connection runs the given factory (which also applies per-connection settings). Thread-safe.
class ConnectionPool {
 public:
  using Factory = std::function<SessionPtr()>;
  /// Runs on a session just before the pool closes it (e.g. to finalize cached statements).
  using Closer = std::function<void(Poco::Data::Session&)>;

  /// A borrowed session; returns it to the pool when destroyed, or drops it if marked broken.
  class Lease {
   public:
    Lease(ConnectionPool* pool, SessionPtr session);
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Poco::Data::Session& session() { return *session_; }
    /// The connection is in an unknown state (a failed rollback, a lost server): don't reuse it.
    void markBroken() { broken_ = true; }

   private:
    ConnectionPool* pool_;
    SessionPtr session_;
    bool broken_ = false;
  };

  ConnectionPool(Factory factory, std::size_t maxConnections,
                 std::chrono::milliseconds acquireTimeout, Closer beforeClose = {});
  /// Closes the idle sessions; every lease must have ended.
  ~ConnectionPool();
  /// Waits for an idle session or opens a new one while under the limit; throws
  /// std::runtime_error when none frees up within the timeout.
  Lease acquire();
  /// Drops idle sessions (e.g. after the server restarted).
  void dropIdle();

 private:
  void giveBack(SessionPtr session, bool broken);
  void close(SessionPtr session) noexcept;

  Factory factory_;
  Closer beforeClose_;
  std::size_t maxConnections_;
  std::chrono::milliseconds acquireTimeout_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<SessionPtr> idle_;
  std::size_t open_ = 0;
};

}  // namespace cadre::db
