#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "ldap_client.hpp"

namespace cadre::ldap {

namespace feed {

/// Entries handed over at once (one lock per batch, not per entry).
constexpr std::size_t kBatchEntries = 200;
/// Batches that may wait for the caller before the reading thread waits in turn.
constexpr std::size_t kBatchesAhead = 4;

/// Thrown inside the reading thread's callback when the caller gave up, to end the search.
struct Abandoned {};

/// What the reading thread and the caller share, under one mutex.
template <class Item>
class Handover {
 public:
  /// Reading thread: queues a batch, waiting while enough are queued. False once the caller
  /// stopped taking them.
  bool put(std::vector<Item>&& batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    roomLeft_.wait(lock, [this] { return abandoned_ || ready_.size() < kBatchesAhead; });
    if (abandoned_) return false;
    ready_.push_back(std::move(batch));
    arrived_.notify_one();
    return true;
  }

  /// Reading thread: the search ended, with `failure` if it failed.
  void finish(std::exception_ptr failure) {
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
    failure_ = std::move(failure);
    arrived_.notify_one();
  }

  /// Caller: the next batch; empty once the search ended and everything was taken.
  std::vector<Item> take() {
    std::unique_lock<std::mutex> lock(mutex_);
    arrived_.wait(lock, [this] { return finished_ || !ready_.empty(); });
    if (ready_.empty()) return {};
    std::vector<Item> batch = std::move(ready_.front());
    ready_.pop_front();
    roomLeft_.notify_one();
    return batch;
  }

  /// Caller: takes no more; the reading thread stops at its next entry.
  void abandon() {
    std::lock_guard<std::mutex> lock(mutex_);
    abandoned_ = true;
    roomLeft_.notify_one();
  }

  /// Caller, after the join: why the search failed, if it did.
  std::exception_ptr failure() const { return failure_; }

 private:
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::condition_variable roomLeft_;
  std::deque<std::vector<Item>> ready_;
  bool finished_ = false;
  bool abandoned_ = false;
  std::exception_ptr failure_;
};

}  // namespace feed

/// LdapConnection::search with the reading done ahead: the directory's answer is received,
/// decoded and made into items by `prepare` on a thread of this call's own while `onItem` runs
/// on the caller's thread for the items before, so that a sync's read costs about the longer of
/// the two, not their sum. `prepare` must be safe to run beside the caller (it touches nothing
/// the caller uses). The thread lives only inside this call: it is joined before the call
/// returns or throws, and it is the only user of `connection` meanwhile. At most a few hundred
/// items wait between the two. Throws what the search or `prepare` throws (LdapError) or what
/// `onItem` throws; either way the search is abandoned and nothing more is delivered.
/// `onReceived` (if any) is called on the reading thread with the count so far as each entry
/// arrives, before it is prepared.
template <class Item>
void searchReadingAhead(LdapConnection& connection, const std::string& base, int scope,
                        const std::string& filter, const std::vector<std::string>& attributes,
                        const std::function<Item(DirectoryEntry&&)>& prepare,
                        const std::function<void(Item&&)>& onItem,
                        const std::function<void(std::size_t received)>& onReceived = {}) {
  feed::Handover<Item> handover;
  std::thread reader([&] {
    std::exception_ptr failure;
    try {
      std::vector<Item> batch;
      std::size_t received = 0;
      connection.search(base, scope, filter, attributes, [&](DirectoryEntry&& entry) {
        if (onReceived) onReceived(++received);
        batch.push_back(prepare(std::move(entry)));
        if (batch.size() < feed::kBatchEntries) return;
        if (!handover.put(std::move(batch))) throw feed::Abandoned{};
        batch = {};
      });
      if (!batch.empty()) handover.put(std::move(batch));
    } catch (const feed::Abandoned&) {
      // The caller failed and has its own exception to report.
    } catch (...) {
      failure = std::current_exception();
    }
    handover.finish(failure);
  });
  try {
    for (auto batch = handover.take(); !batch.empty(); batch = handover.take()) {
      for (auto& item : batch) onItem(std::move(item));
    }
  } catch (...) {
    handover.abandon();
    reader.join();
    throw;
  }
  reader.join();
  if (auto failure = handover.failure()) std::rethrow_exception(failure);
}

}  // namespace cadre::ldap
