// The scheduled sync: incremental at its interval, full once a day from ldap.fullSyncHour.
#include "sync_schedule.hpp"

#include <gtest/gtest.h>

#include "db/migrator.hpp"
#include "ldap_schema.hpp"
#include "support/test_database.hpp"

namespace cadre::ldap {
namespace {

class SyncScheduleTest : public ::testing::Test {
 protected:
  SyncScheduleTest() : store_("sqlite"), database_(store_.open()) {
    db::Migrator(*database_).migrate("ldap", ldapMigrations());
  }

  /// A job whose runs are recorded as "full"/"incremental" and end with `outcome`.
  JobSpec job(int fullSyncHour) {
    SyncRunner runner = [this](const SyncRequest& request) {
      requests.push_back(std::string(request.full ? "full" : "incremental") + " by " +
                         request.startedBy);
      SyncResult result;
      result.run.outcome = outcome;
      result.run.message = "what happened";
      return result;
    };
    return syncJob(*database_, runner, std::chrono::minutes(15), fullSyncHour);
  }

  cadre::test::TestDatabase store_;
  std::unique_ptr<db::SqlDatabase> database_;
  std::vector<std::string> requests;
  RunOutcome outcome = RunOutcome::Completed;
};

TEST_F(SyncScheduleTest, TheFirstRunFromTheFullSyncHourIsFullAndTheRestIncremental) {
  auto spec = job(0);
  EXPECT_EQ(spec.name, "ldap.sync");
  EXPECT_EQ(spec.interval, std::chrono::minutes(15));
  spec.run();
  spec.run();
  EXPECT_EQ(requests, (std::vector<std::string>{"full by job", "incremental by job"}));
}

TEST_F(SyncScheduleTest, AFailedFullSyncIsTriedAgainAndAStoppedOneWaitsForTomorrow) {
  auto spec = job(0);
  outcome = RunOutcome::Failed;
  EXPECT_THROW(spec.run(), std::runtime_error);
  outcome = RunOutcome::Stopped;
  try {
    spec.run();
    ADD_FAILURE() << "a stopped run did not fail the job";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "what happened");
  }
  outcome = RunOutcome::Completed;
  spec.run();
  EXPECT_EQ(requests,
            (std::vector<std::string>{"full by job", "full by job", "incremental by job"}));
}

TEST_F(SyncScheduleTest, BeforeTheFullSyncHourOnlyIncrementalRunsHappen) {
  auto spec = job(24);  // an hour that never comes
  spec.run();
  EXPECT_EQ(requests, (std::vector<std::string>{"incremental by job"}));
}

}  // namespace
}  // namespace cadre::ldap
