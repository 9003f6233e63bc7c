// The employee import: new numbers are hired, known ones updated and transferred, all through
// Workforce; managers named in the file are placed before the people who report to them.
#include <algorithm>
#include <limits>
#include <unordered_map>

#include "bulk_hiring.hpp"
#include "employee_store.hpp"
#include "import_store.hpp"
#include "org_import.hpp"
#include "vocabulary.hpp"
#include "workforce.hpp"

namespace cadre::territory {

namespace {

// The API's field names as the import's columns; on a hire the effective date is the hire date.
const std::map<std::string, std::string> kColumnOf{
    {"orgUnitId", "orgUnitCode"}, {"managerId", "managerEmployeeNumber"}, {"name", "givenName"}};
const std::map<std::string, std::string> kHireColumnOf{{"orgUnitId", "orgUnitCode"},
                                                       {"managerId", "managerEmployeeNumber"},
                                                       {"effectiveDate", "hireDate"}};

struct EmployeeRow {
  std::size_t line = 0;
  bool ok = false;
  NewEmployee person;
  bool hasDirectoryId = false;
  std::string hireDate;
  std::string effectiveDate;
  std::string orgUnitCode;
  std::optional<std::int64_t> orgUnitId;
  std::string managerNumber;
  std::optional<std::int64_t> managerId;
  std::optional<std::int64_t> positionId;
  std::string employmentType;
  /// The export's status column says terminated: master data only, no placement.
  bool terminated = false;
};

/// The same rule as the API's: something@something, without spaces or list separators.
bool isEmailAddress(const std::string& email) {
  auto at = email.find('@');
  return at != std::string::npos && at != 0 && at + 1 != email.size() &&
         email.find_first_of(" \t\r\n,;<>") == std::string::npos;
}

class EmployeeImport {
 public:
  EmployeeImport(ImportScope& scope, ImportReport& report)
      : scope_(scope),
        report_(report),
        workforce_(scope.tx, scope.trail, scope.actor),
        hiring_(scope.tx, scope.trail, scope.actor) {}

  void run(const CsvTable& table) {
    ImportColumns columns(
        table.records.front(),
        {"employeeNumber", "givenName", "familyName", "email", "phone", "hireDate"},
        {"orgUnitCode", "orgUnitId", "managerEmployeeNumber", "managerId", "positionId",
         "employmentType", "directoryId", "effectiveDate", "id", "status"},
        report_);
    if (!columns.has("orgUnitCode") && !columns.has("orgUnitId")) {
      report_.fail(table.records.front().line, "orgUnitCode", "missing column 'orgUnitCode'");
    }
    if (!report_.errors.empty()) return;
    loadKeys();
    rows_.reserve(table.records.size());
    for (std::size_t i = 1; i < table.records.size(); ++i) read(table.records[i], columns);
    std::vector<std::optional<std::size_t>> refersTo(rows_.size());
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      if (rows_[i].managerNumber.empty()) continue;
      auto manager = rowOfNumber_.find(rows_[i].managerNumber);
      if (manager != rowOfNumber_.end() && manager->second != i) refersTo[i] = manager->second;
    }
    std::vector<std::vector<std::size_t>> cycles;
    auto order = orderByReference(refersTo, cycles);
    for (const auto& cycle : cycles) failCycle(cycle);
    applied_.assign(rows_.size(), std::nullopt);
    for (auto i : order) {
      if (rows_[i].ok) apply(i, refersTo[i]);
    }
  }

 private:
  void loadKeys() {
    ImportStore store(scope_.tx);
    unitIds_ = store.orgUnitIdsByCode();
    employees_ = store.employeesByNumber();
  }

