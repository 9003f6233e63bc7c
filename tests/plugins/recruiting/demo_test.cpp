// The recruiting demo on the territory plugin's demo org, on every engine: exact counts at
// every stage, the demo logins' team in the story, a second run and a missing org seed nothing.
#include "demo_recruiting.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include <gtest/gtest.h>

#include "cadre/dates.hpp"
#include "demo_org.hpp"
#include "hiring.hpp"
#include "onboarding_hire.hpp"
#include "onboarding_plans.hpp"
#include "recruiting_database.hpp"

namespace cadre::recruiting::test {
namespace {

using Counts = std::map<std::string, std::int64_t>;

/// The territory demo and the recruiting demo seeded once per engine, with onboarding begun by
/// the hire's event as the plugin's handler does; the tests only read it.
struct SeededDemo {
  explicit SeededDemo(const std::string& engine) : data(engine) {
    dynamic_cast<db::SqlDatabase&>(data.db()).setEventDispatch(
        [this](Transaction& tx, const std::string& topic, const std::string& payload) {
          if (topic == kHireCompleted) {
            OnboardingPlans(tx, data.org(), data.trail()).begin(hireFactsFrom(payload));
          }
        });
    data.inTx([&](Transaction& tx) {
      return territory::seedDemoOrg(tx, data.trail(), today(), nullptr).employees;
    });
    summary = data.inTx(
        [&](Transaction& tx) { return seedRecruitingDemo(tx, data.org(), data.trail(), today()); });
  }
  RecruitingDatabase data;
  RecruitingDemoSummary summary;
};

class RecruitingDemoTest : public ::testing::TestWithParam<std::string> {
 protected:
  RecruitingDemoTest() : data_(seeded(GetParam()).data), summary_(seeded(GetParam()).summary) {}

  static void TearDownTestSuite() { demos().clear(); }

  static std::map<std::string, std::unique_ptr<SeededDemo>>& demos() {
    static std::map<std::string, std::unique_ptr<SeededDemo>> byEngine;
    return byEngine;
  }

  static SeededDemo& seeded(const std::string& engine) {
    auto& demo = demos()[engine];
    if (!demo) demo = std::make_unique<SeededDemo>(engine);
    return *demo;
  }

  /// "key → count" of a query answering (text, count) rows.
  static Counts grouped(RecruitingDatabase& data, const std::string& sql,
                        const SqlParams& params = {}) {
    return data.db().inTransaction(
        [&](Transaction& tx) {
          Counts out;
          for (const auto& row : tx.query(sql, params)) out[row.getString(0)] = row.getInt(1);
          return out;
        },
        TxMode::Read);
  }

  std::int64_t count(const std::string& sql, const SqlParams& params = {}) {
    return data_.db().inTransaction(
        [&](Transaction& tx) { return tx.queryOne(sql, params)->getInt(0); }, TxMode::Read);
  }

  /// Rows in every recruiting table: what a run that seeds nothing must leave as it is.
  static Counts tableSizes(RecruitingDatabase& data) {
    Counts sizes;
    for (const char* table :
         {"recruiting_requisitions", "recruiting_approval_steps", "recruiting_candidates",
          "recruiting_applications", "recruiting_stage_moves", "recruiting_interviews",
          "recruiting_scorecards", "recruiting_offers", "recruiting_onboarding_templates",
          "recruiting_training_programs", "recruiting_onboarding_plans",
          "recruiting_onboarding_tasks"}) {
      sizes[table] = data.db().inTransaction(
          [&](Transaction& tx) {
            return tx.queryOne("SELECT COUNT(*) FROM " + std::string(table))->getInt(0);
          },
          TxMode::Read);
    }
    return sizes;
  }

  std::int64_t teamHead(const std::string& code) {
    return data_.inTx([&](Transaction& tx) {
      auto unit = data_.org().findOrgUnitByCode(tx, code);
      return *data_.org().findOrgUnit(tx, *unit, today())->headEmployeeId;
    });
  }

