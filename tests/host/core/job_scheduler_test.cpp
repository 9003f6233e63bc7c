#include "core/job_scheduler.hpp"

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "core/host_schema.hpp"
#include "db/migrator.hpp"
#include "support/test_database.hpp"

namespace cadre {
namespace {

using namespace std::chrono_literals;
using Counts = std::map<std::pair<std::string, std::string>, std::uint64_t>;

/// A migrated database per test, on the engine named by the parameter, and a scheduler on it.
class JobSchedulerTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    store_ = std::make_unique<test::TestDatabase>(GetParam());
    db_ = store_->open();
    db::Migrator(*db_).migrate("host", hostMigrations());
    scheduler_ = std::make_unique<JobScheduler>(*db_);
  }

  /// "job outcome message" of every recorded run, oldest first.
  std::vector<std::string> runs() {
    std::vector<std::string> out;
    auto tx = db_->begin(TxMode::Read);
    for (const auto& row : tx->query(
             "SELECT job, outcome, message, started_at, finished_at FROM job_runs ORDER BY id")) {
      EXPECT_LE(row.getString(3), row.getString(4));
      out.push_back(row.getString(0) + " " + row.getString(1) + " " +
                    row.getOptionalString(2).value_or("-"));
    }
    return out;
  }

  /// Waits up to 10 s for `done`.
  template <typename Done>
  bool eventually(Done done) {
    for (auto until = std::chrono::steady_clock::now() + 10s;
         std::chrono::steady_clock::now() < until; std::this_thread::sleep_for(10ms)) {
      if (done()) return true;
    }
    return false;
  }

  std::unique_ptr<test::TestDatabase> store_;
  std::unique_ptr<db::SqlDatabase> db_;
  std::unique_ptr<JobScheduler> scheduler_;
};

TEST_P(JobSchedulerTest, RunNowRunsTheJobAndRecordsIt) {
  int calls = 0;
  scheduler_->add("territory", {"territory.rebuild", 3600s, [&] { ++calls; }});
  EXPECT_EQ(scheduler_->runNow("territory.rebuild"), "ok");
  EXPECT_EQ(scheduler_->runNow("territory.rebuild"), "ok");
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(runs(), (std::vector<std::string>{"territory.rebuild ok -", "territory.rebuild ok -"}));
  EXPECT_EQ(scheduler_->runCounts(), (Counts{{{"territory.rebuild", "ok"}, 2}}));
}

TEST_P(JobSchedulerTest, AJobThatThrowsIsRecordedAsFailed) {
  scheduler_->add("odbc",
                  {"odbc.actuals", 3600s, [] { throw std::runtime_error("ERP unreachable"); }});
  EXPECT_EQ(scheduler_->runNow("odbc.actuals"), "failed: ERP unreachable");
  EXPECT_EQ(runs(), (std::vector<std::string>{"odbc.actuals failed ERP unreachable"}));
  EXPECT_EQ(scheduler_->runCounts(), (Counts{{{"odbc.actuals", "failed"}, 1}}));
}

TEST_P(JobSchedulerTest, JobsWriteInTransactionsOfTheirOwn) {
  db_->inTransaction([](Transaction& tx) { tx.execute("CREATE TABLE synced (n INTEGER)"); });
  scheduler_->add("ldap", {"ldap.sync", 3600s, [&] {
                             db_->inTransaction([](Transaction& tx) {
                               tx.execute("INSERT INTO synced (n) VALUES (1)");
                             });
                           }});
  EXPECT_EQ(scheduler_->runNow("ldap.sync"), "ok");
  EXPECT_EQ(db_->begin(TxMode::Read)->queryOne("SELECT COUNT(*) FROM synced")->getInt(0), 1);
}

