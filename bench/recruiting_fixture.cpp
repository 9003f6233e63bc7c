#include "recruiting_fixture.hpp"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>

#include <algorithm>
#include <map>
#include <vector>

#include "bench_random.hpp"
#include "territory_sqlite.hpp"

namespace cadre::bench {

namespace {

constexpr const char* kSources[] = {"job_board", "referral", "agency", "campus", "direct", "event"};

/// "YYYY-MM-DDT10:00:00Z", `days` after 2025-01-01.
std::string instantAfter(std::int64_t days) {
  Poco::DateTime start(2025, 1, 1, 10);
  start += Poco::Timespan(static_cast<long>(days), 0, 0, 0, 0);
  return Poco::DateTimeFormatter::format(start, "%Y-%m-%dT%H:%M:%SZ");
}

/// The stage codes an application goes through, by fixed chances at each stage.
std::vector<std::string> pathOf(Random& random) {
  std::vector<std::string> path{"applied"};
  // Per stage: rejected, withdrawn, stays (percent); otherwise it goes on.
  struct Odds {
    const char* stage;
    int rejected, withdrawn, stays;
  };
  const Odds odds[] = {{"applied", 35, 5, 15},
                       {"screening", 35, 5, 15},
                       {"interview", 40, 5, 10},
                       {"offer", 10, 10, 20}};
  const char* next[] = {"screening", "interview", "offer", "hired"};
  for (int i = 0; i < 4; ++i) {
    auto roll = random.between(0, 99);
    if (roll < odds[i].rejected) {
      path.emplace_back("rejected");
      return path;
    }
    roll -= odds[i].rejected;
    if (roll < odds[i].withdrawn) {
      path.emplace_back("withdrawn");
      return path;
    }
    roll -= odds[i].withdrawn;
    if (roll < odds[i].stays) return path;
    // Some interviews send the candidate back to screening, where they stay.
    if (i == 2 && random.percent(5)) {
      path.emplace_back("screening");
      return path;
    }
    path.emplace_back(next[i]);
  }
  return path;
}

struct Stage {
  std::int64_t id = 0;
  std::int64_t order = 0;
  bool onTheWay = false;
};

class Writer {
 public:
  explicit Writer(SqliteFile& db)
      : requisition_(db,
                     "INSERT INTO recruiting_requisitions (id, title, org_unit_id, "
                     "hiring_manager_id, openings, filled, employment_type, salary_min, "
                     "salary_max, currency, wanted_start_date, description, state, "
                     "stage_template_id, approval_round, created_at, created_by, opened_at, "
                     "version) VALUES (?, ?, 1, 1, 5000, 0, 'full_time', 40000, 50000, 'EUR', "
                     "'2026-01-01', '', 'open', (SELECT id FROM recruiting_stage_templates "
                     "WHERE is_default = 1), 1, '2025-01-01T09:00:00Z', 'bench', "
                     "'2025-01-01T09:00:00Z', 1)"),
        stages_(db,
                "INSERT INTO recruiting_requisition_stages (requisition_id, code, name, "
                "stage_order, kind) SELECT ?, code, name, stage_order, kind FROM "
                "recruiting_stage_template_stages WHERE template_id = (SELECT id FROM "
                "recruiting_stage_templates WHERE is_default = 1)"),
        stageIds_(db,
                  "SELECT code, id, stage_order, kind FROM recruiting_requisition_stages WHERE "
                  "requisition_id = ?"),
        candidate_(db,
                   "INSERT INTO recruiting_candidates (id, given_name, family_name, email, "
                   "email_key, source, referrer_employee_id, source_cost, source_currency, "
                   "created_at, created_by, version) VALUES (?, ?, 'Bench', ?, ?, ?, ?, ?, ?, "
                   "'2025-01-01T09:00:00Z', 'bench', 1)"),
        application_(db,
                     "INSERT INTO recruiting_applications (id, candidate_id, requisition_id, "
                     "stage_id, stage_entered_at, furthest_order, applied_at, created_by, "
                     "version) VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', 1)"),
        move_(db,
              "INSERT INTO recruiting_stage_moves (application_id, requisition_id, "
              "from_stage_id, to_stage_id, moved_at, moved_by, reason) VALUES (?, ?, ?, ?, ?, "
              "'bench', ?)") {}

  void requisition(std::int64_t id, std::int64_t applications) {
    requisition_.bind(1, id).bind(2, "Bench requisition " + std::to_string(id)).run();
    stages_.bind(1, id).run();
    std::map<std::string, Stage> stages;
    stageIds_.bind(1, id);
    while (stageIds_.step()) {
      auto kind = stageIds_.text(3);
      stages[stageIds_.text(0)] = {stageIds_.integer(1), stageIds_.integer(2),
                                   kind == "active" || kind == "hired"};
    }
    stageIds_.reset();
    for (std::int64_t i = 0; i < applications; ++i) application(id, stages);
    fixture.requisitions += 1;
  }

  RecruitingFixture fixture;

 private:
  void application(std::int64_t requisitionId, const std::map<std::string, Stage>& stages) {
    const auto id = ++fixture.applications;
    const std::string source = kSources[random_.between(0, 5)];
    const auto email = "c" + std::to_string(id) + "@example.com";
    candidate_.bind(1, id).bind(2, "Candidate " + std::to_string(id)).bind(3, email);
    candidate_.bind(4, email).bind(5, source);
    if (source == "referral") {
      candidate_.bind(6, std::int64_t{1});
    } else {
      candidate_.bindNull(6);
    }
    if (source == "agency" || source == "job_board") {
      candidate_.bind(7, std::to_string(source == "agency" ? random_.between(3000, 5000) : 100));
      candidate_.bind(8, std::string("EUR"));
    } else {
      candidate_.bindNull(7).bindNull(8);
    }
    candidate_.run();

    auto path = pathOf(random_);
    auto day = random_.between(0, 300);
    std::vector<std::string> times;
    std::int64_t furthest = 1;
    for (std::size_t i = 0; i < path.size(); ++i) {
      times.push_back(instantAfter(day));
      day += random_.between(1, 10);
      const auto& stage = stages.at(path[i]);
      if (stage.onTheWay) furthest = std::max(furthest, stage.order);
    }
    application_.bind(1, id).bind(2, id).bind(3, requisitionId);
    application_.bind(4, stages.at(path.back()).id).bind(5, times.back());
    application_.bind(6, furthest).bind(7, times.front()).run();
    for (std::size_t i = 0; i < path.size(); ++i) {
      move_.bind(1, id).bind(2, requisitionId);
      if (i == 0) {
        move_.bindNull(3);
      } else {
        move_.bind(3, stages.at(path[i - 1]).id);
      }
      move_.bind(4, stages.at(path[i]).id).bind(5, times[i]);
      if (path[i] == "rejected" || path[i] == "withdrawn") {
        move_.bind(6, std::string("bench"));
      } else {
        move_.bindNull(6);
      }
      move_.run();
      ++fixture.moves;
    }
  }

  Random random_{20250101};
  Statement requisition_, stages_, stageIds_, candidate_, application_, move_;
};

}  // namespace

RecruitingFixture generateRecruiting(const std::string& databasePath) {
  SqliteFile db(databasePath);
  db.exec("BEGIN IMMEDIATE");
  RecruitingFixture fixture;
  {
    Writer writer(db);
    writer.requisition(1, kBigApplications);
    for (std::int64_t r = 0; r < kOtherRequisitions; ++r) {
      writer.requisition(2 + r, kOtherApplications);
    }
    fixture = writer.fixture;
  }
  db.exec("COMMIT");
  return fixture;
}

}  // namespace cadre::bench
