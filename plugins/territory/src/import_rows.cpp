#include "import_rows.hpp"

#include <algorithm>
#include <cmath>

#include <Poco/JSON/Array.h>

#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"

namespace cadre::territory {

namespace {

const std::string kEmpty;

}  // namespace

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

void ImportReport::fail(std::size_t line, const std::string& field, const std::string& message) {
  errors.push_back({line, field, message});
}

Poco::JSON::Object::Ptr ImportReport::toJson() const {
  auto sorted = errors;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const ImportIssue& a, const ImportIssue& b) { return a.line < b.line; });
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& issue : sorted) {
    auto item = orderedObject();
    item->set("line", static_cast<std::int64_t>(issue.line));
    item->set("field", issue.field);
    item->set("message", issue.message);
    list->add(item);
  }
  auto out = orderedObject();
  out->set("kind", kind);
  out->set("dryRun", dryRun);
  out->set("rows", static_cast<std::int64_t>(rows));
  out->set("created", static_cast<std::int64_t>(created));
  out->set("updated", static_cast<std::int64_t>(updated));
  out->set("unchanged", static_cast<std::int64_t>(unchanged));
  out->set("errors", list);
  return out;
}

ImportColumns::ImportColumns(const CsvRecord& header, const std::vector<std::string>& required,
                             const std::vector<std::string>& optional, ImportReport& report)
    : width_(header.fields.size()) {
  if (header.problem) {
    report.fail(header.problem->line, "", header.problem->message);
    return;
  }
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const auto& name = header.fields[i];
    bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                 std::find(optional.begin(), optional.end(), name) != optional.end();
    if (!known) {
      report.fail(header.line, name, "unknown column " + quoted(name));
    } else if (!index_.emplace(name, i).second) {
      report.fail(header.line, name, "column " + quoted(name) + " appears twice");
    }
  }
  for (const auto& name : required) {
    if (!index_.count(name)) report.fail(header.line, name, "missing column " + quoted(name));
  }
}

const std::string& ImportColumns::cell(const CsvRecord& record, const std::string& name) const {
  auto found = index_.find(name);
  if (found == index_.end() || found->second >= record.fields.size()) return kEmpty;
  return record.fields[found->second];
}

ImportRow::ImportRow(const CsvRecord& record, const ImportColumns& columns, ImportReport& report)
    : record_(record), columns_(columns), report_(report), errorsBefore_(report.errors.size()) {
  if (record.problem) {
    report_.fail(record.problem->line, "", record.problem->message);
    broken_ = true;
  } else if (record.fields.size() != columns.width()) {
    fail("", "has " + std::to_string(record.fields.size()) + " fields; the header has " +
                 std::to_string(columns.width()));
    broken_ = true;
  }
}

std::string ImportRow::text(const std::string& name, bool required, std::size_t maxLength) {
  std::string value = columns_.cell(record_, name);
  // The CSV export writes '=…, '+…, '-…, '@… so that a spreadsheet does not run them.
  if (value.size() > 1 && value[0] == '\'' &&
      std::string("=+-@\t\r").find(value[1]) != std::string::npos) {
    value.erase(0, 1);
  }
  if (required && value.empty()) {
    fail(name, "is required");
  } else if (utf8Length(value) > maxLength) {
    fail(name, "is longer than " + std::to_string(maxLength) + " characters");
  }
  return value;
}

std::optional<std::string> ImportRow::optionalText(const std::string& name, std::size_t maxLength) {
  auto value = text(name, false, maxLength);
  if (value.empty()) return std::nullopt;
  return value;
}

std::string ImportRow::date(const std::string& name, const std::optional<std::string>& fallback) {
  const auto& value = columns_.cell(record_, name);
  if (value.empty()) {
    if (!fallback) fail(name, "is required");
    return fallback.value_or("");
  }
  if (!isIsoDate(value)) fail(name, quoted(value) + " is not a date YYYY-MM-DD");
  return value;
}

