// The recruiting reports over a known history (analytics_story.hpp) on real SQLite and
// PostgreSQL databases: exact figures for HR and for each hiring manager, the dates, and who
// may see what. One database per engine serves the whole suite (the reports only read).
#include <map>
#include <memory>
#include <sstream>

#include <gtest/gtest.h>

#include "analytics.hpp"
#include "analytics_story.hpp"
#include "recruiting_database.hpp"

namespace cadre::recruiting::test {
namespace {

const std::string kNow = "2026-01-01T00:00:00Z";

struct Loaded {
  explicit Loaded(const std::string& engine) : db(engine) {
    auto unit = db.headedUnit("ACME");
    people.managerOne = unit.headEmployeeId;
    people.managerTwo = db.employee("M2", unit.unitId);
    people.interviewerOne = db.employee("I1", unit.unitId);
    people.interviewerTwo = db.employee("I2", unit.unitId);
    people.interviewerThree = db.employee("I3", unit.unitId);
    people.referrer = db.employee("REF", unit.unitId);
    outsider = db.employee("OUT", unit.unitId);
    story = writeAnalyticsStory(db.db(), people);
  }
  RecruitingDatabase db;
  AnalyticsPeople people;
  AnalyticsStory story;
  std::int64_t outsider = 0;
};

std::string text(const std::optional<double>& value) {
  if (!value) return "-";
  std::ostringstream out;
  out << *value;
  return out.str();
}

/// "code reached current rejectedHere withdrawnHere conversion ofFirst" per stage.
std::vector<std::string> rowsOf(const Funnel& funnel) {
  std::vector<std::string> rows;
  for (const auto& s : funnel.stages) {
    rows.push_back(s.code + " " + std::to_string(s.reached) + " " + std::to_string(s.current) +
                   " " + std::to_string(s.rejectedHere) + " " + std::to_string(s.withdrawnHere) +
                   " " + text(s.conversion) + " " + text(s.ofFirst));
  }
  return rows;
}

std::string statsOf(const DayStats& stats) {
  return std::to_string(stats.count) + " mean " + text(stats.mean) + " median " +
         text(stats.median) + " p90 " + text(stats.p90);
}

class AnalyticsTest : public ::testing::TestWithParam<std::string> {
 protected:
  static void TearDownTestSuite() { loaded().clear(); }

  Loaded& data() {
    auto& slot = loaded()[GetParam()];
    if (!slot) slot = std::make_unique<Loaded>(GetParam());
    return *slot;
  }

  Caller hr() { return {"hr", Role::Hr, true, std::nullopt}; }
  Caller manager(std::int64_t employeeId) { return {"manager", Role::Manager, false, employeeId}; }

  template <typename Work>
  auto as(const Caller& caller, Work work) {
    auto& d = data();
    return d.db.inTx([&](Transaction& tx) {
      RecruitingAnalytics analytics(tx, d.db.org(), caller);
      return work(analytics);
    });
  }

  /// The status and detail of the HttpError `work` throws as `caller`.
  template <typename Work>
  std::string refusal(const Caller& caller, Work work) {
    try {
      as(caller, [&](RecruitingAnalytics& a) {
        work(a);
        return 0;
      });
    } catch (const HttpError& error) {
      return std::to_string(error.status()) + " " + error.detail();
    }
    return "no refusal";
  }

  static AnalyticsScope scope(std::optional<std::int64_t> requisitionId,
                              std::optional<std::string> from = std::nullopt,
                              std::optional<std::string> to = std::nullopt) {
    return {requisitionId, std::nullopt, std::move(from), std::move(to)};
  }

