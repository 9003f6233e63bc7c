#include "territory_fixture.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "bench_random.hpp"
#include "territory_sqlite.hpp"

namespace cadre::bench {

namespace {

constexpr const char* kOpenEnd = "9999-12-31";
constexpr const char* kNames[] = {"Anna", "Ben", "Clara", "David", "Eva",  "Felix", "Greta",
                                  "Hugo", "Ida", "Jonas", "Klara", "Leon", "Mia",   "Noah"};
constexpr const char* kFamilies[] = {"Meyer",    "Schmidt", "Weber",      "Wagner", "Becker",
                                     "Hoffmann", "Koch",    "Richter",    "Klein",  "Wolf",
                                     "Neumann",  "Braun",   "Zimmermann", "Krause", "Hartmann"};

std::int64_t dayOf(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string dateOf(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const auto y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", y, m, d);
  return text;
}

int levelOf(std::int64_t unitId) {
  for (int level = kLevels - 1; level >= 0; --level) {
    if (unitId >= firstUnitOfLevel(level)) return level;
  }
  return 0;
}

const char* typeOf(int level) {
  if (level == 0) return "company";
  if (level <= 2) return "region";
  if (level <= 6) return "branch";
  return "team";
}

/// The org's shape: each unit's first parent, and for a few, a move to another parent.
struct Org {
  std::vector<std::int64_t> parent = std::vector<std::int64_t>(kUnits + 1, 0);
  std::vector<std::int64_t> movedTo = std::vector<std::int64_t>(kUnits + 1, 0);
  std::vector<std::int64_t> movedOn = std::vector<std::int64_t>(kUnits + 1, 0);
};

Org shapeOrg(Random& random) {
  Org org;
  for (int level = 1; level < kLevels; ++level) {
    auto first = firstUnitOfLevel(level), size = kLevelSizes[level];
    auto parentFirst = firstUnitOfLevel(level - 1), parentSize = kLevelSizes[level - 1];
    for (std::int64_t i = 0; i < size; ++i) {
      auto unit = first + i;
      auto parentIndex = i * parentSize / size;
      org.parent[unit] = parentFirst + parentIndex;
      // 3% of the units below the regions move once to a neighbouring unit of the same level.
      if (level >= 2 && random.percent(3)) {
        org.movedTo[unit] = parentFirst + (parentIndex + 1) % parentSize;
        org.movedOn[unit] = random.between(dayOf(2022, 1, 1), dayOf(2025, 12, 31));
      }
    }
  }
  return org;
}

struct Inserts {
  explicit Inserts(const SqliteFile& db)
      : unit(db,
             "INSERT INTO territory_org_units (id, code, type, opened_on, closed_on, version) "
             "VALUES (?, ?, ?, '2020-01-01', NULL, ?)"),
        period(db,
               "INSERT INTO territory_org_unit_periods (org_unit_id, name, parent_id, "
               "head_employee_id, valid_from, valid_to, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        employee(db,
                 "INSERT INTO territory_employees (id, employee_number, given_name, family_name, "
                 "email, phone, hire_date, termination_date, directory_id, directory_dn, "
                 "user_id, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, '', NULL, ?)"),
        assignment(db,
                   "INSERT INTO territory_assignments (employee_id, position_id, org_unit_id, "
                   "manager_id, employment_type, reason, valid_from, valid_to, recorded_at, "
                   "recorded_by) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, 'bench')"),
        status(db,
               "INSERT INTO territory_status_changes (employee_id, status, effective_on, reason, "
               "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, 'bench')") {}
  Statement unit, period, employee, assignment, status;
};

/// One stretch of an employee's history in one unit under one manager.
struct Stint {
  std::int64_t from = 0;
  std::int64_t unit = 0;
  std::int64_t manager = 0;
  std::string type;
  std::string reason;
};

void writeUnits(Inserts& in, const Org& org) {
  for (std::int64_t unit = 1; unit <= kUnits; ++unit) {
    int level = levelOf(unit);
    in.unit.bind(1, unit).bind(2, unitCode(unit)).bind(3, std::string(typeOf(level)));
    in.unit.bind(4, std::int64_t{org.movedOn[unit] ? 2 : 1}).run();
    auto name = std::string(typeOf(level)) + " " + std::to_string(unit);
    auto period = [&](std::int64_t parent, const std::string& from, const std::string& to,
                      const std::string& reason) {
      in.period.bind(1, unit).bind(2, name);
      if (parent) {
        in.period.bind(3, parent);
      } else {
        in.period.bindNull(3);
      }
      in.period.bind(4, unit).bind(5, from).bind(6, to).bind(7, reason).run();
    };
    if (org.movedOn[unit]) {
      auto moved = dateOf(org.movedOn[unit]);
      period(org.parent[unit], "2020-01-01", moved, "created");
      period(org.movedTo[unit], moved, kOpenEnd, "reorganization");
    } else {
      period(org.parent[unit], "2020-01-01", kOpenEnd, "created");
    }
  }
}

void writeEmployee(Inserts& in, Random& random, std::int64_t id, std::int64_t hired,
                   const std::vector<Stint>& stints, std::int64_t terminated) {
  auto given = std::string(kNames[random.between(0, 13)]);
  auto family = std::string(kFamilies[random.between(0, 14)]);
  auto hireDate = dateOf(hired);
  in.employee.bind(1, id).bind(2, employeeNumber(id)).bind(3, given).bind(4, family);
  in.employee.bind(5, given + "." + family + "." + std::to_string(id) + "@example.com");
  in.employee.bind(6, "+49 30 " + std::to_string(5550000 + id)).bind(7, hireDate);
  if (terminated) {
    in.employee.bind(8, dateOf(terminated));
  } else {
    in.employee.bindNull(8);
  }
  in.employee.bind(9, static_cast<std::int64_t>(stints.size())).run();
  for (std::size_t i = 0; i < stints.size(); ++i) {
    const auto& s = stints[i];
    auto to = i + 1 < stints.size() ? dateOf(stints[i + 1].from)
              : terminated          ? dateOf(terminated)
                                    : std::string(kOpenEnd);
    in.assignment.bind(1, id).bind(2, s.unit);
    if (s.manager) {
      in.assignment.bind(3, s.manager);
    } else {
      in.assignment.bindNull(3);
    }
    in.assignment.bind(4, s.type).bind(5, s.reason).bind(6, dateOf(s.from)).bind(7, to);
    in.assignment.bind(8, dateOf(s.from) + "T09:00:00Z").run();
  }
  auto status = [&](const std::string& what, std::int64_t on, const std::string& reason) {
    in.status.bind(1, id).bind(2, what).bind(3, dateOf(on)).bind(4, reason);
    in.status.bind(5, dateOf(on) + "T09:00:00Z").run();
  };
  status("active", hired, "hire");
  auto end = terminated ? terminated : dayOf(2026, 6, 30);
  if (end - hired > 400 && random.percent(10)) {
    auto leave = random.between(hired + 30, end - 200);
    status("on_leave", leave, "leave");
    status("active", leave + random.between(30, 180), "return");
  }
  if (terminated) status("terminated", terminated, "termination");
}

// Unit heads: employee u heads unit u from the start; a move of the unit changes their manager.
void writeHeads(Inserts& in, Random& random, const Org& org) {
  for (std::int64_t unit = 1; unit <= kUnits; ++unit) {
    std::vector<Stint> stints{{dayOf(2020, 1, 1), unit, org.parent[unit], "full_time", "hire"}};
    std::vector<std::pair<std::int64_t, std::string>> changes;
    if (org.movedOn[unit]) changes.emplace_back(org.movedOn[unit], "reorganization");
    if (random.percent(50)) {
      changes.emplace_back(random.between(dayOf(2021, 1, 1), dayOf(2025, 12, 31)), "promotion");
    }
    std::sort(changes.begin(), changes.end());
    for (const auto& [day, reason] : changes) {
      if (day <= stints.back().from) continue;
      auto manager =
          org.movedOn[unit] && day >= org.movedOn[unit] ? org.movedTo[unit] : org.parent[unit];
      stints.push_back({day, unit, manager, "full_time", reason});
    }
    writeEmployee(in, random, unit, dayOf(2020, 1, 1), stints, 0);
  }
}

// Everyone else sits in the teams of the lowest level: hired 2021–2023, then transfers and
// promotions (1–5 assignments, 3 on average); 8% are terminated.
void writeStaff(Inserts& in, Random& random) {
  const auto firstTeam = firstUnitOfLevel(kLevels - 1), teams = kLevelSizes[kLevels - 1];
  const char* types[] = {"full_time", "part_time", "contractor"};
  for (std::int64_t id = kUnits + 1; id <= kEmployees; ++id) {
    auto hired = random.between(dayOf(2021, 1, 1), dayOf(2023, 12, 31));
    auto end = dayOf(2026, 6, 30);
    std::int64_t terminated = 0;
    if (random.percent(8)) terminated = end = random.between(hired + (end - hired) / 2, end);
    auto count = random.between(1, 5);
    auto type = types[random.percent(85) ? 0 : random.between(1, 2)];
    auto team = firstTeam + random.between(0, teams - 1);
    std::vector<Stint> stints{{hired, team, team, type, "hire"}};
    for (std::int64_t j = 1; j < count; ++j) {
      auto span = end - hired;
      auto day = hired + span * j / count + random.between(0, span / (4 * count));
      if (day <= stints.back().from || day >= end) continue;
      if (random.percent(60)) {
        team = firstTeam + random.between(0, teams - 1);
        stints.push_back({day, team, team, type, "transfer"});
      } else {
        stints.push_back({day, team, team, "full_time", "promotion"});
      }
    }
    writeEmployee(in, random, id, hired, stints, terminated);
  }
}

std::vector<std::string> splitCsvLine(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

}  // namespace

std::int64_t firstUnitOfLevel(int level) {
  std::int64_t first = 1;
  for (int i = 0; i < level; ++i) first += kLevelSizes[i];
  return first;
}

std::string unitCode(std::int64_t unitId) {
  char text[32];
  std::snprintf(text, sizeof text, "U%05lld", static_cast<long long>(unitId));
  return text;
}

std::string employeeNumber(std::int64_t employeeId) {
  char text[32];
  std::snprintf(text, sizeof text, "E%06lld", static_cast<long long>(employeeId));
  return text;
}

void generateOrg(const std::string& databasePath) {
  SqliteFile db(databasePath);
  Random random(20260101);
  auto org = shapeOrg(random);
  // A large page cache keeps the one big transaction from spilling pages to the WAL early.
  db.exec("PRAGMA cache_size = -262144");
  db.exec("BEGIN IMMEDIATE");
  {
    Inserts in(db);
    writeUnits(in, org);
    writeHeads(in, random, org);
    writeStaff(in, random);
  }
  db.exec("COMMIT");
}

void writeImportCsv(const std::string& csvPath, const std::string& prefix,
                    const std::string& hireDate) {
  std::ofstream out(csvPath, std::ios::binary);
  out << "employeeNumber,givenName,familyName,email,phone,hireDate,orgUnitCode,"
         "managerEmployeeNumber,positionId,employmentType,directoryId\n";
  const auto firstTeam = firstUnitOfLevel(kLevels - 1), teams = kLevelSizes[kLevels - 1];
  for (std::int64_t i = 1; i <= kEmployees; ++i) {
    auto team = firstTeam + i % teams;
    auto number = prefix + "-" + std::to_string(1000000 + i).substr(1);
    out << number << ',' << kNames[i % 14] << ',' << kFamilies[i % 15] << ',' << "new." << number
        << "@example.com,+49 40 " << 7770000 + i << ',' << hireDate << ',' << unitCode(team) << ','
        << employeeNumber(team) << ",,full_time,\n";
  }
  if (!out) throw std::runtime_error("cannot write " + csvPath);
}

std::int64_t rawImport(const std::string& databasePath, const std::string& csvPath) {
  SqliteFile db(databasePath);
  std::ifstream in(csvPath, std::ios::binary);
  std::string line;
  std::getline(in, line);  // the header
  // The host's settings, so that the baseline writes as the host does.
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("BEGIN IMMEDIATE");
  Statement unitOfCode(db, "SELECT id FROM territory_org_units WHERE code = ?");
  Statement idOfNumber(db, "SELECT id FROM territory_employees WHERE employee_number = ?");
  Statement employee(db,
                     "INSERT INTO territory_employees (employee_number, given_name, family_name, "
                     "email, phone, hire_date, termination_date, directory_id, directory_dn, "
                     "user_id, version) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, '', NULL, 1)");
  Statement assignment(db,
                       "INSERT INTO territory_assignments (employee_id, position_id, org_unit_id, "
                       "manager_id, employment_type, reason, valid_from, valid_to, recorded_at, "
                       "recorded_by) VALUES (?, NULL, ?, ?, ?, 'hire', ?, '9999-12-31', "
                       "'2026-01-01T00:00:00Z', 'bench')");
  Statement status(db,
                   "INSERT INTO territory_status_changes (employee_id, status, effective_on, "
                   "reason, recorded_at, recorded_by) VALUES (?, 'active', ?, 'hire', "
                   "'2026-01-01T00:00:00Z', 'bench')");
  std::int64_t count = 0;
  auto lookUp = [](Statement& statement, const std::string& key) {
    statement.bind(1, key);
    if (!statement.step()) throw std::runtime_error("raw import: no row for " + key);
    auto id = statement.integer(0);
    statement.reset();
    return id;
  };
  while (std::getline(in, line)) {
    auto f = splitCsvLine(line);
    if (f.size() != 11) throw std::runtime_error("raw import: bad line " + line);
    auto unit = lookUp(unitOfCode, f[6]);
    auto manager = lookUp(idOfNumber, f[7]);
    for (int i = 0; i < 6; ++i) employee.bind(i + 1, f[static_cast<std::size_t>(i)]);
    employee.run();
    auto id = static_cast<std::int64_t>(sqlite3_last_insert_rowid(db.handle()));
    assignment.bind(1, id).bind(2, unit).bind(3, manager).bind(4, f[9]).bind(5, f[5]).run();
    status.bind(1, id).bind(2, f[5]).run();
    ++count;
  }
  db.exec("COMMIT");
  return count;
}

}  // namespace cadre::bench
