#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "db/connection_pool.hpp"

namespace cadre::db {

/// Moves a SQLite database's write-ahead log into the database file on a thread of its own, so
/// that no transaction pays for it when it commits: SQLite's automatic checkpoint runs inside the
/// committing call (a second after a sync that wrote 100,000 people), so the pool's connections
/// turn it off (wal_autocheckpoint=0) and this takes over. Every `interval` it runs a PASSIVE
/// checkpoint (which never waits for readers or writers) on a connection of its own; stopping
/// interrupts a checkpoint under way, which leaves the log intact for the next one, another
/// process's, or the last connection's close. Thread-safe.
class WalCheckpointer {
 public:
  /// `open` opens the checkpointer's own connection, once, on its thread.
  WalCheckpointer(std::function<SessionPtr()> open, std::chrono::milliseconds interval);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  /// Checkpoints what no reader still needs; throws std::runtime_error when SQLite fails.
  void checkpoint();
  void loop();
  void stop();

  std::function<SessionPtr()> open_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  SessionPtr session_;
  std::thread thread_;
};

}  // namespace cadre::db
