// How long an import of many employees takes next to raw SQL inserts of the same rows on the
// same engine. The full 100,000-row run is DISABLED_ (run it with
// --gtest_also_run_disabled_tests); a run of 500 checks the same path on every build.
#include <chrono>
#include <cstdlib>
#include <iostream>

#include <gtest/gtest.h>

#include "cadre/dates.hpp"
#include "org_database.hpp"
#include "org_import.hpp"
#include "org_tree.hpp"

namespace cadre::territory::test {
namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// `count` people in 10 teams; every 100th manages the 99 after them. The rows come in reverse
/// order, so every manager's row comes after the rows of the people who report to them.
std::string peopleFile(std::size_t count) {
  std::string csv =
      "employeeNumber,givenName,familyName,email,phone,hireDate,orgUnitCode,"
      "managerEmployeeNumber\n";
  for (std::size_t n = count; n-- > 0;) {
    auto number = "P" + std::to_string(n);
    auto manager = n % 100 == 0 ? std::string() : "P" + std::to_string(n - n % 100);
    csv += number + ",Thị " + std::to_string(n) + ",Nguyễn," + number +
           "@example.com,,2020-01-01," + "T" + std::to_string(n % 10) + "," + manager + "\n";
  }
  return csv;
}

class ImportSpeedTest : public ::testing::TestWithParam<std::string> {
 protected:
  void prepare(OrgDatabase& org) {
    org.db().inTransaction([&](Transaction& tx) {
      OrgTree tree(tx);
      auto root =
          tree.create({"ROOT", "Root", "company", std::nullopt, std::nullopt, "2019-01-01"});
      for (int t = 0; t < 10; ++t) {
        teams_.push_back(tree.create({"T" + std::to_string(t), "Team", "team", root.id,
                                      std::nullopt, "2019-01-01"})
                             .id);
      }
    });
  }

  /// The baseline: the same rows as plain INSERTs in one transaction.
  double rawInserts(std::size_t count) {
    OrgDatabase raw(GetParam());
    prepare(raw);
    auto start = std::chrono::steady_clock::now();
    raw.db().inTransaction([&](Transaction& tx) {
      std::vector<std::int64_t> ids(count);
      // Managers first: raw SQL knows the order that a file need not keep.
      for (std::size_t n = 0; n < count; ++n) {
        auto number = "P" + std::to_string(n);
        ids[n] = tx.insert(
            "INSERT INTO territory_employees (employee_number, given_name, family_name, email, "
            "phone, hire_date, termination_date, directory_id, directory_dn, user_id, version) "
            "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, '', NULL, 1)",
            {number, "Thị " + std::to_string(n), std::string("Nguyễn"), number + "@example.com",
             std::string(), std::string("2020-01-01")});
        tx.insert(
            "INSERT INTO territory_status_changes (employee_id, status, effective_on, reason, "
            "recorded_at, recorded_by) VALUES (?, 'active', '2020-01-01', 'hire', ?, 'raw')",
            {ids[n], nowTimestamp()});
        SqlValue manager = nullptr;
        if (n % 100 != 0) manager = ids[n - n % 100];
        tx.insert(
            "INSERT INTO territory_assignments (employee_id, position_id, org_unit_id, "
            "manager_id, employment_type, reason, valid_from, valid_to, recorded_at, "
            "recorded_by) VALUES (?, NULL, ?, ?, 'full_time', 'hire', '2020-01-01', "
            "'9999-12-31', ?, 'raw')",
            {ids[n], teams_[n % 10], manager, nowTimestamp()});
      }
    });
    return secondsSince(start);
  }

  /// Imports the file into a fresh database, then the same file again; the database is gone
  /// before the baseline runs (on PostgreSQL the next one of this test replaces it).
  double importFile(std::size_t count) {
    auto csv = peopleFile(count);
    OrgDatabase org(GetParam());
    prepare(org);
    ImportRun run{"employees", false, "bench", today(), nullptr, nullptr};
    auto start = std::chrono::steady_clock::now();
    auto report = runImport(org.db(), run, csv);
    auto imported = secondsSince(start);
    EXPECT_TRUE(report.errors.empty());
    EXPECT_EQ(report.created, count);
    auto managed = org.db().inTransaction([](Transaction& tx) {
      return tx.queryOne("SELECT COUNT(*) FROM territory_assignments WHERE manager_id IS NOT NULL")
          ->getInt(0);
    });
    EXPECT_EQ(managed, static_cast<std::int64_t>(count - count / 100));
    start = std::chrono::steady_clock::now();
    auto again = runImport(org.db(), run, csv);
    std::cout << GetParam() << ": the same file again (" << again.unchanged << " unchanged) "
              << secondsSince(start) << " s\n";
    EXPECT_EQ(again.unchanged, count);
    teams_.clear();
    return imported;
  }

  void measure(std::size_t count) {
    auto imported = importFile(count);
    auto raw = rawInserts(count);
    std::cout << GetParam() << ": import of " << count << " employees " << imported
              << " s; raw inserts " << raw << " s; ratio " << imported / raw << "\n";
  }

  std::vector<std::int64_t> teams_;
};

TEST_P(ImportSpeedTest, FiveHundredEmployees) {
  measure(500);
}

TEST_P(ImportSpeedTest, DISABLED_OneHundredThousandEmployees) {
  // CADRE_IMPORT_ROWS sets another size, for a quicker look.
  const char* rows = std::getenv("CADRE_IMPORT_ROWS");
  measure(rows ? std::stoul(rows) : 100000);
}

TERRITORY_ON_EVERY_ENGINE(ImportSpeedTest);

}  // namespace
}  // namespace cadre::territory::test
