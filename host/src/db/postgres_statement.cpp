#include "db/postgres_statement.hpp"

#include <deque>
#include <stdexcept>

#include <Poco/Data/MetaColumn.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include "db/sql_database.hpp"

namespace cadre::db {
namespace {

using Poco::Data::MetaColumn;

/// Holds copies of the bound values for as long as the statement runs: Poco binds references.
class BoundValues {
 public:
  BoundValues(Poco::Data::Statement& statement, const SqlParams& params) {
    for (const auto& param : params) {
      if (std::holds_alternative<std::nullptr_t>(param)) {
        statement.addBind(Poco::Data::Keywords::use(Poco::Data::Keywords::null));
      } else if (auto i = std::get_if<std::int64_t>(&param)) {
        ints_.push_back(*i);
        statement.addBind(Poco::Data::Keywords::use(ints_.back()));
      } else if (auto d = std::get_if<double>(&param)) {
        doubles_.push_back(*d);
        statement.addBind(Poco::Data::Keywords::use(doubles_.back()));
      } else {
        strings_.push_back(std::get<std::string>(param));
        statement.addBind(Poco::Data::Keywords::use(strings_.back()));
      }
    }
  }

 private:
  std::deque<Poco::Int64> ints_;
  std::deque<double> doubles_;
  std::deque<std::string> strings_;
};

SqlValue toSqlValue(const Poco::Data::RecordSet& rs, std::size_t column, std::size_t row) {
  if (rs.isNull(column, row)) return nullptr;
  Poco::Dynamic::Var v = rs.value(column, row);
  if (v.isEmpty()) return nullptr;
  switch (rs.columnType(column)) {
    case MetaColumn::FDT_BOOL:
      return static_cast<std::int64_t>(v.convert<bool>() ? 1 : 0);
    case MetaColumn::FDT_INT8:
    case MetaColumn::FDT_UINT8:
    case MetaColumn::FDT_INT16:
    case MetaColumn::FDT_UINT16:
    case MetaColumn::FDT_INT32:
    case MetaColumn::FDT_UINT32:
    case MetaColumn::FDT_INT64:
    case MetaColumn::FDT_UINT64:
      return static_cast<std::int64_t>(v.convert<Poco::Int64>());
    case MetaColumn::FDT_FLOAT:
    case MetaColumn::FDT_DOUBLE:
      return v.convert<double>();
    case MetaColumn::FDT_BLOB:
    case MetaColumn::FDT_CLOB: {
      if (v.type() == typeid(Poco::Data::BLOB)) {
        const auto& blob = v.extract<Poco::Data::BLOB>();
        return std::string(blob.rawContent(), blob.rawContent() + blob.size());
      }
      return v.convert<std::string>();
    }
    default:
      return v.convert<std::string>();
  }
}

std::vector<SqlRow> readRows(Poco::Data::Statement& statement) {
  Poco::Data::RecordSet rs(statement);
  auto columns = std::make_shared<std::vector<std::string>>();
  for (std::size_t c = 0; c < rs.columnCount(); ++c) columns->push_back(rs.columnName(c));
  std::vector<SqlRow> rows;
  rows.reserve(rs.rowCount());
  for (std::size_t r = 0; r < rs.rowCount(); ++r) {
    std::vector<SqlValue> values;
    values.reserve(columns->size());
    for (std::size_t c = 0; c < columns->size(); ++c) values.push_back(toSqlValue(rs, c, r));
    rows.emplace_back(columns, std::move(values));
  }
  return rows;
}

/// The server's own message from Poco's "PostgreSQL: [PostgreSQL]: postgresql_stmt_prepare
/// error: ERROR:  <message>\nLINE 1: …" (or the whole text when it holds none).
std::string serverMessage(const Poco::Exception& e) {
  const std::string text = e.displayText();
  for (const char* severity : {"ERROR:  ", "FATAL:  ", "PANIC:  "}) {
    auto start = text.find(severity);
    if (start == std::string::npos) continue;
    start += std::char_traits<char>::length(severity);
    return text.substr(start, text.find('\n', start) - start);
  }
  return text;
}

}  // namespace

StatementOutcome runPostgres(Poco::Data::Session& session, const std::string& sql,
                             const SqlParams& params) {
  try {
    Poco::Data::Statement statement(session);
    statement << toPostgresPlaceholders(sql);
    BoundValues bound(statement, params);
    StatementOutcome outcome;
    outcome.changes = static_cast<std::int64_t>(statement.execute());
    if (statement.columnsExtracted() > 0) {
      outcome.rows = readRows(statement);
      outcome.changes = 0;
    }
    return outcome;
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(serverMessage(e));
  }
}

}  // namespace cadre::db