TEST_P(JobSchedulerTest, RefusesMalformedAndDuplicateJobs) {
  auto refusal = [&](JobSpec job) {
    try {
      scheduler_->add("ldap", std::move(job));
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refusal({"", 60s, [] {}}), "a job of ldap has no name");
  EXPECT_EQ(refusal({"ldap.sync", 60s, nullptr}), "job 'ldap.sync' of ldap has no run");
  EXPECT_EQ(refusal({"ldap.sync", 0s, [] {}}),
            "job 'ldap.sync' of ldap needs a positive interval, not 0 s");
  scheduler_->add("odbc", {"ldap.sync", 60s, [] {}});
  EXPECT_EQ(refusal({"ldap.sync", 60s, [] {}}), "job 'ldap.sync' of ldap is taken by odbc");
}

TEST_P(JobSchedulerTest, ForgetsTheJobsOfAWithdrawnOwner) {
  scheduler_->add("ldap", {"ldap.sync", 60s, [] {}});
  scheduler_->withdraw("ldap");
  try {
    scheduler_->runNow("ldap.sync");
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "no job named 'ldap.sync'");
  }
}

TEST_P(JobSchedulerTest, TheThreadRunsDueJobsAndSurvivesFailures) {
  std::atomic<int> good{0};
  std::atomic<int> bad{0};
  scheduler_->add("a", {"a.good", 1s, [&] { ++good; }});
  scheduler_->add("b", {"b.bad", 1s, [&] {
                          ++bad;
                          throw std::runtime_error("boom");
                        }});
  scheduler_->start();
  EXPECT_TRUE(eventually([&] { return good >= 2 && bad >= 2; }));
  scheduler_->stop();
  auto counts = scheduler_->runCounts();
  const std::pair<std::string, std::string> goodRuns{"a.good", "ok"};
  const std::pair<std::string, std::string> badRuns{"b.bad", "failed"};
  EXPECT_EQ(counts[goodRuns], static_cast<std::uint64_t>(good.load()));
  EXPECT_EQ(counts[badRuns], static_cast<std::uint64_t>(bad.load()));
}

TEST_P(JobSchedulerTest, StopsPromptlyWhenIdle) {
  scheduler_->add("a", {"a.daily", 86400s, [] {}});
  scheduler_->start();
  EXPECT_THROW(scheduler_->start(), std::logic_error);
  std::this_thread::sleep_for(20ms);
  auto started = std::chrono::steady_clock::now();
  scheduler_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 200ms);
  EXPECT_TRUE(scheduler_->runCounts().empty());
  scheduler_->start();  // and starts again
  scheduler_->stop();
}

TEST_P(JobSchedulerTest, ASecondHostSkipsAJobTheFirstIsRunning) {
  auto otherPool = store_->open();
  JobScheduler other(*otherPool);
  std::promise<void> entered;
  std::promise<void> release;
  auto released = release.get_future().share();
  scheduler_->add("odbc", {"odbc.actuals", 3600s, [&] {
                             entered.set_value();
                             released.wait();
                           }});
  other.add("odbc", {"odbc.actuals", 3600s, [] {}});
  auto first = std::async(std::launch::async, [&] { return scheduler_->runNow("odbc.actuals"); });
  entered.get_future().wait();
  // SQLite has one host per file and no lock between schedulers.
  const std::string expected = GetParam() == "sqlite" ? "ok" : "skipped";
  EXPECT_EQ(other.runNow("odbc.actuals"), expected);
  release.set_value();
  EXPECT_EQ(first.get(), "ok");
  EXPECT_EQ(other.runNow("odbc.actuals"), "ok");
  EXPECT_EQ(other.runCounts(), GetParam() == "sqlite" ? (Counts{{{"odbc.actuals", "ok"}, 2}})
                                                      : (Counts{{{"odbc.actuals", "ok"}, 1},
                                                                {{"odbc.actuals", "skipped"}, 1}}));
  if (GetParam() == "postgres") {
    EXPECT_EQ(runs(), (std::vector<std::string>{"odbc.actuals skipped another host runs it",
                                                "odbc.actuals ok -", "odbc.actuals ok -"}));
  }
}

TEST_P(JobSchedulerTest, ARunThatCannotBeRecordedStillCounts) {
  db_->inTransaction([](Transaction& tx) { tx.execute("DROP TABLE job_runs"); });
  scheduler_->add("a", {"a.job", 60s, [] {}});
  EXPECT_EQ(scheduler_->runNow("a.job"), "ok");
  EXPECT_EQ(scheduler_->runCounts(), (Counts{{{"a.job", "ok"}, 1}}));
}

INSTANTIATE_TEST_SUITE_P(Engines, JobSchedulerTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace cadre
