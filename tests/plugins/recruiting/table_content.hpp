#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "cadre/database.hpp"

namespace cadre::recruiting::test {

/// Every row of every table whose name begins with one of `prefixes`, as text with the rows of
/// each table sorted: equal before and after a write that failed when it left nothing behind.
inline std::string tableContent(Transaction& tx, const std::vector<std::string>& prefixes) {
  auto tables = tx.query(tx.dialect() == SqlDialect::Sqlite
                             ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                             : "SELECT table_name FROM information_schema.tables WHERE "
                               "table_schema = current_schema() ORDER BY table_name");
  std::string out;
  for (const auto& table : tables) {
    const auto name = table.getString(0);
    bool wanted = std::any_of(prefixes.begin(), prefixes.end(),
                              [&](const auto& prefix) { return name.rfind(prefix, 0) == 0; });
    if (!wanted) continue;
    std::vector<std::string> rows;
    for (const auto& row : tx.query("SELECT * FROM " + name)) {
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) {
        line += (row.isNull(i) ? "NULL" : row.getString(i)) + "|";
      }
      rows.push_back(line);
    }
    std::sort(rows.begin(), rows.end());
    out += "# " + name + " " + std::to_string(rows.size()) + "\n";
    for (const auto& line : rows) out += line + "\n";
  }
  return out;
}

}  // namespace cadre::recruiting::test
