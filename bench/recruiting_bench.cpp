// The recruiting benchmark (bench/README.md): the pipeline board and the funnel of a
// requisition with 50,000 applications, read from a running host over HTTP, against the same
// figures computed by raw SQL on the same SQLite file, and through the plugin's own code without
// HTTP. Driven by bench/recruiting_bench.sh.
//
//   cadre_bench_recruiting generate DB_FILE
//   cadre_bench_recruiting run DB_FILE PORT TOKEN ROUNDS
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "analytics_store.hpp"
#include "bench_client.hpp"
#include "db/sql_database.hpp"
#include "pipeline.hpp"
#include "recruiting_fixture.hpp"
#include "territory_sqlite.hpp"

namespace cadre::bench {

namespace {

constexpr std::int64_t kBig = 1;

/// One measured question, asked of the host, of the plugin's code and of SQLite. Each side
/// answers with the same figures as text ("code count …;" per stage) so that they can be
/// compared.
struct Operation {
  std::string label;
  std::string path;
  std::function<std::string(const Poco::JSON::Object::Ptr&)> fromAnswer;
  std::function<std::string(Transaction&)> store;
  std::function<std::string()> raw;
};

Poco::JSON::Array::Ptr stagesOf(const Poco::JSON::Object::Ptr& answer) {
  return answer->getArray("stages");
}

std::string number(const Poco::JSON::Object::Ptr& object, const std::string& key) {
  return std::to_string(object->getValue<std::int64_t>(key));
}

// The funnel as "code reached current rejectedHere withdrawnHere;" per stage, in stage order.

std::string funnelFigures(const Poco::JSON::Object::Ptr& answer) {
  std::string figures;
  auto stages = stagesOf(answer);
  for (unsigned i = 0; i < stages->size(); ++i) {
    auto s = stages->getObject(i);
    figures += s->getValue<std::string>("code") + " " + number(s, "reached") + " " +
               number(s, "current") + " " + number(s, "rejectedHere") + " " +
               number(s, "withdrawnHere") + ";";
  }
  return figures;
}

std::string funnelFigures(const recruiting::Funnel& funnel) {
  std::string figures;
  for (const auto& s : funnel.stages) {
    figures += s.code + " " + std::to_string(s.reached) + " " + std::to_string(s.current) + " " +
               std::to_string(s.rejectedHere) + " " + std::to_string(s.withdrawnHere) + ";";
  }
  return figures;
}

std::function<std::string(Transaction&)> storeFunnel(std::optional<std::int64_t> requisitionId) {
  return [=](Transaction& tx) {
    recruiting::AnalyticsScope scope;
    scope.requisitionId = requisitionId;
    auto funnel = recruiting::AnalyticsStore(tx).funnel(scope);
    recruiting::computeConversions(funnel.stages);
    return funnelFigures(funnel);
  };
}

/// The raw SQL of a funnel, as one would write it by hand: per stage id, the applications that
/// ever moved into it, that are in it now, and that left it for a rejected or withdrawn stage;
/// then added up per stage code in C++ (for one requisition, one stage per code).
class RawFunnel {
 public:
  RawFunnel(const SqliteFile& db, bool overall)
      : stages_(db, "SELECT id, code, kind, stage_order FROM recruiting_requisition_stages" +
                        std::string(overall ? "" : " WHERE requisition_id = ?1")),
        reached_(db,
                 "SELECT to_stage_id, COUNT(DISTINCT application_id) FROM "
                 "recruiting_stage_moves" +
                     std::string(overall ? "" : " WHERE requisition_id = ?1") +
                     " GROUP BY requisition_id, to_stage_id"),
        current_(db, "SELECT stage_id, COUNT(*) FROM recruiting_applications" +
                         std::string(overall ? "" : " WHERE requisition_id = ?1") +
                         " GROUP BY requisition_id, stage_id"),
        left_(db,
              "SELECT from_stage_id, to_stage_id, COUNT(DISTINCT application_id) FROM "
              "recruiting_stage_moves WHERE to_stage_id IN (SELECT id FROM "
              "recruiting_requisition_stages WHERE kind IN ('rejected', 'withdrawn')" +
                  std::string(overall ? ")" : " AND requisition_id = ?1) AND requisition_id = ?1") +
                  " GROUP BY from_stage_id, to_stage_id"),
        overall_(overall) {}

