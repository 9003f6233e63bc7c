#include "db/connection_pool.hpp"

#include <stdexcept>

namespace cadre::db {

ConnectionPool::Lease::Lease(ConnectionPool* pool, SessionPtr session)
    : pool_(pool), session_(std::move(session)) {}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), session_(std::move(other.session_)), broken_(other.broken_) {
  other.pool_ = nullptr;
}

ConnectionPool::Lease::~Lease() {
  if (pool_ && session_) pool_->giveBack(std::move(session_), broken_);
}

ConnectionPool::ConnectionPool(Factory factory, std::size_t maxConnections,
                               std::chrono::milliseconds acquireTimeout, Closer beforeClose)
    : factory_(std::move(factory)),
      beforeClose_(std::move(beforeClose)),
      maxConnections_(maxConnections),
      acquireTimeout_(acquireTimeout) {}

ConnectionPool::~ConnectionPool() {
  for (auto& session : idle_) close(std::move(session));
}

void ConnectionPool::close(SessionPtr session) noexcept {
  if (!session) return;
  try {
    if (beforeClose_) beforeClose_(*session);
    session.reset();
  } catch (...) {
    // Closing is best effort: the session is gone either way.
  }
}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  bool ready = available_.wait_for(lock, acquireTimeout_,
                                   [&] { return !idle_.empty() || open_ < maxConnections_; });
  if (!ready) {
    throw std::runtime_error("no database connection became free within " +
                             std::to_string(acquireTimeout_.count()) + " ms (pool of " +
                             std::to_string(maxConnections_) + ")");
  }
  if (!idle_.empty()) {
    auto session = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(session));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(this, factory_());
  } catch (...) {
    std::lock_guard relock(mutex_);
    --open_;
    available_.notify_one();
    throw;
  }
}

void ConnectionPool::giveBack(SessionPtr session, bool broken) {
  if (broken) close(std::move(session));
  std::lock_guard lock(mutex_);
  if (broken) {
    --open_;
  } else {
    idle_.push_back(std::move(session));
  }
  available_.notify_one();
}

void ConnectionPool::dropIdle() {
  std::vector<SessionPtr> dropped;
  {
    std::lock_guard lock(mutex_);
    open_ -= idle_.size();
    dropped.swap(idle_);
    available_.notify_all();
  }
  for (auto& session : dropped) close(std::move(session));
}

}  // namespace cadre::db
