#include <map>

#include "db/sql_database.hpp"

namespace cadre::db {

std::string toPostgresPlaceholders(const std::string& sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$' + std::to_string(next++);
    } else {
      out += c;
    }
  }
  return out;
}

std::string applyDialect(const std::string& statement, SqlDialect dialect) {
  static const std::map<std::string, std::pair<std::string, std::string>> kPlaceholders = {
      {"${id}", {"INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY"}},
      {"${bigint}", {"INTEGER", "BIGINT"}},
      {"${real}", {"REAL", "DOUBLE PRECISION"}},
      {"${blob}", {"BLOB", "BYTEA"}},
  };
  std::string out = statement;
  for (const auto& [token, spellings] : kPlaceholders) {
    const std::string& with = dialect == SqlDialect::Sqlite ? spellings.first : spellings.second;
    for (auto pos = out.find(token); pos != std::string::npos;
         pos = out.find(token, pos + with.size())) {
      out.replace(pos, token.size(), with);
    }
  }
  return out;
}

}  // namespace cadre::db