  RecruitingDatabase& data_;
  const RecruitingDemoSummary& summary_;
};

TEST_P(RecruitingDemoTest, SeedsEveryStageOfThePipelineWithExactCounts) {
  EXPECT_EQ(summary_.skipped, "");
  EXPECT_EQ(summary_.describe(),
            "demo: 5 requisitions, 24 candidates, 8 interviews, 4 offers, "
            "2 hires");
  const auto& c = summary_.counts;
  EXPECT_EQ(c.applications, 24);
  EXPECT_EQ(c.scorecards, 12);

  auto byStage = grouped(data_,
                         "SELECT s.code, COUNT(*) FROM recruiting_applications a JOIN "
                         "recruiting_requisition_stages s ON s.id = a.stage_id GROUP BY s.code");
  EXPECT_EQ(byStage, (Counts{{"applied", 5},
                             {"screening", 4},
                             {"interview", 4},
                             {"offer", 2},
                             {"hired", 2},
                             {"rejected", 4},
                             {"withdrawn", 3}}));
  EXPECT_EQ(grouped(data_, "SELECT state, COUNT(*) FROM recruiting_requisitions GROUP BY state"),
            (Counts{{"open", 3}, {"filled", 1}, {"pending_approval", 1}}));
  EXPECT_EQ(grouped(data_, "SELECT state, COUNT(*) FROM recruiting_interviews GROUP BY state"),
            (Counts{{"scheduled", 2}, {"done", 6}}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_interviews WHERE state = 'scheduled' AND "
                  "starts_at > ?",
                  {nowTimestamp()}),
            2)
      << "the scheduled interviews lie ahead";
  EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_scorecards WHERE submitted_at IS NOT NULL"), 12);
  EXPECT_EQ(grouped(data_, "SELECT state, COUNT(*) FROM recruiting_offers GROUP BY state"),
            (Counts{{"accepted", 2}, {"extended", 1}, {"pending_approval", 1}}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_offers WHERE hired_employee_id IS NOT NULL"), 2);
  {
    SCOPED_TRACE("rejections and withdrawals carry their reasons");
    EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_stage_moves m JOIN "
                    "recruiting_requisition_stages s ON s.id = m.to_stage_id WHERE s.kind IN "
                    "('rejected', 'withdrawn') AND m.reason <> ''"),
              7);
    EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_stage_moves m JOIN "
                    "recruiting_requisition_stages s ON s.id = m.to_stage_id WHERE s.kind = "
                    "'withdrawn' AND m.reason = 'Accepted another offer'"),
              1);
  }
  {
    SCOPED_TRACE("names in their own scripts round-trip");
    auto names = data_.db().inTransaction(
        [&](Transaction& tx) {
          std::set<std::string> out;
          for (const auto& row :
               tx.query("SELECT family_name, given_name FROM recruiting_candidates")) {
            out.insert(row.getString(0) + " " + row.getString(1));
          }
          return out;
        },
        TxMode::Read);
    EXPECT_EQ(names.size(), 24u);
    for (const char* name :
         {"Trần Thị Lan", "ใจดี สมชาย", "王 芳", "佐藤 花子", "김 민준", "Rahmawati Siti"}) {
      EXPECT_TRUE(names.count(name)) << name;
    }
  }
}

