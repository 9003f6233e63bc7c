#include "csv_table.hpp"

#include <algorithm>

#include "cadre/json_fields.hpp"

namespace cadre::territory {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/// The physical lines (1-based) that hold bytes which are not UTF-8, in order.
std::vector<std::size_t> linesWithBadUtf8(std::string_view text) {
  std::vector<std::size_t> bad;
  std::size_t line = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (!isValidUtf8(std::string(text.substr(start, end - start)))) bad.push_back(line);
    start = end + 1;
    ++line;
  }
  return bad;
}

/// Reads records one character at a time, keeping the physical line of every record.
class CsvReader {
 public:
  CsvReader(std::string_view text, std::vector<std::size_t> badLines)
      : text_(text), badLines_(std::move(badLines)) {}

  CsvTable read() {
    startRecord();
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '"') {
        if (!readQuoted()) return std::move(table_);
      } else if (c == ',') {
        endField();
        ++pos_;
      } else if (c == '\r' || c == '\n') {
        endRecord();
        skipLineBreak();
        startRecord();
      } else {
        field_ += c;
        started_ = true;
        ++pos_;
      }
    }
    endRecord();
    return std::move(table_);
  }

 private:
  // A quote opens a quoted field only at the start of a field; anywhere else it is an error.
  bool readQuoted() {
    if (!field_.empty() || fieldQuoted_) {
      fail(
          "a quote inside a field that does not start with one; quote the whole field and "
          "double the quotes inside it");
      field_ += '"';
      ++pos_;
      return true;
    }
    std::size_t openedOn = line_;
    fieldQuoted_ = true;
    started_ = true;
    ++pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field_ += '"';
          ++pos_;
          continue;
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\r' &&
            text_[pos_] != '\n') {
          fail("text after the closing quote of a field");
        }
        return true;
      }
      if (c == '\n') ++line_;
      field_ += c;
    }
    table_.fatal = CsvProblem{openedOn, "a quoted field opened on this line is never closed"};
    return false;
  }

  void skipLineBreak() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  void fail(const std::string& message) {
    if (!record_.problem) record_.problem = CsvProblem{line_, message};
  }

  void startRecord() {
    record_ = CsvRecord{};
    record_.line = line_;
    field_.clear();
    fieldQuoted_ = false;
    started_ = false;
  }

  void endField() {
    record_.fields.push_back(std::move(field_));
    field_.clear();
    fieldQuoted_ = false;
    started_ = true;
  }

  void endRecord() {
    if (!started_ && record_.fields.empty()) return;  // a blank line
    endField();
    // The record spans lines record_.line .. line_ (line breaks inside quotes counted).
    auto bad = std::lower_bound(badLines_.begin(), badLines_.end(), record_.line);
    if (bad != badLines_.end() && *bad <= line_) {
      record_.problem = CsvProblem{*bad, "the text is not valid UTF-8"};
    }
    table_.records.push_back(std::move(record_));
  }

  std::string_view text_;
  std::vector<std::size_t> badLines_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  CsvRecord record_;
  std::string field_;
  bool fieldQuoted_ = false;
  bool started_ = false;
  CsvTable table_;
};

}  // namespace

CsvTable parseCsv(std::string_view text) {
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  return CsvReader(text, linesWithBadUtf8(text)).read();
}

}  // namespace cadre::territory