 private:
  static std::map<std::string, std::unique_ptr<Loaded>>& loaded() {
    static std::map<std::string, std::unique_ptr<Loaded>> shared;
    return shared;
  }
};

TEST_P(AnalyticsTest, TheFunnelOfARequisitionCountsEveryApplicationThatEverEnteredEachStage) {
  auto fieldSales = data().story.fieldSales;
  auto funnel = as(hr(), [&](RecruitingAnalytics& a) { return a.funnel(scope(fieldSales)); });
  EXPECT_EQ(funnel.requisitionId, fieldSales);
  EXPECT_EQ(funnel.applications, 12);
  // a11 skipped screening (not reached); a12 went back to it (counted once).
  EXPECT_EQ(rowsOf(funnel), (std::vector<std::string>{
                                "applied 12 1 1 1 - -",
                                "screening 8 1 2 0 0.6667 0.6667",
                                "interview 7 1 2 0 0.875 0.5833",
                                "offer 3 0 0 1 0.4286 0.25",
                                "hired 2 2 0 0 0.6667 0.1667",
                                "rejected 5 5 0 0 - -",
                                "withdrawn 2 2 0 0 - -",
                            }));
  EXPECT_EQ(funnel.stages[1].name, "Screening");
  EXPECT_EQ(funnel.stages[4].kind, "hired");
  EXPECT_EQ(funnel.stages[4].order, 5);

  // Applications applied in January only (a1..a6).
  auto january = as(hr(), [&](RecruitingAnalytics& a) {
    return a.funnel(scope(fieldSales, std::nullopt, "2025-01-31"));
  });
  EXPECT_EQ(january.applications, 6);
  EXPECT_EQ(rowsOf(january), (std::vector<std::string>{
                                 "applied 6 0 0 0 - -",
                                 "screening 6 0 1 0 1 1",
                                 "interview 5 1 1 0 0.8333 0.8333",
                                 "offer 3 0 0 1 0.6 0.5",
                                 "hired 2 2 0 0 0.6667 0.3333",
                                 "rejected 2 2 0 0 - -",
                                 "withdrawn 1 1 0 0 - -",
                             }));
}

TEST_P(AnalyticsTest, TheOverallFunnelAddsUpTheRequisitionsTheCallerMaySee) {
  auto& d = data();
  auto all = as(hr(), [&](RecruitingAnalytics& a) { return a.funnel(scope(std::nullopt)); });
  EXPECT_FALSE(all.requisitionId);
  EXPECT_EQ(all.applications, 18);
  EXPECT_EQ(rowsOf(all), (std::vector<std::string>{
                             "applied 18 3 1 1 - -",
                             "screening 12 2 3 0 0.6667 0.6667",
                             "interview 9 1 2 0 0.75 0.5",
                             "offer 5 1 0 1 0.5556 0.2778",
                             "hired 3 3 0 0 0.6 0.1667",
                             "rejected 6 6 0 0 - -",
                             "withdrawn 2 2 0 0 - -",
                         }));

  // Manager one hires for field sales and key accounts; inside sales is not theirs.
  auto mine = as(manager(d.people.managerOne),
                 [&](RecruitingAnalytics& a) { return a.funnel(scope(std::nullopt)); });
  EXPECT_EQ(mine.applications, 14);
  EXPECT_EQ(rowsOf(mine)[0], "applied 14 2 1 1 - -");
  EXPECT_EQ(rowsOf(mine)[1], "screening 9 2 2 0 0.6429 0.6429");
  EXPECT_EQ(rowsOf(mine)[4], "hired 2 2 0 0 0.6667 0.1429");

  // From June on: only c2 of key accounts.
  auto june = as(manager(d.people.managerOne), [&](RecruitingAnalytics& a) {
    return a.funnel(scope(std::nullopt, "2025-06-01"));
  });
  EXPECT_EQ(june.applications, 1);
  EXPECT_EQ(rowsOf(june)[0], "applied 1 1 0 0 - -");
  EXPECT_EQ(rowsOf(june)[1], "screening 0 0 0 0 0 0");
}

TEST_P(AnalyticsTest, HrSeesEveryRequisitionAndAHiringManagerOnlyTheirOwn) {
  auto& d = data();
  auto insideSales = d.story.insideSales;
  EXPECT_EQ(refusal(manager(d.people.managerOne),
                    [&](RecruitingAnalytics& a) { a.funnel(scope(insideSales)); }),
            "403 the figures of requisition " + std::to_string(insideSales) +
                " are seen by HR and its hiring manager only");
  auto theirs = as(manager(d.people.managerTwo), [&](RecruitingAnalytics& a) {
    return a.funnel(scope(insideSales)).applications;
  });
  EXPECT_EQ(theirs, 4);
  EXPECT_EQ(refusal(manager(d.outsider), [&](RecruitingAnalytics& a) { a.offers(scope({})); }),
            "403 recruiting analytics are seen by HR and by hiring managers (of their own "
            "requisitions); you are the hiring manager of no requisition");
  EXPECT_EQ(refusal({"nobody", Role::Manager, false, std::nullopt},
                    [&](RecruitingAnalytics& a) { a.sources(scope({})); }),
            "403 recruiting analytics are seen by HR and by hiring managers (of their own "
            "requisitions); your account is not linked to an employee");
  EXPECT_EQ(refusal(hr(), [&](RecruitingAnalytics& a) { a.funnel(scope(999999)); }),
            "404 there is no requisition 999999");
}

TEST_P(AnalyticsTest, TimeToHireRunsFromApplyingToTheHireAndTimeToFillFromOpeningToFilling) {
  auto& d = data();
  auto hires = as(hr(), [&](RecruitingAnalytics& a) { return a.timeToHire(scope({})); });
  EXPECT_EQ(statsOf(hires.stats), "3 mean 68 median 61 p90 84");
  ASSERT_EQ(hires.items.size(), 3u);
  EXPECT_EQ(hires.items[0].applicationId, d.story.a1);
  EXPECT_EQ(hires.items[0].appliedAt, "2025-01-10T10:00:00Z");
  EXPECT_EQ(hires.items[0].hiredAt, "2025-03-10T10:00:00Z");
  EXPECT_EQ(hires.items[0].days, 59);
  EXPECT_EQ(hires.items[0].requisitionTitle, "Field sales rep");
  EXPECT_EQ(hires.items[1].applicationId, d.story.a2);
  EXPECT_EQ(hires.items[1].days, 61);
  EXPECT_EQ(hires.items[2].applicationId, d.story.b1);
  EXPECT_EQ(hires.items[2].days, 84);

  // Hired by the end of March: a1 and a2. The hiring date counts, not the applying date.
  auto march = as(hr(), [&](RecruitingAnalytics& a) {
    return a.timeToHire(scope({}, "2025-03-10", "2025-03-31"));
  });
  EXPECT_EQ(statsOf(march.stats), "2 mean 60 median 60 p90 61");
  auto none = as(hr(), [&](RecruitingAnalytics& a) {
    return a.timeToHire(scope({}, "2025-03-11", "2025-03-16"));
  });
  EXPECT_EQ(statsOf(none.stats), "0 mean - median - p90 -");
  auto managerTwo = as(manager(d.people.managerTwo),
                       [&](RecruitingAnalytics& a) { return a.timeToHire(scope({})); });
  EXPECT_EQ(statsOf(managerTwo.stats), "1 mean 84 median 84 p90 84");

  auto fills = as(hr(), [&](RecruitingAnalytics& a) { return a.timeToFill(scope({})); });
  EXPECT_EQ(statsOf(fills.stats), "2 mean 80.5 median 80.5 p90 91");
  ASSERT_EQ(fills.items.size(), 2u);
  EXPECT_EQ(fills.items[0].requisitionId, d.story.fieldSales);
  EXPECT_EQ(fills.items[0].openings, 2);
  EXPECT_EQ(fills.items[0].openedAt, "2025-01-06T09:00:00Z");
  EXPECT_EQ(fills.items[0].filledAt, "2025-03-17T12:00:00Z");
  EXPECT_EQ(fills.items[0].days, 70);
  EXPECT_EQ(fills.items[1].requisitionId, d.story.insideSales);
  auto april = as(hr(), [&](RecruitingAnalytics& a) {
    return a.timeToFill(scope({}, std::nullopt, "2025-04-30"));
  });
  EXPECT_EQ(statsOf(april.stats), "1 mean 70 median 70 p90 70");
}

TEST_P(AnalyticsTest, SourcesCountApplicationsHiresAndEachCandidatesCostOncePerCurrency) {
  auto& d = data();
  auto describe = [](const std::vector<SourceFigures>& sources) {
    std::vector<std::string> rows;
    for (const auto& s : sources) {
      std::string row = s.source + " " + std::to_string(s.applications) + " " +
                        std::to_string(s.hires) + " " + text(s.hireRate);
      for (const auto& c : s.costs) {
        row += " " + c.currency + ":" + text(c.total) + "/" + text(c.perHire);
      }
      rows.push_back(row);
    }
    return rows;
  };
  auto all = as(hr(), [&](RecruitingAnalytics& a) { return a.sources(scope({})); });
  // The referral behind a12 and the key-account application costs 500 once.
  EXPECT_EQ(describe(all), (std::vector<std::string>{
                               "job_board 5 1 0.2 EUR:500/500",
                               "referral 3 1 0.3333 EUR:1000/1000",
                               "agency 3 1 0.3333 EUR:10500/10500",
                               "campus 2 0 0",
                               "direct 3 0 0",
                               "event 2 0 0 EUR:75/- USD:50/-",
                           }));
  auto february = as(manager(d.people.managerOne), [&](RecruitingAnalytics& a) {
    return a.sources(scope({}, "2025-02-01", "2025-02-28"));
  });
  EXPECT_EQ(describe(february), (std::vector<std::string>{
                                    "job_board 1 0 0 EUR:100/-",
                                    "referral 1 0 0 EUR:500/-",
                                    "agency 0 0 -",
                                    "campus 1 0 0",
                                    "direct 2 0 0",
                                    "event 1 0 0 USD:50/-",
                                }));
}

TEST_P(AnalyticsTest, InterviewerLoadCountsInterviewsAndScorecardsSubmittedAndPending) {
  auto& d = data();
  auto describe = [](const std::vector<InterviewerLoad>& load) {
    std::vector<std::string> rows;
    for (const auto& l : load) {
      rows.push_back(l.name + " " + std::to_string(l.interviews) + " " +
                     std::to_string(l.upcoming) + " " + std::to_string(l.scorecardsSubmitted) +
                     " " + std::to_string(l.scorecardsPending) + " " +
                     l.oldestPendingEndedAt.value_or("-"));
    }
    return rows;
  };
  auto all = as(hr(), [&](RecruitingAnalytics& a) { return a.interviewers(scope({}), kNow); });
  EXPECT_EQ(describe(all), (std::vector<std::string>{
                               "Given I1 Family 4 1 2 1 2025-02-10T10:00:00Z",
                               "Given I2 Family 2 0 2 0 -",
                               "Given I3 Family 1 0 0 1 2025-02-10T10:00:00Z",
                           }));
  EXPECT_EQ(all[0].employeeId, d.people.interviewerOne);
  auto range = as(hr(), [&](RecruitingAnalytics& a) {
    return a.interviewers(scope({}, "2025-02-06", "2025-02-28"), kNow);
  });
  EXPECT_EQ(describe(range), (std::vector<std::string>{
                                 "Given I1 Family 1 0 0 1 2025-02-10T10:00:00Z",
                                 "Given I3 Family 1 0 0 1 2025-02-10T10:00:00Z",
                             }));
  auto managerTwo = as(manager(d.people.managerTwo),
                       [&](RecruitingAnalytics& a) { return a.interviewers(scope({}), kNow); });
  EXPECT_EQ(describe(managerTwo), (std::vector<std::string>{"Given I2 Family 1 0 1 0 -"}));
}

TEST_P(AnalyticsTest, OfferAcceptanceIsAcceptedOverAcceptedDeclinedAndExpired) {
  auto& d = data();
  auto describe = [](const OfferFigures& f) {
    return f.requisitionTitle + " made " + std::to_string(f.made) + " accepted " +
           std::to_string(f.accepted) + " declined " + std::to_string(f.declined) + " expired " +
           std::to_string(f.expired) + " withdrawn " + std::to_string(f.withdrawn) + " open " +
           std::to_string(f.open) + " rate " + text(f.acceptanceRate);
  };
  auto all = as(hr(), [&](RecruitingAnalytics& a) { return a.offers(scope({})); });
  EXPECT_EQ(describe(all.total),
            " made 7 accepted 3 declined 1 expired 1 withdrawn 1 open 1 rate 0.6");
  ASSERT_EQ(all.requisitions.size(), 2u);
  EXPECT_EQ(all.requisitions[0].requisitionId, d.story.fieldSales);
  EXPECT_EQ(describe(all.requisitions[0]),
            "Field sales rep made 4 accepted 2 declined 1 expired 0 withdrawn 1 open 0 rate "
            "0.6667");
  EXPECT_EQ(describe(all.requisitions[1]),
            "Inside sales rep made 3 accepted 1 declined 0 expired 1 withdrawn 0 open 1 rate 0.5");
  auto march = as(hr(), [&](RecruitingAnalytics& a) {
    return a.offers(scope({}, std::nullopt, "2025-03-31"));
  });
  EXPECT_EQ(describe(march.total),
            " made 4 accepted 2 declined 1 expired 0 withdrawn 1 open 0 rate 0.6667");
  EXPECT_EQ(march.requisitions.size(), 1u);
  auto keyAccounts = as(manager(d.people.managerOne), [&](RecruitingAnalytics& a) {
    return a.offers(scope(d.story.keyAccounts));
  });
  EXPECT_EQ(describe(keyAccounts.total),
            " made 0 accepted 0 declined 0 expired 0 withdrawn 0 open 0 rate -");
}

RECRUITING_ON_EVERY_ENGINE(AnalyticsTest);

}  // namespace
}  // namespace cadre::recruiting::test
