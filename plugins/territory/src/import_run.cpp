#include <map>
#include <stdexcept>

#include "org_import.hpp"

namespace cadre::territory {

namespace {

using ImportFunction = void (*)(ImportScope&, const CsvTable&, ImportReport&);

const std::map<std::string, ImportFunction> kImports{
    {"employees", &importEmployees}, {"org-units", &importOrgUnits}, {"accounts", &importAccounts}};

}  // namespace

bool isImportKind(const std::string& kind) {
  return kImports.count(kind) > 0;
}

ImportReport runImport(Database& database, const ImportRun& run, std::string_view csv) {
  auto import = kImports.find(run.kind);
  if (import == kImports.end()) throw std::invalid_argument("no import of '" + run.kind + "'");
  ImportReport report;
  report.kind = run.kind;
  report.dryRun = run.dryRun;
  auto table = parseCsv(csv);
  if (table.fatal) {
    report.rows = table.records.empty() ? 0 : table.records.size() - 1;
    report.fail(table.fatal->line, "", table.fatal->message);
    return report;
  }
  auto tx = database.begin(TxMode::Write);
  // Per-object entries are not written: the import's one entry below counts what it did.
  ImportScope scope{*tx, [](Transaction&, const AuditEntry&) {}, run.actor, run.today};
  try {
    import->second(scope, table, report);
  } catch (const ImportAborted& aborted) {
    if (run.aborted) run.aborted(aborted);
    report.fail(aborted.line(), "", "the database refused this row, so the import stopped here");
  }
  if (report.dryRun || !report.errors.empty()) return report;  // `tx` rolls back
  if (run.audit) run.audit(*tx, report);
  tx->commit();
  return report;
}

}  // namespace cadre::territory
