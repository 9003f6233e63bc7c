// The org unit import: rows become OrgTree::create or OrgTree::change, parents first.
#include <unordered_map>

#include "cadre/json_text.hpp"
#include "import_store.hpp"
#include "org_import.hpp"
#include "org_tree.hpp"
#include "org_unit_json.hpp"

namespace cadre::territory {

namespace {

const std::map<std::string, std::string> kColumnOf{
    {"parentId", "parentCode"}, {"headEmployeeId", "headEmployeeNumber"}, {"id", "code"}};

struct UnitRow {
  std::size_t line = 0;
  bool ok = false;
  std::string code;
  std::string name;
  std::string type;
  std::string date;
  std::string parentCode;
  std::optional<std::int64_t> parentId;
  std::string headNumber;
  std::optional<std::int64_t> headId;
};

std::string unitPayload(const OrgUnit& unit) {
  return toJson(unitJson(unit));
}

class OrgUnitImport {
 public:
  OrgUnitImport(ImportScope& scope, ImportReport& report) : scope_(scope), report_(report) {}

  void run(const CsvTable& table) {
    ImportColumns columns(
        table.records.front(), {"code", "name", "type"},
        {"parentCode", "parentId", "headEmployeeNumber", "headEmployeeId", "effectiveDate", "id"},
        report_);
    if (!columns.has("parentCode") && !columns.has("parentId")) {
      report_.fail(table.records.front().line, "parentCode", "missing column 'parentCode'");
    }
    if (!report_.errors.empty()) return;
    headColumn_ = columns.has("headEmployeeNumber") || columns.has("headEmployeeId");
    unitIds_ = ImportStore(scope_.tx).orgUnitIdsByCode();
    for (std::size_t i = 1; i < table.records.size(); ++i) read(table.records[i], columns);
    std::vector<std::optional<std::size_t>> refersTo(rows_.size());
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      auto parent = rowOfCode_.find(rows_[i].parentCode);
      if (!rows_[i].parentCode.empty() && parent != rowOfCode_.end() && parent->second != i) {
        refersTo[i] = parent->second;
      }
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
  void read(const CsvRecord& record, const ImportColumns& columns) {
    ImportRow in(record, columns, report_);
    UnitRow row;
    row.line = record.line;
    row.code = in.text("code", true, 64);
    row.name = in.text("name", true, 200);
    row.type = in.text("type", true, 64);
    row.parentCode = in.text("parentCode", false, 64);
    row.parentId = in.optionalId("parentId");
    row.headNumber = in.text("headEmployeeNumber", false, 64);
    row.headId = in.optionalId("headEmployeeId");
    row.date = in.date("effectiveDate", scope_.today);
    if (!row.parentCode.empty() && row.parentCode == row.code) {
      in.fail("parentCode", "an org unit cannot be its own parent");
    }
    if (!row.code.empty()) {
      auto [first, added] = rowOfCode_.emplace(row.code, rows_.size());
      if (!added) {
        in.fail("code", "code " + quoted(row.code) + " appears on " +
                            lineList({rows_[first->second].line, row.line}));
      }
    }
    row.ok = in.ok();
    rows_.push_back(std::move(row));
  }

  void failCycle(const std::vector<std::size_t>& cycle) {
    std::vector<std::size_t> lines;
    for (auto i : cycle) lines.push_back(rows_[i].line);
    std::sort(lines.begin(), lines.end());
    for (auto i : cycle) {
      if (rows_[i].ok) {
        report_.fail(rows_[i].line, "parentCode",
                     "the parents in this file make a cycle: " + lineList(lines));
      }
      rows_[i].ok = false;
    }
  }

  std::optional<std::int64_t> headOf(const UnitRow& row) {
    if (row.headId || row.headNumber.empty()) return row.headId;
    if (!employeesLoaded_) {
      employees_ = ImportStore(scope_.tx).employeesByNumber();
      employeesLoaded_ = true;
    }
    auto found = employees_.find(row.headNumber);
    if (found == employees_.end()) {
      throw HttpError::unprocessable("there is no employee " + quoted(row.headNumber),
                                     {{"headEmployeeNumber", "unknown employee number"}});
    }
    return found->second.id;
  }

  std::optional<std::int64_t> parentOf(const UnitRow& row, std::optional<std::size_t> inFile) {
    if (row.parentCode.empty()) return row.parentId;
    if (inFile) {
      if (applied_[*inFile]) return applied_[*inFile];
      throw HttpError::unprocessable("parent " + quoted(row.parentCode) + " on line " +
                                         std::to_string(rows_[*inFile].line) + " has errors",
                                     {{"parentCode", "parent has errors"}});
    }
    auto found = unitIds_.find(row.parentCode);
    if (found == unitIds_.end()) {
      throw HttpError::unprocessable("there is no org unit " + quoted(row.parentCode),
                                     {{"parentCode", "unknown org unit code"}});
    }
    return found->second;
  }

  void apply(std::size_t i, std::optional<std::size_t> inFile) {
    const auto& row = rows_[i];
    try {
      auto parent = parentOf(row, inFile);
      auto head = headOf(row);
      auto existing = unitIds_.find(row.code);
      if (existing == unitIds_.end()) {
        auto unit =
            OrgTree(scope_.tx).create({row.code, row.name, row.type, parent, head, row.date});
        unitIds_.emplace(row.code, unit.id);
        applied_[i] = unit.id;
        record("created", "create", unit, "");
        ++report_.created;
        return;
      }
      applied_[i] = existing->second;
      update(row, existing->second, parent, head);
    } catch (const HttpError& error) {
      failWith(report_, row.line, error, kColumnOf);
    } catch (const std::exception& error) {
      throw ImportAborted(row.line, error.what());
    }
  }

  void update(const UnitRow& row, std::int64_t id, std::optional<std::int64_t> parent,
              std::optional<std::int64_t> head) {
    auto before = OrgUnitStore(scope_.tx).find(id, row.date);
    if (before && before->type != row.type) {
      throw HttpError::unprocessable("the type of org unit " + quoted(row.code) + " is " +
                                         quoted(before->type) + "; an import does not change it",
                                     {{"type", "differs"}});
    }
    // Without a head column the file says nothing about heads: they stay as they are.
    if (!headColumn_ && before) head = before->headEmployeeId;
    bool renamed = !before || before->name != row.name;
    bool moved = !before || before->parentId != parent;
    bool newHead = !before || before->headEmployeeId != head;
    if (!renamed && !moved && !newHead) {
      ++report_.unchanged;
      return;
    }
    OrgUnitChange change;
    change.name = row.name;
    change.parentId = parent;
    change.headEmployeeId = head;
    change.effectiveDate = row.date;
    change.reason = renamed + moved + newHead > 1 ? "reorganization"
                    : moved                       ? "move"
                    : renamed                     ? "rename"
                                                  : "head";
    auto unit = OrgTree(scope_.tx).change(id, change);
    record("changed", change.reason, unit, before ? unitPayload(*before) : "");
    ++report_.updated;
  }

  void record(const std::string& event, const std::string& action, const OrgUnit& unit,
              const std::string& before) {
    auto after = unitPayload(unit);
    scope_.tx.publish("territory.org-unit." + event, after);
    scope_.trail(scope_.tx, {"territory.org-unit." + action, "org_unit", std::to_string(unit.id),
                             before, after});
  }

  ImportScope& scope_;
  ImportReport& report_;
  std::vector<UnitRow> rows_;
  std::unordered_map<std::string, std::size_t> rowOfCode_;
  std::unordered_map<std::string, std::int64_t> unitIds_;
  std::unordered_map<std::string, KnownEmployee> employees_;
  bool employeesLoaded_ = false;
  bool headColumn_ = false;
  std::vector<std::optional<std::int64_t>> applied_;
};

}  // namespace

void importOrgUnits(ImportScope& scope, const CsvTable& table, ImportReport& report) {
  if (startReport(table, report)) OrgUnitImport(scope, report).run(table);
}

}  // namespace cadre::territory