  std::string figures(std::int64_t requisitionId) {
    struct Row {
      std::string code;
      bool onTheWay = false;
      std::int64_t order = 0, reached = 0, current = 0, rejected = 0, withdrawn = 0;
    };
    std::map<std::int64_t, std::string> codeOf, kindOf;
    std::map<std::string, Row> rows;
    run(stages_, requisitionId, [&](Statement& s) {
      auto code = s.text(1), kind = s.text(2);
      codeOf[s.integer(0)] = code;
      kindOf[s.integer(0)] = kind;
      auto& row = rows[code];
      if (row.code.empty() || s.integer(3) < row.order) row.order = s.integer(3);
      row.code = code;
      row.onTheWay = kind == "active" || kind == "hired";
    });
    run(reached_, requisitionId,
        [&](Statement& s) { rows[codeOf[s.integer(0)]].reached += s.integer(1); });
    run(current_, requisitionId,
        [&](Statement& s) { rows[codeOf[s.integer(0)]].current += s.integer(1); });
    run(left_, requisitionId, [&](Statement& s) {
      auto& row = rows[codeOf[s.integer(0)]];
      (kindOf[s.integer(1)] == "rejected" ? row.rejected : row.withdrawn) += s.integer(2);
    });
    std::vector<const Row*> order;
    for (const auto& [code, row] : rows) order.push_back(&row);
    std::sort(order.begin(), order.end(), [](const Row* x, const Row* y) {
      return std::make_tuple(!x->onTheWay, x->order, x->code) <
             std::make_tuple(!y->onTheWay, y->order, y->code);
    });
    std::string figures;
    for (const auto* r : order) {
      figures += r->code + " " + std::to_string(r->reached) + " " + std::to_string(r->current) +
                 " " + std::to_string(r->rejected) + " " + std::to_string(r->withdrawn) + ";";
    }
    return figures;
  }

 private:
  void run(Statement& statement, std::int64_t requisitionId,
           const std::function<void(Statement&)>& row) {
    if (!overall_) statement.bind(1, requisitionId);
    while (statement.step()) row(statement);
    statement.reset();
  }

  Statement stages_, reached_, current_, left_;
  bool overall_;
};

// The board as "code count cards firstCard;" per stage.

std::string boardFigures(const Poco::JSON::Object::Ptr& answer) {
  std::string figures;
  auto stages = stagesOf(answer);
  for (unsigned i = 0; i < stages->size(); ++i) {
    auto s = stages->getObject(i);
    auto cards = s->getArray("cards");
    figures += s->getValue<std::string>("code") + " " + number(s, "count") + " " +
               std::to_string(cards->size()) + " " +
               (cards->size() ? number(cards->getObject(0), "applicationId") : "-") + ";";
  }
  return figures;
}

std::function<std::string(Transaction&)> storeBoard(std::int64_t requisitionId,
                                                    std::int64_t cards) {
  return [=](Transaction& tx) {
    recruiting::Caller hr{"benchhr", Role::Hr, true, std::nullopt};
    recruiting::Pipeline pipeline(tx, AuditTrail{}, hr);
    pipeline.requirePipelineOf(requisitionId);
    std::string figures;
    for (const auto& column : pipeline.board(requisitionId, cards)) {
      auto shown = std::min<std::size_t>(column.cards.size(), static_cast<std::size_t>(cards));
      figures += column.stage.code + " " + std::to_string(column.count) + " " +
                 std::to_string(shown) + " " +
                 (shown ? std::to_string(column.cards[0].id) : std::string("-")) + ";";
    }
    return figures;
  };
}

/// The raw SQL of the board: the stages, the applications per stage, and the first cards of
/// each stage with the candidate's name (every column read).
class RawBoard {
 public:
  explicit RawBoard(const SqliteFile& db)
      : stages_(db,
                "SELECT id, code FROM recruiting_requisition_stages WHERE requisition_id = ?1 "
                "ORDER BY stage_order, id"),
        counts_(db,
                "SELECT stage_id, COUNT(*) FROM recruiting_applications WHERE requisition_id = ?1 "
                "GROUP BY stage_id"),
        cards_(db,
               "SELECT a.id, a.candidate_id, c.given_name, c.family_name, a.stage_entered_at, "
               "a.version FROM recruiting_applications a JOIN recruiting_candidates c ON c.id = "
               "a.candidate_id WHERE a.requisition_id = ?1 AND a.stage_id = ?2 ORDER BY a.id "
               "LIMIT ?3") {}

  std::string figures(std::int64_t requisitionId, std::int64_t cards) {
    std::vector<std::pair<std::int64_t, std::string>> stages;
    stages_.bind(1, requisitionId);
    while (stages_.step()) stages.emplace_back(stages_.integer(0), stages_.text(1));
    stages_.reset();
    std::map<std::int64_t, std::int64_t> counts;
    counts_.bind(1, requisitionId);
    while (counts_.step()) counts[counts_.integer(0)] = counts_.integer(1);
    counts_.reset();
    std::string figures, cell;
    for (const auto& [id, code] : stages) {
      std::size_t shown = 0;
      std::string first = "-";
      cards_.bind(1, requisitionId).bind(2, id).bind(3, cards);
      while (cards_.step()) {
        for (int c = 0; c < cards_.columns(); ++c) cell = cards_.text(c);
        if (shown++ == 0) first = cards_.text(0);
      }
      cards_.reset();
      figures +=
          code + " " + std::to_string(counts[id]) + " " + std::to_string(shown) + " " + first + ";";
    }
    return figures;
  }

