// A search whose answer is read on a short-lived thread while the caller handles the entries.
#include "entry_feed.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace cadre::ldap {
namespace {

/// Entries handed over at once (one lock per batch, not per entry).
constexpr std::size_t kFeedBatchEntries = 200;
/// Batches that may wait for the caller before the reading thread waits in turn.
constexpr std::size_t kFeedBatchesAhead = 4;

/// Thrown inside the reading thread's callback when the caller gave up, to end the search.
struct FeedAbandoned {};

/// What the reading thread and the caller share, under one mutex.
class EntryHandover {
 public:
  /// Reading thread: queues a batch, waiting while enough are queued. False once the caller
  /// stopped taking them.
  bool put(std::vector<DirectoryEntry>&& batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    roomLeft_.wait(lock, [this] { return abandoned_ || ready_.size() < kFeedBatchesAhead; });
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
  std::vector<DirectoryEntry> take() {
    std::unique_lock<std::mutex> lock(mutex_);
    arrived_.wait(lock, [this] { return finished_ || !ready_.empty(); });
    if (ready_.empty()) return {};
    std::vector<DirectoryEntry> batch = std::move(ready_.front());
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
  std::deque<std::vector<DirectoryEntry>> ready_;
  bool finished_ = false;
  bool abandoned_ = false;
  std::exception_ptr failure_;
};

}  // namespace

void searchReadingAhead(LdapConnection& connection, const std::string& base, int scope,
                        const std::string& filter, const std::vector<std::string>& attributes,
                        const std::function<void(DirectoryEntry&&)>& onEntry,
                        const std::function<void(std::size_t received)>& onReceived) {
  EntryHandover handover;
  std::thread reader([&] {
    std::exception_ptr failure;
    try {
      std::vector<DirectoryEntry> batch;
      std::size_t received = 0;
      connection.search(base, scope, filter, attributes, [&](DirectoryEntry&& entry) {
        if (onReceived) onReceived(++received);
        batch.push_back(std::move(entry));
        if (batch.size() < kFeedBatchEntries) return;
        if (!handover.put(std::move(batch))) throw FeedAbandoned{};
        batch = {};
      });
      if (!batch.empty()) handover.put(std::move(batch));
    } catch (const FeedAbandoned&) {
      // The caller failed and has its own exception to report.
    } catch (...) {
      failure = std::current_exception();
    }
    handover.finish(failure);
  });
  try {
    for (auto batch = handover.take(); !batch.empty(); batch = handover.take()) {
      for (auto& entry : batch) onEntry(std::move(entry));
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
