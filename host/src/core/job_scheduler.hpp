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
/// the plugins started) and joined by stop(). Each run takes the job's lock in the database
/// (PostgreSQL advisory lock), is recorded in `job_runs` and counted for /metrics.
class JobScheduler {
 public:
  explicit JobScheduler(db::SqlDatabase& database);
  ~JobScheduler();
  /// Throws std::invalid_argument for a job without name, run or a positive interval, or a
  /// taken name.
  void add(const std::string& owner, JobSpec job);
  void withdraw(const std::string& owner);
  void start();
  void stop();
  /// Runs one job now on the calling thread (CLI, tests); returns "ok", "skipped" (lock held
  /// elsewhere) or "failed: <message>".
  std::string runNow(const std::string& name);
  /// Runs per job and outcome, for /metrics.
  std::map<std::pair<std::string, std::string>, std::uint64_t> runCounts() const;

 private:
  struct Scheduled {
    std::string owner;
    JobSpec spec;
    std::chrono::steady_clock::time_point due;
  };
  void loop();
  std::string runOne(const JobSpec& job);

  db::SqlDatabase& database_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Scheduled> jobs_;
  std::map<std::pair<std::string, std::string>, std::uint64_t> counts_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace cadre
