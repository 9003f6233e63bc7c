#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "cadre/audit_trail.hpp"
#include "cadre/database.hpp"
#include "cadre/http.hpp"
#include "csv_table.hpp"

namespace cadre::territory {

/// A value in single quotes, as the import's messages show it.
std::string quoted(const std::string& text);

/// One problem of an import: the physical line of the file (1 is the header), the column
/// ("" for the whole row) and what is wrong.
struct ImportIssue {
  std::size_t line = 0;
  std::string field;
  std::string message;
};

/// What an import did or, on a dry run or with errors, would do.
struct ImportReport {
  std::string kind;
  bool dryRun = true;
  std::size_t rows = 0;
  std::size_t created = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::vector<ImportIssue> errors;

  /// Adds an error of a line.
  void fail(std::size_t line, const std::string& field, const std::string& message);
  /// `{"kind", "dryRun", "rows", "created", "updated", "unchanged", "errors": [{"line",
  /// "field", "message"}]}`, errors ordered by line.
  Poco::JSON::Object::Ptr toJson() const;
};

/// What an import needs besides the file: its transaction, where per-object audit entries go
/// (the route drops them and writes one entry for the whole import), who runs it and today.
struct ImportScope {
  Transaction& tx;
  AuditTrail trail;
  std::string actor;
  std::string today;
};

/// The columns of an import file by name. Checks the header: names are case-sensitive, order is
/// free; an unknown, repeated or missing required name is an error of line 1.
class ImportColumns {
 public:
  /// Reads the header record; each problem with it goes to the report.
  ImportColumns(const CsvRecord& header, const std::vector<std::string>& required,
                const std::vector<std::string>& optional, ImportReport& report);
  /// Whether the file has the column.
  bool has(const std::string& name) const { return index_.count(name) > 0; }
  /// The cell of a record under a column; "" when the column is absent.
  const std::string& cell(const CsvRecord& record, const std::string& name) const;
  /// How many fields every record must have: the header's count.
  std::size_t width() const { return width_; }

 private:
  std::map<std::string, std::size_t> index_;
  std::size_t width_ = 0;
};

/// Reads and checks the cells of one data record, adding each problem to the report under the
/// record's line. A malformed record (bad CSV, invalid UTF-8, another number of fields than the
/// header) gets that one error and no more. A cell the CSV export guarded against formulas ('=… '+…
/// '-… '@…) reads back without its apostrophe.
class ImportRow {
 public:
  /// Reports the record's own problem (malformed, wrong number of fields), if any.
  ImportRow(const CsvRecord& record, const ImportColumns& columns, ImportReport& report);

  /// The cell as written (empty when absent); with `required`, empty is an error.
  std::string text(const std::string& name, bool required, std::size_t maxLength);
  /// The cell when not empty.
  std::optional<std::string> optionalText(const std::string& name, std::size_t maxLength);
  /// A date YYYY-MM-DD; empty gives `fallback` (an error when there is none).
  std::string date(const std::string& name, const std::optional<std::string>& fallback);
  /// One of `allowed`; empty gives `fallback` (an error when it is empty too).
  std::string choice(const std::string& name, const std::set<std::string>& allowed,
                     const std::string& fallback);
  /// A positive id, when the column is there and the cell not empty.
  std::optional<std::int64_t> optionalId(const std::string& name);
  /// A number at least `minimum`; required.
  double number(const std::string& name, double minimum);

  /// Adds an error of this row's line under a column.
  void fail(const std::string& field, const std::string& message);
  /// Whether this row has had no error so far.
  bool ok() const { return report_.errors.size() == errorsBefore_; }
  /// The physical line the record starts on.
  std::size_t line() const { return record_.line; }

 private:
  const CsvRecord& record_;
  const ImportColumns& columns_;
  ImportReport& report_;
  std::size_t errorsBefore_;
  bool broken_ = false;
};

/// The order to apply rows in so that each comes after the row of the same file it refers to
/// (`refersTo[i]`, or std::nullopt). Rows on a cycle are left out and each cycle is returned as
/// its rows in order.
std::vector<std::size_t> orderByReference(const std::vector<std::optional<std::size_t>>& refersTo,
                                          std::vector<std::vector<std::size_t>>& cycles);

/// Records a rule's refusal as an error of a line: the field the rule names, translated to the
/// import's column by `columnOf` (ids in the API are codes and numbers in a file), and its
/// detail as the message.
void failWith(ImportReport& report, std::size_t line, const HttpError& error,
              const std::map<std::string, std::string>& columnOf);

/// Thrown when the database refuses a row (not a rule: a failed statement). The transaction
/// cannot go on, so the import stops there; `line` is the row's line and what() the cause.
class ImportAborted : public std::runtime_error {
 public:
  ImportAborted(std::size_t line, const std::string& cause)
      : std::runtime_error(cause), line_(line) {}
  /// The line of the row the database refused.
  std::size_t line() const { return line_; }

 private:
  std::size_t line_;
};

/// Counts the file's rows (all records but the header) into the report; false, with the error
/// on line 1, when the file has not even a header line.
bool startReport(const CsvTable& table, ImportReport& report);

/// "lines 3, 5 and 9".
std::string lineList(const std::vector<std::size_t>& lines);

}  // namespace cadre::territory
