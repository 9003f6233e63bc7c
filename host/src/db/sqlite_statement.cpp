#include "db/sqlite_statement.hpp"

#include <memory>
#include <stdexcept>
#include <string_view>

#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

namespace cadre::db {
namespace {

using StatementHandle = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

[[noreturn]] void fail(sqlite3* handle) {
  throw std::runtime_error(sqlite3_errmsg(handle));
}

void bindAll(sqlite3* handle, sqlite3_stmt* statement, const SqlParams& params) {
  const int wanted = sqlite3_bind_parameter_count(statement);
  if (wanted != static_cast<int>(params.size())) {
    throw std::runtime_error("the statement has " + std::to_string(wanted) + " placeholders but " +
                             std::to_string(params.size()) + " values were bound");
  }
  for (int i = 0; i < wanted; ++i) {
    const SqlValue& param = params[static_cast<std::size_t>(i)];
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(param)) {
      rc = sqlite3_bind_null(statement, i + 1);
    } else if (auto integer = std::get_if<std::int64_t>(&param)) {
      rc = sqlite3_bind_int64(statement, i + 1, *integer);
    } else if (auto real = std::get_if<double>(&param)) {
      rc = sqlite3_bind_double(statement, i + 1, *real);
    } else {
      const auto& text = std::get<std::string>(param);
      rc = sqlite3_bind_text64(statement, i + 1, text.data(), text.size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8);
    }
    if (rc != SQLITE_OK) fail(handle);
  }
}

SqlValue columnValue(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
      return sqlite3_column_double(statement, column);
    case SQLITE_NULL:
      return nullptr;
    case SQLITE_BLOB: {
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
      return std::string(bytes ? bytes : "",
                         static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
    default: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
      return std::string(text ? text : "",
                         static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
  }
}

}  // namespace

StatementOutcome runSqlite(Poco::Data::Session& session, const std::string& sql,
                           const SqlParams& params) {
  sqlite3* handle = Poco::Data::SQLite::Utility::dbHandle(session);
  sqlite3_stmt* raw = nullptr;
  const char* rest = nullptr;
  if (sqlite3_prepare_v2(handle, sql.c_str(), static_cast<int>(sql.size()), &raw, &rest) !=
      SQLITE_OK) {
    fail(handle);
  }
  if (!raw) return {};  // only whitespace or a comment
  StatementHandle statement(raw, &sqlite3_finalize);
  // SQLite would silently ignore the rest; PostgreSQL refuses it too.
  if (std::string_view(rest).find_first_not_of(" \t\r\n;") != std::string_view::npos)
    throw std::runtime_error("cannot run several statements at once: " + sql);
  bindAll(handle, raw, params);

  auto columns = std::make_shared<std::vector<std::string>>();
  for (int c = 0; c < sqlite3_column_count(raw); ++c)
    columns->push_back(sqlite3_column_name(raw, c));
  StatementOutcome outcome;
  const auto changesBefore = sqlite3_total_changes(handle);
  for (;;) {
    int rc = sqlite3_step(raw);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(handle);
    std::vector<SqlValue> values;
    values.reserve(columns->size());
    for (int c = 0; c < static_cast<int>(columns->size()); ++c)
      values.push_back(columnValue(raw, c));
    outcome.rows.emplace_back(columns, std::move(values));
  }
  // sqlite3_changes() keeps the count of the last INSERT/UPDATE/DELETE across other statements.
  if (sqlite3_total_changes(handle) != changesBefore) outcome.changes = sqlite3_changes(handle);
  outcome.lastInsertId = sqlite3_last_insert_rowid(handle);
  return outcome;
}

}  // namespace cadre::db
