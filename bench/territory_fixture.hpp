// The territory benchmark's data: an org of 10,000 units 8 levels deep with 100,000 employees
// and their assignment history, written with plain SQL into a database the host has migrated.
#pragma once

#include <cstdint>
#include <string>

namespace cadre::bench {

/// Units per level, company first; ids are given level by level from 1.
constexpr std::int64_t kLevelSizes[] = {1, 5, 20, 80, 320, 960, 2880, 5734};
constexpr int kLevels = 8;
constexpr std::int64_t kUnits = 10000;
constexpr std::int64_t kEmployees = 100000;
/// No generated event lies after this date, so "today" sees the whole history.
constexpr const char* kHistoryEnd = "2026-06-30";

/// The first unit id of a level (0-based level).
std::int64_t firstUnitOfLevel(int level);
/// "U00042": the code of unit 42.
std::string unitCode(std::int64_t unitId);
/// "E000042": the employee number of employee 42; employee u heads unit u.
std::string employeeNumber(std::int64_t employeeId);

/// Fills a freshly migrated database (no territory rows yet) in one transaction; deterministic.
/// Throws std::runtime_error on any SQLite error.
void generateOrg(const std::string& databasePath);

/// Writes the import CSV of `kEmployees` new people numbered PREFIX-000001…, hired on
/// `hireDate` into the teams, each managed by their team's head.
void writeImportCsv(const std::string& csvPath, const std::string& prefix,
                    const std::string& hireDate);

/// The raw SQL baseline of the CSV import: parses the file, looks up units and managers, and
/// inserts employees, assignments and statuses with prepared statements in one transaction.
/// Returns the number of employees inserted.
std::int64_t rawImport(const std::string& databasePath, const std::string& csvPath);

}  // namespace cadre::bench
