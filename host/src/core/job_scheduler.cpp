#include "core/job_scheduler.hpp"

#include <algorithm>
#include <stdexcept>

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Logger.h>
#include <Poco/Timestamp.h>

namespace cadre {
namespace {

const char* const kRecordRun =
    "INSERT INTO job_runs (job, started_at, finished_at, outcome, message) VALUES (?, ?, ?, ?, ?)";

Poco::Logger& logger() {
  return Poco::Logger::get("cadre.jobs");
}

std::string now() {
  return Poco::DateTimeFormatter::format(Poco::Timestamp(),
                                         Poco::DateTimeFormat::ISO8601_FRAC_FORMAT);
}

}  // namespace

JobScheduler::JobScheduler(db::SqlDatabase& database) : database_(database) {}

JobScheduler::~JobScheduler() {
  stop();
}

void JobScheduler::add(const std::string& owner, JobSpec job) {
  if (job.name.empty()) throw std::invalid_argument("a job of " + owner + " has no name");
  if (!job.run) throw std::invalid_argument("job '" + job.name + "' of " + owner + " has no run");
  if (job.interval.count() <= 0) {
    throw std::invalid_argument("job '" + job.name + "' of " + owner +
                                " needs a positive interval, not " +
                                std::to_string(job.interval.count()) + " s");
  }
  std::lock_guard lock(mutex_);
  for (const auto& scheduled : jobs_) {
    if (scheduled.spec.name == job.name) {
      throw std::invalid_argument("job '" + job.name + "' of " + owner + " is taken by " +
                                  scheduled.owner);
    }
  }
  auto due = std::chrono::steady_clock::now() + job.interval;
  jobs_.push_back({owner, std::move(job), due});
  wake_.notify_all();
}

void JobScheduler::withdraw(const std::string& owner) {
  std::lock_guard lock(mutex_);
  jobs_.erase(std::remove_if(jobs_.begin(), jobs_.end(),
                             [&](const Scheduled& job) { return job.owner == owner; }),
              jobs_.end());
  wake_.notify_all();
}

void JobScheduler::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) throw std::logic_error("the job scheduler runs already");
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void JobScheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
}

std::string JobScheduler::runNow(const std::string& name) {
  JobSpec job;
  {
    std::lock_guard lock(mutex_);
    auto found = std::find_if(jobs_.begin(), jobs_.end(), [&](const Scheduled& scheduled) {
      return scheduled.spec.name == name;
    });
    if (found == jobs_.end()) throw std::invalid_argument("no job named '" + name + "'");
    job = found->spec;
  }
  return runOne(job);
}

std::map<std::pair<std::string, std::string>, std::uint64_t> JobScheduler::runCounts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

void JobScheduler::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto next = std::min_element(jobs_.begin(), jobs_.end(),
                                 [](const auto& a, const auto& b) { return a.due < b.due; });
    if (next == jobs_.end()) {
      wake_.wait(lock);
      continue;
    }
    if (next->due > std::chrono::steady_clock::now()) {
      wake_.wait_until(lock, next->due);
      continue;  // woken early, a job added or withdrawn, or due: look again
    }
    next->due = std::chrono::steady_clock::now() + next->spec.interval;
    JobSpec job = next->spec;
    lock.unlock();
    runOne(job);
    lock.lock();
  }
}

std::string JobScheduler::runOne(const JobSpec& job) {
  const std::string startedAt = now();
  std::string outcome = "ok";
  std::string message;
  try {
    // A read transaction holds the lock: on SQLite a write transaction would hold the
    // database's write lock and the job's own writes would wait for it in vain.
    auto lockTx = database_.begin(TxMode::Read);
    if (!database_.tryLockForJob(*lockTx, job.name)) {
      outcome = "skipped";
      message = "another host runs it";
    } else {
      try {
        job.run();
      } catch (const std::exception& e) {
        outcome = "failed";
        message = e.what();
      } catch (...) {
        outcome = "failed";
        message = "an exception that is not a std::exception";
      }
      lockTx->commit();
    }
  } catch (const std::exception& e) {
    if (outcome != "failed") message = e.what();  // the database failed us, not the job
    outcome = "failed";
  }
  if (outcome == "failed") {
    logger().error("job '" + job.name + "' failed: " + message);
  } else {
    logger().debug("job '" + job.name + "': " + outcome);
  }
  record(job.name, startedAt, outcome, message);
  {
    std::lock_guard lock(mutex_);
    ++counts_[{job.name, outcome}];
  }
  return outcome == "failed" ? "failed: " + message : outcome;
}

void JobScheduler::record(const std::string& job, const std::string& startedAt,
                          const std::string& outcome, const std::string& message) {
  try {
    database_.inTransaction([&](Transaction& tx) {
      tx.execute(kRecordRun, {job, startedAt, now(), outcome,
                              message.empty() ? SqlValue(nullptr) : SqlValue(message)});
    });
  } catch (const std::exception& e) {
    logger().warning("job '" + job + "' ran (" + outcome +
                     ") but job_runs did not take it: " + e.what());
  }
}

}  // namespace cadre