TEST_P(RecruitingDemoTest, HiresStartOnboardingThatIsUnderWay) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_onboarding_plans WHERE completed_at IS NULL "
                  "AND mentor_employee_id IS NOT NULL"),
            2);
  // Seven template tasks each; what was due by today is done but the mentor's ride-along.
  EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_onboarding_tasks"), 14);
  EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_onboarding_tasks WHERE done_at IS NOT NULL"), 5);
  EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_onboarding_tasks WHERE done_at IS NULL AND "
                  "due_date < ?",
                  {today()}),
            1)
      << "the mentor's ride-along of the hire who started two weeks ago";
  EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_plan_trainings"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_plan_trainings WHERE completed_at IS NOT "
                  "NULL"),
            1);
  auto hiredId = count(
      "SELECT o.hired_employee_id FROM recruiting_offers o JOIN recruiting_applications a ON "
      "a.id = o.application_id JOIN recruiting_candidates c ON c.id = a.candidate_id WHERE "
      "c.email = 'lan.tran@example.vn'");
  auto hired =
      data_.inTx([&](Transaction& tx) { return data_.org().findEmployee(tx, hiredId, ""); });
  ASSERT_TRUE(hired.has_value());
  EXPECT_EQ(hired->givenName + " " + hired->familyName, "Lan Trần Thị");
  EXPECT_EQ(hired->managerId, std::optional<std::int64_t>(teamHead("T-HAN-KA")));
  EXPECT_EQ(hired->hireDate, addDays(today(), -14));
}

TEST_P(RecruitingDemoTest, TheDemoManagersTeamHiresAndApproves) {
  auto head = teamHead("T-HAN-KA");
  EXPECT_EQ(grouped(data_,
                    "SELECT state, COUNT(*) FROM recruiting_requisitions WHERE "
                    "hiring_manager_id = ? GROUP BY state",
                    {head}),
            (Counts{{"open", 1}, {"pending_approval", 1}}));
  // The pending one waits for its hiring manager, the first step of the default chain.
  EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_approval_steps s JOIN recruiting_requisitions "
                  "r ON r.id = s.requisition_id WHERE r.state = 'pending_approval' AND "
                  "s.decision = 'pending' AND s.step_order = 1 AND s.approver_employee_id = ?",
                  {head}),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_approval_steps WHERE decision = 'approved'"),
            4 * 3);
  auto firstRep = data_.inTx([&](Transaction& tx) {
    auto reports = data_.org().reports(tx, head, today(), false);
    return *std::min_element(reports.begin(), reports.end());
  });
  // The team's first rep (the demo login "employee") sits on its interviews and mentors.
  EXPECT_EQ(grouped(data_,
                    "SELECT i.state, COUNT(*) FROM recruiting_interviews i JOIN "
                    "recruiting_interviewers v ON v.interview_id = i.id WHERE v.employee_id = ? "
                    "GROUP BY i.state",
                    {firstRep}),
            (Counts{{"done", 3}, {"scheduled", 1}}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM recruiting_onboarding_plans WHERE mentor_employee_id = ? "
                  "AND manager_employee_id = ?",
                  {firstRep, head}),
            1);
}

TEST_P(RecruitingDemoTest, ASecondRunSeedsNothing) {
  auto before = tableSizes(data_);
  auto again = data_.inTx(
      [&](Transaction& tx) { return seedRecruitingDemo(tx, data_.org(), data_.trail(), today()); });
  EXPECT_EQ(again.describe(), "demo: recruiting has requisitions already: nothing seeded again");
  EXPECT_EQ(again.counts.requisitions, 0);
  EXPECT_EQ(tableSizes(data_), before);
}

TEST_P(RecruitingDemoTest, WithoutTheDemoOrgNothingIsSeeded) {
  RecruitingDatabase empty(GetParam());
  empty.headedUnit("HQ");
  auto summary = empty.inTx(
      [&](Transaction& tx) { return seedRecruitingDemo(tx, empty.org(), empty.trail(), today()); });
  EXPECT_EQ(summary.describe(),
            "demo: recruiting found no demo org (org units HQ and T-HAN-KA with a head and "
            "reps): nothing seeded");
  for (const auto& [table, rows] : tableSizes(empty)) EXPECT_EQ(rows, 0) << table;
}

RECRUITING_ON_EVERY_ENGINE(RecruitingDemoTest);

}  // namespace
}  // namespace cadre::recruiting::test
