#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "csv_table.hpp"
#include "import_rows.hpp"

namespace cadre::territory {

/// One run of an import: which kind, whether it only checks, who runs it, and the hooks of the
/// caller (the route writes the audit entry and logs a refusal of the database).
struct ImportRun {
  /// employees, org-units or accounts.
  std::string kind;
  bool dryRun = true;
  std::string actor;
  std::string today;
  /// Writes the import's one audit entry, in its transaction, just before the commit.
  std::function<void(Transaction&, const ImportReport&)> audit;
  /// Told why the database refused a row; the report says only that it did, and where.
  std::function<void(const ImportAborted&)> aborted;
};

/// The kinds runImport knows.
bool isImportKind(const std::string& kind);

/// Parses `csv` and runs the import of `run.kind` in one write transaction of `database`. The
/// transaction commits only on a real run whose report has no errors; otherwise nothing of it
/// stays. Throws std::invalid_argument for an unknown kind and std::runtime_error when no
/// transaction can begin.
ImportReport runImport(Database& database, const ImportRun& run, std::string_view csv);

// Each import reads a parsed CSV file (the header first), checks every row and applies the
// good ones in the scope's transaction through the same rules as the API (OrgTree, Workforce),
// adding each refusal to the report as an error of its line. The caller commits only when the
// report has no errors and it is not a dry run; rows are counted as created, updated or
// unchanged. A database failure (not a rule) stops the import with an error of the row at hand.

/// Org units. Columns: code, name, type, parentCode, optional headEmployeeNumber and
/// effectiveDate (default today). The export's parentId and headEmployeeId may stand in for
/// parentCode and headEmployeeNumber, and its id column is ignored. Parents defined later in the
/// file are applied first; a cycle in the file is an error of each of its lines.
void importOrgUnits(ImportScope& scope, const CsvTable& table, ImportReport& report);

/// Employees. Columns: employeeNumber, givenName, familyName, email, phone, hireDate,
/// orgUnitCode, optional managerEmployeeNumber (may name a row later in the file), positionId,
/// employmentType, directoryId and effectiveDate (of a transfer; default today). A new number
/// is hired; a known one gets its master data updated and, when the unit, manager, position or
/// employment type differ, a transfer. The export's orgUnitId and managerId may stand in for
/// orgUnitCode and managerEmployeeNumber; its id column is ignored, and so is its status
/// column but for "terminated": such a row only updates the master data of a terminated
/// employee (an import neither hires nor terminates anyone as terminated). A hire takes the
/// hireDate as its date; new people without a position go through BulkHiring.
void importEmployees(ImportScope& scope, const CsvTable& table, ImportReport& report);

/// Accounts. Columns: name, region, postalCode, industry, size (small, medium, large,
/// enterprise), status (prospect, active), potential (a number >= 0) and optional externalId;
/// a known externalId updates that account.
void importAccounts(ImportScope& scope, const CsvTable& table, ImportReport& report);

}  // namespace cadre::territory