 private:
  Statement stages_, counts_, cards_;
};

struct Figures {
  std::string cadre, store, raw;
  std::size_t stages = 0;
  std::vector<double> cadreSeconds, storeSeconds, rawSeconds;
};

int measure(const std::string& dbPath, Host& host, int rounds) {
  SqliteFile db(dbPath);
  RawFunnel oneFunnel(db, false), allFunnels(db, true);
  RawBoard board(db);
  Statement one(db, "SELECT 1");
  const std::string big = std::to_string(kBig);
  const std::string analytics = "/api/v1/recruiting/analytics/";
  auto boardOf = [&](std::int64_t cards) {
    return Operation{
        "board of requisition 1, " + std::to_string(cards) + " cards per stage",
        "/api/v1/recruiting/requisitions/" + big + "/board?limit=" + std::to_string(cards),
        boardFigures, storeBoard(kBig, cards),
        [&board, cards] { return board.figures(kBig, cards); }};
  };
  std::vector<Operation> operations{
      {"floor: GET /healthz (a ping) against SELECT 1", "/healthz",
       [](const Poco::JSON::Object::Ptr&) { return std::string("1"); },
       [](Transaction& tx) { return std::to_string(tx.query("SELECT 1").size()); },
       [&] {
         one.step();
         one.reset();
         return std::string("1");
       }},
      boardOf(20),
      boardOf(200),
      {"funnel of requisition 1 (50,000 applications)", analytics + "funnel?requisitionId=" + big,
       [](const Poco::JSON::Object::Ptr& a) { return funnelFigures(a); }, storeFunnel(kBig),
       [&] { return oneFunnel.figures(kBig); }},
      {"funnel of all 21 requisitions (60,000 applications)", analytics + "funnel",
       [](const Poco::JSON::Object::Ptr& a) { return funnelFigures(a); }, storeFunnel(std::nullopt),
       [&] { return allFunnels.figures(0); }},
  };
  std::vector<Figures> figures(operations.size());
  auto stores = db::openDatabase("sqlite:" + dbPath);
  std::string body;
  for (int round = 0; round <= rounds; ++round) {  // round 0 warms up and is not counted
    for (std::size_t i = 0; i < operations.size(); ++i) {
      const auto& op = operations[i];
      auto& f = figures[i];
      auto cadre = timeRepeated([&] {
        auto status = host.send("GET", op.path, "application/json", body);
        if (status != 200) {
          throw std::runtime_error(op.path + " answered " + std::to_string(status) + ": " +
                                   body.substr(0, 500));
        }
      });
      if (op.path == "/healthz") {
        f.cadre = "1";
      } else {
        auto answer = Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
        f.cadre = op.fromAnswer(answer);
        f.stages = stagesOf(answer)->size();
      }
      auto store = timeRepeated([&] {
        stores->inTransaction([&](Transaction& tx) { f.store = op.store(tx); }, TxMode::Read);
      });
      auto raw = timeRepeated([&] { f.raw = op.raw(); });
      if (round == 0) continue;
      f.cadreSeconds.push_back(cadre);
      f.storeSeconds.push_back(store);
      f.rawSeconds.push_back(raw);
      std::fprintf(stderr, "  round %d  %-56s cadre %8.2f ms  store %8.2f ms  raw %8.2f ms\n",
                   round, op.label.c_str(), cadre * 1000, store * 1000, raw * 1000);
    }
  }
  printHeader("operation", "stages");
  int mismatches = 0;
  for (std::size_t i = 0; i < operations.size(); ++i) {
    const auto& f = figures[i];
    printRow(operations[i].label, f.stages, median(f.cadreSeconds), median(f.storeSeconds),
             median(f.rawSeconds));
    if (f.cadre != f.raw || f.store != f.raw) {
      std::printf("  MISMATCH:\n    cadre %s\n    store %s\n    raw   %s\n", f.cadre.c_str(),
                  f.store.c_str(), f.raw.c_str());
      ++mismatches;
    }
  }
  std::printf(
      "\nfigures of requisition 1 (code reached current rejectedHere withdrawnHere):\n  %s\n",
      figures[3].raw.c_str());
  return mismatches;
}

}  // namespace

}  // namespace cadre::bench

int main(int argc, char** argv) {
  using namespace cadre::bench;
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 2 && args[0] == "generate") {
      auto start = Clock::now();
      auto fixture = generateRecruiting(args[1]);
      std::fprintf(stderr,
                   "recruiting_bench: %lld requisitions, %lld applications, %lld stage moves "
                   "in %.1f s\n",
                   static_cast<long long>(fixture.requisitions),
                   static_cast<long long>(fixture.applications),
                   static_cast<long long>(fixture.moves), secondsSince(start));
      return 0;
    }
    if (args.size() == 5 && args[0] == "run") {
      Host host(std::stoi(args[2]), args[3]);
      return measure(args[1], host, std::stoi(args[4])) ? 2 : 0;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "recruiting_bench: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr,
               "usage: cadre_bench_recruiting generate DB_FILE\n"
               "       cadre_bench_recruiting run DB_FILE PORT TOKEN ROUNDS\n");
  return 64;
}
