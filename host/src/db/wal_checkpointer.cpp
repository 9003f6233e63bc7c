#include "db/wal_checkpointer.hpp"

#include <stdexcept>

#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Logger.h>
#include <sqlite3.h>

#include "db/sqlite_statement.hpp"

namespace cadre::db {

WalCheckpointer::WalCheckpointer(std::function<SessionPtr()> open,
                                 std::chrono::milliseconds interval)
    : open_(std::move(open)), interval_(interval), thread_([this] { loop(); }) {}

WalCheckpointer::~WalCheckpointer() {
  stop();
  if (session_) finalizeCachedStatements(*session_);
}

void WalCheckpointer::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    // A checkpoint under way stops at its next page; what it copied stays copied.
    if (session_) sqlite3_interrupt(Poco::Data::SQLite::Utility::dbHandle(*session_));
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WalCheckpointer::checkpoint() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!session_) session_ = open_();
  }
  sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(*session_);
  int rc = sqlite3_wal_checkpoint_v2(handle, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY) throw std::runtime_error(sqlite3_errmsg(handle));
}

void WalCheckpointer::loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      checkpoint();
    } catch (const std::exception& e) {
      std::lock_guard<std::mutex> stopped(mutex_);
      // Stopping interrupts a checkpoint under way, which is no failure.
      if (!stopping_)
        Poco::Logger::get("cadre.db").warning(std::string("WAL checkpoint failed: ") + e.what());
    }
    lock.lock();
  }
}

}  // namespace cadre::db