  void read(const CsvRecord& record, const ImportColumns& columns) {
    ImportRow in(record, columns, report_);
    EmployeeRow row;
    row.line = record.line;
    row.person.employeeNumber = in.text("employeeNumber", true, 64);
    row.person.givenName = in.text("givenName", true, 200);
    row.person.familyName = in.text("familyName", true, 200);
    row.person.email = in.text("email", false, 254);
    row.person.phone = in.text("phone", false, 64);
    row.person.directoryId = in.text("directoryId", false, 255);
    row.hasDirectoryId = columns.has("directoryId");
    row.hireDate = in.date("hireDate", std::nullopt);
    row.effectiveDate = in.date("effectiveDate", scope_.today);
    row.orgUnitCode = in.text("orgUnitCode", false, 64);
    row.orgUnitId = in.optionalId("orgUnitId");
    row.managerNumber = in.text("managerEmployeeNumber", false, 64);
    row.managerId = in.optionalId("managerId");
    row.positionId = in.optionalId("positionId");
    row.employmentType = in.choice("employmentType", kEmploymentTypes, "-");
    if (row.employmentType == "-") row.employmentType.clear();
    if (!row.person.email.empty() && !isEmailAddress(row.person.email)) {
      in.fail("email", quoted(row.person.email) + " is not an email address");
    }
    row.terminated = in.text("status", false, 32) == "terminated";
    if (row.orgUnitCode.empty() && !row.orgUnitId && !row.positionId && !row.terminated) {
      in.fail("orgUnitCode", "give an orgUnitCode or a positionId");
    }
    if (!row.managerNumber.empty() && row.managerNumber == row.person.employeeNumber) {
      in.fail("managerEmployeeNumber", "an employee cannot be their own manager");
    }
    noteDuplicates(in, row);
    row.ok = in.ok();
    rows_.push_back(std::move(row));
  }

  void noteDuplicates(ImportRow& in, const EmployeeRow& row) {
    const auto& number = row.person.employeeNumber;
    if (!number.empty()) {
      auto [first, added] = rowOfNumber_.emplace(number, rows_.size());
      if (!added) {
        in.fail("employeeNumber", "employee number " + quoted(number) + " appears on " +
                                      lineList({rows_[first->second].line, row.line}));
      }
    }
    const auto& directoryId = row.person.directoryId;
    if (!directoryId.empty()) {
      auto [first, added] = lineOfDirectoryId_.emplace(directoryId, row.line);
      if (!added) {
        in.fail("directoryId", "directory id " + quoted(directoryId) + " appears on " +
                                   lineList({first->second, row.line}));
      }
    }
  }

  void failCycle(const std::vector<std::size_t>& cycle) {
    std::vector<std::size_t> lines;
    for (auto i : cycle) lines.push_back(rows_[i].line);
    std::sort(lines.begin(), lines.end());
    for (auto i : cycle) {
      if (rows_[i].ok) {
        report_.fail(rows_[i].line, "managerEmployeeNumber",
                     "the managers in this file make a cycle: " + lineList(lines));
      }
      rows_[i].ok = false;
    }
  }

  std::optional<std::int64_t> unitOf(const EmployeeRow& row) {
    if (row.orgUnitCode.empty()) return row.orgUnitId;
    auto found = unitIds_.find(row.orgUnitCode);
    if (found == unitIds_.end()) {
      throw HttpError::unprocessable("there is no org unit " + quoted(row.orgUnitCode),
                                     {{"orgUnitCode", "unknown org unit code"}});
    }
    return found->second;
  }

  std::optional<std::int64_t> managerOf(const EmployeeRow& row, std::optional<std::size_t> inFile) {
    if (row.managerNumber.empty()) return row.managerId;
    if (inFile) {
      if (applied_[*inFile]) return applied_[*inFile];
      throw HttpError::unprocessable("manager " + quoted(row.managerNumber) + " on line " +
                                         std::to_string(rows_[*inFile].line) + " has errors",
                                     {{"managerEmployeeNumber", "manager has errors"}});
    }
    auto found = employees_.find(row.managerNumber);
    if (found == employees_.end()) {
      throw HttpError::unprocessable("there is no employee " + quoted(row.managerNumber),
                                     {{"managerEmployeeNumber", "unknown employee number"}});
    }
    return found->second.id;
  }

