#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cadre/dates.hpp"
#include "recruiting_rows.hpp"

namespace cadre::recruiting::test {

/// The employees the analytics story names (territory employee ids).
struct AnalyticsPeople {
  std::int64_t managerOne = 0;
  std::int64_t managerTwo = 0;
  std::int64_t interviewerOne = 0;
  std::int64_t interviewerTwo = 0;
  std::int64_t interviewerThree = 0;
  std::int64_t referrer = 0;
};

/// What the story made.
struct AnalyticsStory {
  /// Field sales rep (manager one; 2 openings, filled in 70 days), Inside sales rep (manager
  /// two; filled in 91 days), Key account manager (manager one; open).
  std::int64_t fieldSales = 0;
  std::int64_t insideSales = 0;
  std::int64_t keyAccounts = 0;
  /// The hires: a1 and a2 of field sales, b1 of inside sales.
  std::int64_t a1 = 0;
  std::int64_t a2 = 0;
  std::int64_t b1 = 0;
};

/// Moves through `codes`, the first (applied) on `appliedOn` and each next one a day later at
/// 10:00 UTC; the last at `lastOn` when given.
inline std::vector<std::pair<std::string, std::string>> movesFrom(
    const std::string& appliedOn, const std::vector<std::string>& codes,
    const std::string& lastOn = "") {
  std::vector<std::pair<std::string, std::string>> moves;
  std::string day = appliedOn;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (i + 1 == codes.size() && !lastOn.empty()) day = lastOn;
    moves.emplace_back(codes[i], day + "T10:00:00Z");
    day = nextDay(day);
  }
  return moves;
}

/// A small recruiting history whose figures the analytics tests know by heart (see the
/// expectations in analytics_test.cpp): 18 applications over three requisitions, every stage,
/// a skipped stage and a move back, six sources with costs in two currencies, six interviews
/// (one cancelled, one in 2099) and eight offers (one a draft).
inline AnalyticsStory writeAnalyticsStory(Database& db, const AnalyticsPeople& p) {
  return db.inTransaction([&](Transaction& tx) {
    RecruitingRows rows(tx);
    AnalyticsStory s;
    s.fieldSales = rows.requisition("Field sales rep", p.managerOne, "2025-01-06T09:00:00Z",
                                    "2025-03-17T12:00:00Z", 70, 2);
    s.insideSales = rows.requisition("Inside sales rep", p.managerTwo, "2025-02-03T09:00:00Z",
                                     "2025-05-05T12:00:00Z", 91);
    s.keyAccounts = rows.requisition("Key account manager", p.managerOne, "2025-03-03T09:00:00Z");
    const std::vector<std::string> toHire{"applied", "screening", "interview", "offer", "hired"};
    auto apply = [&](std::int64_t requisition, std::int64_t candidate, const std::string& on,
                     const std::vector<std::string>& codes, const std::string& lastOn = "") {
      return rows.application(candidate, requisition, movesFrom(on, codes, lastOn));
    };
    auto fs = s.fieldSales;
    s.a1 = apply(fs, rows.candidate("a1", "referral", 500, "EUR", p.referrer), "2025-01-10", toHire,
                 "2025-03-10");
    s.a2 =
        apply(fs, rows.candidate("a2", "agency", 4000, "EUR"), "2025-01-15", toHire, "2025-03-17");
    auto a3 = apply(fs, rows.candidate("a3", "agency", 3000, "EUR"), "2025-01-20",
                    {"applied", "screening", "interview", "offer", "withdrawn"});
    auto a4 = apply(fs, rows.candidate("a4", "job_board", 100, "EUR"), "2025-01-22",
                    {"applied", "screening", "interview", "rejected"});
    auto a5 = apply(fs, rows.candidate("a5", "job_board", 100, "EUR"), "2025-01-25",
                    {"applied", "screening", "interview"});
    apply(fs, rows.candidate("a6", "job_board"), "2025-01-28",
          {"applied", "screening", "rejected"});
    apply(fs, rows.candidate("a7", "direct"), "2025-02-02", {"applied", "screening", "rejected"});
    apply(fs, rows.candidate("a8", "direct"), "2025-02-04", {"applied", "rejected"});
    apply(fs, rows.candidate("a9", "campus"), "2025-02-06", {"applied", "withdrawn"});
    apply(fs, rows.candidate("a10", "event", 50, "USD"), "2025-02-08", {"applied"});
    // Straight from applied to interview: screening is not reached.
    apply(fs, rows.candidate("a11", "job_board", 100, "EUR"), "2025-02-10",
          {"applied", "interview", "rejected"});
    // Back from interview to screening: screening is reached once.
    auto twice = rows.candidate("a12", "referral", 500, "EUR", p.referrer);
    apply(fs, twice, "2025-02-12", {"applied", "screening", "interview", "screening"});

    auto is = s.insideSales;
    s.b1 = apply(is, rows.candidate("b1", "job_board", 200, "EUR"), "2025-02-10", toHire,
                 "2025-05-05");
    auto b2 = apply(is, rows.candidate("b2", "agency", 3500, "EUR"), "2025-02-15",
                    {"applied", "screening", "interview", "offer"});
    apply(is, rows.candidate("b3", "direct"), "2025-02-20", {"applied", "screening", "rejected"});
    apply(is, rows.candidate("b4", "event", 75, "EUR"), "2025-02-25", {"applied"});

    apply(s.keyAccounts, twice, "2025-04-01", {"applied", "screening"});
    apply(s.keyAccounts, rows.candidate("c2", "campus"), "2025-06-01", {"applied"});

    auto iA =
        rows.interview(s.a1, "2025-02-01T09:00", "done", {p.interviewerOne, p.interviewerTwo});
    rows.scorecard(iA, p.interviewerOne, "2025-02-01T12:00:00Z");
    rows.scorecard(iA, p.interviewerTwo, "2025-02-02T12:00:00Z");
    auto iB = rows.interview(s.a2, "2025-02-05T09:00", "done", {p.interviewerOne});
    rows.scorecard(iB, p.interviewerOne, "2025-02-05T12:00:00Z");
    auto iC =
        rows.interview(a3, "2025-02-10T09:00", "scheduled", {p.interviewerOne, p.interviewerThree});
    rows.scorecard(iC, p.interviewerOne, std::nullopt);
    rows.interview(a4, "2025-02-12T09:00", "cancelled", {p.interviewerTwo});
    auto iE = rows.interview(s.b1, "2025-03-01T09:00", "done", {p.interviewerTwo});
    rows.scorecard(iE, p.interviewerTwo, "2025-03-01T12:00:00Z");
    rows.interview(a5, "2099-01-10T09:00", "scheduled", {p.interviewerOne});

    rows.offer(s.a1, "accepted", "2025-03-01T09:00:00Z");
    rows.offer(s.a2, "accepted", "2025-03-05T09:00:00Z");
    rows.offer(a3, "declined", "2025-03-03T09:00:00Z");
    rows.offer(a4, "withdrawn", "2025-02-20T09:00:00Z");
    rows.offer(s.b1, "accepted", "2025-04-20T09:00:00Z");
    rows.offer(b2, "expired", "2025-04-01T09:00:00Z");
    rows.offer(b2, "extended", "2025-04-25T09:00:00Z");
    rows.offer(a5, "draft", std::nullopt);
    return s;
  });
}

}  // namespace cadre::recruiting::test
