#include "cadre/database.hpp"

#include <stdexcept>

#include <Poco/NumberParser.h>

namespace cadre {
namespace {

[[noreturn]] void throwConversion(const SqlRow& row, std::size_t column, const char* wanted) {
  std::string name = column < row.columns().size() ? row.columns()[column] : std::to_string(column);
  throw std::runtime_error("column '" + name + "' does not hold " + wanted);
}

}  // namespace

SqlRow::SqlRow(std::shared_ptr<const std::vector<std::string>> columns,
               std::vector<SqlValue> values)
    : columns_(std::move(columns)), values_(std::move(values)) {}

const SqlValue& SqlRow::value(std::size_t column) const {
  if (column >= values_.size()) {
    throw std::out_of_range("column " + std::to_string(column) + " is past the row's " +
                            std::to_string(values_.size()) + " columns");
  }
  return values_[column];
}

bool SqlRow::isNull(std::size_t column) const {
  return std::holds_alternative<std::nullptr_t>(value(column));
}

std::int64_t SqlRow::getInt(std::size_t column) const {
  const SqlValue& v = value(column);
  if (auto i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto d = std::get_if<double>(&v)) {
    if (static_cast<double>(static_cast<std::int64_t>(*d)) == *d)
      return static_cast<std::int64_t>(*d);
  }
  if (auto s = std::get_if<std::string>(&v)) {
    Poco::Int64 parsed = 0;
    if (Poco::NumberParser::tryParse64(*s, parsed)) return parsed;
  }
  throwConversion(*this, column, "an integer");
}

double SqlRow::getDouble(std::size_t column) const {
  const SqlValue& v = value(column);
  if (auto d = std::get_if<double>(&v)) return *d;
  if (auto i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (auto s = std::get_if<std::string>(&v)) {
    double parsed = 0;
    if (Poco::NumberParser::tryParseFloat(*s, parsed)) return parsed;
  }
  throwConversion(*this, column, "a number");
}

std::string SqlRow::getString(std::size_t column) const {
  const SqlValue& v = value(column);
  if (auto s = std::get_if<std::string>(&v)) return *s;
  if (auto i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto d = std::get_if<double>(&v)) return std::to_string(*d);
  throwConversion(*this, column, "text");
}

std::optional<std::int64_t> SqlRow::getOptionalInt(std::size_t column) const {
  if (isNull(column)) return std::nullopt;
  return getInt(column);
}

std::optional<std::string> SqlRow::getOptionalString(std::size_t column) const {
  if (isNull(column)) return std::nullopt;
  return getString(column);
}

std::size_t SqlRow::indexOf(const std::string& name) const {
  for (std::size_t i = 0; i < columns_->size(); ++i) {
    if ((*columns_)[i] == name) return i;
  }
  throw std::out_of_range("no column '" + name + "' in the result");
}

std::optional<SqlRow> Transaction::queryOne(const std::string& sql, const SqlParams& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

}  // namespace cadre