  void apply(std::size_t i, std::optional<std::size_t> inFile) {
    const auto& row = rows_[i];
    auto known = employees_.find(row.person.employeeNumber);
    bool hiring = known == employees_.end();
    try {
      Placement placement{row.positionId,     unitOf(row),  managerOf(row, inFile),
                          row.employmentType, row.hireDate, "hire"};
      if (hiring) {
        if (row.terminated) {
          throw HttpError::unprocessable("an import does not hire a terminated employee",
                                         {{"status", "terminated"}});
        }
        // Workforce::hire checks a position; BulkHiring hires everyone else by the same rules.
        applied_[i] = row.positionId ? workforce_.hire(row.person, placement, std::nullopt).id
                                     : hiring_.hire(row.person, placement).id;
        ++report_.created;
        return;
      }
      applied_[i] = known->second.id;
      if (known->second.hireDate != row.hireDate) {
        throw HttpError::unprocessable(
            "the hire date of employee " + quoted(row.person.employeeNumber) + " is " +
                known->second.hireDate + "; an import does not change it",
            {{"hireDate", "differs"}});
      }
      placement.effectiveDate = std::max(row.effectiveDate, row.hireDate);
      placement.reason = "transfer";
      update(row, known->second.id, placement);
    } catch (const HttpError& error) {
      failWith(report_, row.line, error, hiring ? kHireColumnOf : kColumnOf);
    } catch (const std::exception& error) {
      throw ImportAborted(row.line, error.what());
    }
  }

  /// The employee as of a date; everyone as of today is read in one query, once.
  std::optional<EmployeeRecord> currentOf(std::int64_t id, const std::string& date) {
    if (date != scope_.today) return EmployeeStore(scope_.tx).find(id, date);
    if (!todayLoaded_) {
      EmployeeFilter everyone;
      everyone.limit = std::numeric_limits<std::int64_t>::max();
      for (auto& e : EmployeeStore(scope_.tx).list(everyone, date)) {
        auto key = e.id;
        today_.emplace(key, std::move(e));
      }
      todayLoaded_ = true;
    }
    auto found = today_.find(id);
    if (found == today_.end()) return std::nullopt;
    return found->second;
  }

  void update(const EmployeeRow& row, std::int64_t id, const Placement& placement) {
    auto current = currentOf(id, placement.effectiveDate);
    if (!current) throw HttpError::notFound("there is no employee " + std::to_string(id));
    const auto& p = row.person;
    if (row.terminated && current->status != "terminated") {
      throw HttpError::unprocessable("employee " + quoted(p.employeeNumber) + " is " +
                                         current->status +
                                         "; an import does not terminate anyone (use the "
                                         "termination)",
                                     {{"status", "differs"}});
    }
    bool changed = false;
    auto directoryId = row.hasDirectoryId ? p.directoryId : current->directoryId;
    if (p.givenName != current->givenName || p.familyName != current->familyName ||
        p.email != current->email || p.phone != current->phone ||
        directoryId != current->directoryId) {
      MasterDataEdit edit;
      edit.givenName = p.givenName;
      edit.familyName = p.familyName;
      edit.email = p.email;
      edit.phone = p.phone;
      edit.directoryId = directoryId;
      workforce_.editMasterData(id, edit);
      changed = true;
    }
    if (row.terminated) {
      ++(changed ? report_.updated : report_.unchanged);
      return;
    }
    bool moved = placement.orgUnitId && placement.orgUnitId != current->orgUnitId;
    bool newManager = placement.managerId && placement.managerId != current->managerId;
    bool newPosition = placement.positionId && placement.positionId != current->positionId;
    bool newType =
        !placement.employmentType.empty() && placement.employmentType != current->employmentType;
    if (moved || newManager || newPosition || newType) {
      workforce_.transfer(id, placement);
      changed = true;
    }
    ++(changed ? report_.updated : report_.unchanged);
  }

  ImportScope& scope_;
  ImportReport& report_;
  Workforce workforce_;
  BulkHiring hiring_;
  bool todayLoaded_ = false;
  std::unordered_map<std::int64_t, EmployeeRecord> today_;
  std::vector<EmployeeRow> rows_;
  std::unordered_map<std::string, std::size_t> rowOfNumber_;
  std::unordered_map<std::string, std::size_t> lineOfDirectoryId_;
  std::unordered_map<std::string, std::int64_t> unitIds_;
  std::unordered_map<std::string, KnownEmployee> employees_;
  std::vector<std::optional<std::int64_t>> applied_;
};

}  // namespace

void importEmployees(ImportScope& scope, const CsvTable& table, ImportReport& report) {
  if (startReport(table, report)) EmployeeImport(scope, report).run(table);
}

}  // namespace cadre::territory
