#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cadre::territory {

/// Something wrong with a CSV text, at a physical line (1-based) of it.
struct CsvProblem {
  std::size_t line = 0;
  std::string message;
};

/// One record of a CSV text: its fields and the physical line it starts on. A record whose
/// quoted fields hold line breaks spans several lines; the next record's line counts them.
struct CsvRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
  /// Set when this record is malformed (a stray quote, invalid UTF-8); its fields are then
  /// what could be read and should not be used.
  std::optional<CsvProblem> problem;
};

/// A parsed CSV text: every non-blank record in order, the header first.
struct CsvTable {
  std::vector<CsvRecord> records;
  /// Set when the text cannot be read to its end (a quoted field that never closes); the
  /// records before it are kept.
  std::optional<CsvProblem> fatal;
};

/// Parses RFC 4180 CSV: fields separated by commas, records by CRLF or LF, fields in double
/// quotes may hold commas, line breaks and doubled quotes. A leading UTF-8 byte order mark is
/// skipped and blank lines are ignored. Invalid UTF-8 makes the record that holds it malformed,
/// naming the physical line of the bad bytes. Never throws for bad input.
CsvTable parseCsv(std::string_view text);

}  // namespace cadre::territory
