#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cadre/context.hpp"
#include "db/sql_database.hpp"

namespace cadre {

/// Runs plugins' jobs at their intervals on one thread of its own, started by start() (after
/// the plugins started) and joined by stop(). A job first runs one interval after add(). Each
/// run takes the job's lock in the database (PostgreSQL advisory lock) in a transaction held
/// open while the job runs (so the pool needs a second connection for the job's own work), is
/// recorded in `job_runs` (host migration 3) and counted for /metrics. A job that throws is
/// logged on "cadre.jobs" and counted "failed"; it never ends the thread. Thread-safe.
class JobScheduler {
 public:
  explicit JobScheduler(db::SqlDatabase& database);
  /// Stops the thread if it runs.
  ~JobScheduler();
  /// Throws std::invalid_argument for a job without name, run or a positive interval, or a
  /// taken name.
  void add(const std::string& owner, JobSpec job);
  /// Removes the jobs of `owner`; a run in progress finishes.
  void withdraw(const std::string& owner);
  /// Starts the thread; throws std::logic_error when it runs already.
  void start();
  /// Wakes the thread and joins it: at once when idle, after the current run otherwise.
  void stop();
  /// Runs one job now on the calling thread (CLI, tests); returns "ok", "skipped" (lock held
  /// elsewhere) or "failed: <message>". Throws std::invalid_argument for an unknown name.
  std::string runNow(const std::string& name);
  /// Runs per job and outcome ("ok", "failed", "skipped"), for /metrics.
  std::map<std::pair<std::string, std::string>, std::uint64_t> runCounts() const;

 private:
  struct Scheduled {
    std::string owner;
    JobSpec spec;
    std::chrono::steady_clock::time_point due;
  };
  void loop();
  std::string runOne(const JobSpec& job);
  void record(const std::string& job, const std::string& startedAt, const std::string& outcome,
              const std::string& message);

  db::SqlDatabase& database_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Scheduled> jobs_;
  std::map<std::pair<std::string, std::string>, std::uint64_t> counts_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace cadre