std::string ImportRow::choice(const std::string& name, const std::set<std::string>& allowed,
                              const std::string& fallback) {
  const auto& value = columns_.cell(record_, name);
  if (value.empty()) {
    if (fallback.empty()) fail(name, "is required");
    return fallback;
  }
  if (!allowed.count(value)) {
    std::string names;
    for (const auto& option : allowed) names += (names.empty() ? "" : ", ") + option;
    fail(name, quoted(value) + " is not one of " + names);
  }
  return value;
}

std::optional<std::int64_t> ImportRow::optionalId(const std::string& name) {
  const auto& value = columns_.cell(record_, name);
  if (value.empty()) return std::nullopt;
  try {
    std::size_t used = 0;
    auto id = std::stoll(value, &used);
    if (used == value.size() && id > 0) return id;
  } catch (const std::exception&) {
  }
  fail(name, quoted(value) + " is not a positive id");
  return std::nullopt;
}

double ImportRow::number(const std::string& name, double minimum) {
  const auto& value = columns_.cell(record_, name);
  if (value.empty()) {
    fail(name, "is required");
    return 0;
  }
  try {
    std::size_t used = 0;
    auto number = std::stod(value, &used);
    if (used == value.size() && std::isfinite(number)) {
      if (number >= minimum) return number;
      fail(name, "must be at least " + std::to_string(static_cast<std::int64_t>(minimum)));
      return 0;
    }
  } catch (const std::exception&) {
  }
  fail(name, quoted(value) + " is not a number");
  return 0;
}

void ImportRow::fail(const std::string& field, const std::string& message) {
  // The cells of a malformed record are not where the header says: one error says so.
  if (broken_) return;
  report_.fail(record_.line, field, message);
}

std::vector<std::size_t> orderByReference(const std::vector<std::optional<std::size_t>>& refersTo,
                                          std::vector<std::vector<std::size_t>>& cycles) {
  enum State { Unseen, OnPath, Placed, Cyclic };
  std::vector<State> state(refersTo.size(), Unseen);
  std::vector<std::size_t> order;
  order.reserve(refersTo.size());
  for (std::size_t start = 0; start < refersTo.size(); ++start) {
    // Follow the references up to a placed row, a cycle or a row referring to none, then
    // place the path from its far end back to `start`.
    std::vector<std::size_t> path;
    std::optional<std::size_t> at = start;
    while (at && state[*at] == Unseen) {
      state[*at] = OnPath;
      path.push_back(*at);
      at = refersTo[*at];
    }
    if (at && state[*at] == OnPath) {
      auto from = std::find(path.begin(), path.end(), *at);
      cycles.emplace_back(from, path.end());
      for (auto it = from; it != path.end(); ++it) state[*it] = Cyclic;
      path.erase(from, path.end());
    }
    for (auto it = path.rbegin(); it != path.rend(); ++it) {
      state[*it] = Placed;
      order.push_back(*it);
    }
  }
  return order;
}

void failWith(ImportReport& report, std::size_t line, const HttpError& error,
              const std::map<std::string, std::string>& columnOf) {
  std::string field;
  if (!error.fields().empty()) {
    field = error.fields().front().field;
    auto column = columnOf.find(field);
    if (column != columnOf.end()) field = column->second;
  }
  report.fail(line, field, error.detail());
}

bool startReport(const CsvTable& table, ImportReport& report) {
  report.rows = table.records.empty() ? 0 : table.records.size() - 1;
  if (!table.records.empty()) return true;
  report.fail(1, "", "the file is empty; it needs a header line");
  return false;
}

std::string lineList(const std::vector<std::size_t>& lines) {
  std::string out = lines.size() == 1 ? "line " : "lines ";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += i + 1 == lines.size() ? " and " : ", ";
    out += std::to_string(lines[i]);
  }
  return out;
}

}  // namespace cadre::territory
