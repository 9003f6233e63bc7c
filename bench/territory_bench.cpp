// The territory benchmark (bench/README.md): reads of the org through a running host over HTTP
// against the same reads in raw SQL on the same SQLite file, and the CSV import of 100,000
// employees against prepared INSERTs. Driven by bench/territory_bench.sh.
//
//   cadre_bench_territory generate DB_FILE
//   cadre_bench_territory run DB_FILE PORT TOKEN ROUNDS IMPORT_ROUNDS WORK_DIR
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <vector>

#include "bench_client.hpp"
#include "db/sql_database.hpp"
#include "employee_store.hpp"
#include "org_unit_store.hpp"
#include "territory_fixture.hpp"
#include "territory_sqlite.hpp"

namespace cadre::bench {

namespace {

constexpr const char* kPast = "2023-06-30";

std::string todayUtc() {
  auto now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
  return text;
}

std::size_t csvRows(const std::string& body) {
  auto lines = static_cast<std::size_t>(std::count(body.begin(), body.end(), '\n'));
  if (!body.empty() && body.back() != '\n') ++lines;
  return lines > 0 ? lines - 1 : 0;
}

std::size_t jsonItems(const std::string& body) {
  Poco::JSON::Parser parser;
  auto object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
  return object->has("items") ? object->getArray("items")->size() : 1;
}

/// Runs a prepared query to the end, reading every column as the host would, and counts rows.
std::size_t drain(Statement& statement) {
  std::size_t rows = 0;
  std::string cell;
  while (statement.step()) {
    for (int c = 0; c < statement.columns(); ++c) cell = statement.text(c);
    ++rows;
  }
  statement.reset();
  return rows;
}

constexpr const char* kEmployeeColumns =
    "e.id, e.employee_number, e.given_name, e.family_name, e.email, e.phone, e.hire_date, "
    "e.termination_date, e.directory_id, e.directory_dn, e.user_id, e.version, "
    "(SELECT s.status FROM territory_status_changes s WHERE s.employee_id = e.id AND "
    "s.effective_on <= ?2 ORDER BY s.effective_on DESC, s.id DESC LIMIT 1), "
    "a.manager_id, a.org_unit_id, a.position_id, a.employment_type ";

// ?1 unit, ?2 date, ?3 limit (-1: all). The raw baseline is the better of two hand-written
// queries, picked per operation: reading the employees in id order and keeping those in the
// subtree (best for a first page or a large part of the org), or starting from the subtree's
// assignments (best for a small part). CROSS JOIN keeps SQLite from reordering the join.
std::string subtreeSql(bool fromUnits) {
  std::string sql = std::string(
                        "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT p.org_unit_id "
                        "FROM territory_org_unit_periods p JOIN sub ON p.parent_id = sub.id "
                        "WHERE p.valid_from <= ?2 AND p.valid_to > ?2) SELECT ") +
                    kEmployeeColumns +
                    "FROM territory_employees e CROSS JOIN territory_assignments a ON "
                    "a.employee_id = "
                    "e.id AND a.valid_from <= ?2 AND a.valid_to > ?2 WHERE e.hire_date <= ?2 "
                    "AND a.org_unit_id IN (SELECT id FROM sub) ";
  if (fromUnits) {
    sql +=
        "AND e.id IN (SELECT a2.employee_id FROM sub JOIN territory_assignments a2 ON "
        "a2.org_unit_id = sub.id AND a2.valid_from <= ?2 AND a2.valid_to > ?2) ";
  }
  return sql + "ORDER BY e.id LIMIT ?3";
}

// ?1 employee, ?2 date.
std::string chainSql() {
  return std::string(
             "WITH RECURSIVE up(id, depth) AS (SELECT a.manager_id, 1 FROM territory_assignments "
             "a WHERE a.employee_id = ?1 AND a.valid_from <= ?2 AND a.valid_to > ?2 UNION ALL "
             "SELECT a.manager_id, up.depth + 1 FROM territory_assignments a JOIN up ON "
             "a.employee_id = up.id WHERE a.valid_from <= ?2 AND a.valid_to > ?2) SELECT ") +
         kEmployeeColumns +
         "FROM up JOIN territory_employees e ON e.id = up.id LEFT JOIN territory_assignments a "
         "ON a.employee_id = e.id AND a.valid_from <= ?2 AND a.valid_to > ?2 ORDER BY up.depth";
}

// ?1 unit, ?2 date, ?3 limit.
std::string unitMembersSql() {
  return std::string("SELECT ") + kEmployeeColumns +
         "FROM territory_assignments a JOIN territory_employees e ON e.id = a.employee_id "
         "WHERE a.org_unit_id = ?1 AND a.valid_from <= ?2 AND a.valid_to > ?2 AND "
         "e.hire_date <= ?2 ORDER BY e.id LIMIT ?3";
}

/// One measured operation: the same question asked of the host and of SQLite.
struct Operation {
  std::string label;
  std::string path;
  bool csv = false;
  std::string sql;
  std::function<void(Statement&)> bind;
  /// The same read through the plugin's stores (linked statically), without HTTP.
  std::function<std::size_t(Transaction&)> store;
};

/// The plugin's subtree or unit list as EmployeeRoutes::list asks for it.
std::function<std::size_t(Transaction&)> storeList(std::int64_t unit, bool subtree,
                                                   const std::string& date, std::int64_t limit) {
  return [=](Transaction& tx) {
    territory::EmployeeFilter filter;
    filter.orgUnitId = unit;
    filter.subtree = subtree;
    filter.limit = limit < 0 ? 1000000 : limit + 1;
    auto rows = territory::EmployeeStore(tx).list(filter, date).size();
    return limit < 0 ? rows : std::min(rows, static_cast<std::size_t>(limit));
  };
}

struct Figures {
  std::size_t cadreRows = 0, storeRows = 0, rawRows = 0;
  std::vector<double> cadre, store, raw;
};

int measureReads(const std::string& dbPath, Host& host, int rounds) {
  SqliteFile db(dbPath);
  auto today = todayUtc();
  const auto firstTeam = firstUnitOfLevel(kLevels - 1);
  Statement pickDeep(db,
                     "SELECT employee_id FROM territory_assignments WHERE org_unit_id >= ? AND "
                     "employee_id > ? AND valid_from <= ? AND valid_to > ? "
                     "ORDER BY employee_id DESC LIMIT 1");
  pickDeep.bind(1, firstTeam).bind(2, kUnits).bind(3, today).bind(4, today);
  if (!pickDeep.step()) throw std::runtime_error("no employee in a team today");
  auto deep = pickDeep.integer(0);
  auto team = std::to_string(firstTeam + 100), branch = std::to_string(firstUnitOfLevel(3));
  auto bindUnit = [](std::int64_t unit, std::string date, std::int64_t limit) {
    return [=](Statement& s) { s.bind(1, unit).bind(2, date).bind(3, limit); };
  };
  const std::string employees = "/api/v1/territory/employees";
  std::vector<Operation> operations{
      {"floor: GET /healthz (a ping) against SELECT 1", "/healthz", false, "SELECT 1",
       [](Statement&) {}, [](Transaction& tx) { return tx.query("SELECT 1").size(); }},
      {"a. subtree of region 2, first page (JSON, limit 500)",
       employees + "?orgUnitId=2&subtree=true&limit=500&asOf=" + today, false, subtreeSql(false),
       bindUnit(2, today, 500), storeList(2, true, today, 500)},
      {"a. subtree of region 2, all (CSV)", employees + "?orgUnitId=2&subtree=true&asOf=" + today,
       true, subtreeSql(true), bindUnit(2, today, -1), storeList(2, true, today, -1)},
      {"a. subtree of the company, all (CSV)",
       employees + "?orgUnitId=1&subtree=true&asOf=" + today, true, subtreeSql(false),
       bindUnit(1, today, -1), storeList(1, true, today, -1)},
      {"b. manager chain of employee " + std::to_string(deep) + " (JSON)",
       employees + "/" + std::to_string(deep) + "/chain?asOf=" + today, false, chainSql(),
       [=](Statement& s) { s.bind(1, deep).bind(2, today); },
       [=](Transaction& tx) {
         territory::EmployeeStore store(tx);
         std::size_t found = 0;
         store.find(deep, today);
         for (auto id : store.managerChain(deep, today)) found += store.find(id, today) ? 1 : 0;
         return found;
       }},
      {std::string("c. org units as of ") + kPast + " (CSV)",
       std::string("/api/v1/territory/org-units?asOf=") + kPast, true,
       "SELECT u.id, u.code, p.name, u.type, p.parent_id, p.head_employee_id FROM "
       "territory_org_units u JOIN territory_org_unit_periods p ON p.org_unit_id = u.id "
       "WHERE p.valid_from <= ?1 AND p.valid_to > ?1 ORDER BY u.id",
       [](Statement& s) { s.bind(1, std::string(kPast)); },
       [](Transaction& tx) {
         territory::OrgUnitFilter filter;
         filter.limit = 1000000;
         return territory::OrgUnitStore(tx).list(filter, kPast).size();
       }},
      {std::string("c. employees of team ") + team + " as of " + kPast + " (JSON)",
       employees + "?orgUnitId=" + team + "&limit=500&asOf=" + kPast, false, unitMembersSql(),
       bindUnit(firstTeam + 100, kPast, 500), storeList(firstTeam + 100, false, kPast, 500)},
      {std::string("c. subtree of branch ") + branch + " as of " + kPast + " (CSV)",
       employees + "?orgUnitId=" + branch + "&subtree=true&asOf=" + kPast, true, subtreeSql(true),
       bindUnit(firstUnitOfLevel(3), kPast, -1), storeList(firstUnitOfLevel(3), true, kPast, -1)},
  };
  std::vector<Figures> figures(operations.size());
  std::vector<std::unique_ptr<Statement>> statements;
  for (const auto& op : operations) statements.push_back(std::make_unique<Statement>(db, op.sql));
  auto stores = db::openDatabase("sqlite:" + dbPath);
  std::string body;
  for (int round = 0; round <= rounds; ++round) {  // round 0 warms up and is not counted
    for (std::size_t i = 0; i < operations.size(); ++i) {
      const auto& op = operations[i];
      auto accept = op.csv ? "text/csv" : "application/json";
      auto cadre = timeRepeated([&] {
        auto status = host.send("GET", op.path, accept, body);
        if (status != 200)
          throw std::runtime_error(op.path + " answered " + std::to_string(status));
      });
      figures[i].cadreRows = op.csv ? csvRows(body) : jsonItems(body);
      auto store = timeRepeated([&] {
        stores->inTransaction([&](Transaction& tx) { figures[i].storeRows = op.store(tx); },
                              TxMode::Read);
      });
      auto& statement = *statements[i];
      auto raw = timeRepeated([&] {
        op.bind(statement);
        figures[i].rawRows = drain(statement);
      });
      if (round == 0) continue;
      figures[i].cadre.push_back(cadre);
      figures[i].store.push_back(store);
      figures[i].raw.push_back(raw);
      std::fprintf(stderr, "  round %d  %-58s cadre %9.2f ms  store %9.2f ms  raw %9.2f ms\n",
                   round, op.label.c_str(), cadre * 1000, store * 1000, raw * 1000);
    }
  }
  printHeader("operation (as of today unless dated)", "rows");
  int mismatches = 0;
  for (std::size_t i = 0; i < operations.size(); ++i) {
    const auto& f = figures[i];
    printRow(operations[i].label, f.cadreRows, median(f.cadre), median(f.store), median(f.raw));
    if (f.cadreRows != f.rawRows || f.storeRows != f.rawRows) {
      std::printf("  MISMATCH: cadre returned %zu rows, the store %zu, raw SQL %zu\n", f.cadreRows,
                  f.storeRows, f.rawRows);
      ++mismatches;
    }
  }
  return mismatches;
}

std::int64_t countPrefix(const std::string& dbPath, const std::string& prefix) {
  SqliteFile db(dbPath);
  Statement count(db, "SELECT COUNT(*) FROM territory_employees WHERE employee_number LIKE ?");
  count.bind(1, prefix + "-%");
  count.step();
  return count.integer(0);
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

int measureImport(const std::string& dbPath, Host& host, int rounds, const std::string& work) {
  Figures f;
  bool available = true;
  std::string body;
  for (int round = 1; round <= rounds; ++round) {
    auto rawCsv = work + "/import-raw.csv", cadreCsv = work + "/import-cadre.csv";
    auto rawPrefix = "R" + std::to_string(round), cadrePrefix = "C" + std::to_string(round);
    writeImportCsv(rawCsv, rawPrefix, kHistoryEnd);
    writeImportCsv(cadreCsv, cadrePrefix, kHistoryEnd);
    auto start = Clock::now();
    auto inserted = rawImport(dbPath, rawCsv);
    f.raw.push_back(secondsSince(start));
    f.rawRows = static_cast<std::size_t>(countPrefix(dbPath, rawPrefix));
    if (inserted != kEmployees || f.rawRows != static_cast<std::size_t>(kEmployees)) {
      throw std::runtime_error("raw import inserted " + std::to_string(f.rawRows));
    }
    std::fprintf(stderr, "  round %d  import raw SQL %9.2f s\n", round, f.raw.back());
    auto csv = readFile(cadreCsv);
    start = Clock::now();
    auto status = host.send("POST", "/api/v1/territory/imports/employees?dryRun=false",
                            "application/json", body, csv, "text/csv");
    auto seconds = secondsSince(start);
    if (status == 404) {
      std::printf(
          "\nd. CSV import of %lld employees: import route not available "
          "(raw SQL baseline %.2f s)\n",
          static_cast<long long>(kEmployees), f.raw.back());
      available = false;
      break;
    }
    if (status != 200) {
      throw std::runtime_error("import answered " + std::to_string(status) + ": " +
                               body.substr(0, 2000));
    }
    f.cadre.push_back(seconds);
    f.cadreRows = static_cast<std::size_t>(countPrefix(dbPath, cadrePrefix));
    std::fprintf(stderr, "  round %d  import cadre   %9.2f s\n", round, seconds);
  }
  if (!available) return 0;
  std::printf("%-58s %7zu %10.0f %10s %10.0f %7.1f %7s\n",
              "d. CSV import of 100,000 employees (POST, one transaction)", f.cadreRows,
              median(f.cadre) * 1000, "-", median(f.raw) * 1000, median(f.cadre) / median(f.raw),
              "-");
  if (f.cadreRows != f.rawRows) {
    std::printf("  MISMATCH: cadre created %zu employees, raw SQL %zu\n", f.cadreRows, f.rawRows);
    return 1;
  }
  return 0;
}

}  // namespace

}  // namespace cadre::bench

int main(int argc, char** argv) {
  using namespace cadre::bench;
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 2 && args[0] == "generate") {
      auto start = Clock::now();
      generateOrg(args[1]);
      std::fprintf(stderr, "territory_bench: generated the org in %.1f s\n", secondsSince(start));
      return 0;
    }
    if (args.size() == 7 && args[0] == "run") {
      Host host(std::stoi(args[2]), args[3]);
      int failures = measureReads(args[1], host, std::stoi(args[4]));
      failures += measureImport(args[1], host, std::stoi(args[5]), args[6]);
      return failures ? 2 : 0;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "territory_bench: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr,
               "usage: cadre_bench_territory generate DB_FILE\n"
               "       cadre_bench_territory run DB_FILE PORT TOKEN ROUNDS IMPORT_ROUNDS "
               "WORK_DIR\n");
  return 64;
}
