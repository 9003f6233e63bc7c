#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include "cadre/http.hpp"

namespace cadre {
namespace {

std::string csvCell(const std::string& value) {
  std::string cell = value;
  // A cell a spreadsheet would run as a formula is neutralised (OWASP CSV injection).
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                        cell[0] == '\t' || cell[0] == '\r')) {
    cell.insert(0, "'");
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void appendCsvLine(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += csvCell(cells[i]);
  }
  out += "\r\n";
}

}  // namespace

void Response::json(const Poco::Dynamic::Var& value, int statusCode) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(value, out);
  text(out.str(), "application/json", statusCode);
}

void Response::json(const Poco::JSON::Object::Ptr& value, int statusCode) {
  json(Poco::Dynamic::Var(value), statusCode);
}

void Response::json(const Poco::JSON::Array::Ptr& value, int statusCode) {
  json(Poco::Dynamic::Var(value), statusCode);
}

void Response::page(const Poco::JSON::Array::Ptr& items,
                    const std::optional<std::string>& nextCursor) {
  Poco::JSON::Object::Ptr result = new Poco::JSON::Object;
  result->set("items", items);
  if (nextCursor) {
    result->set("next", *nextCursor);
  } else {
    result->set("next", Poco::Dynamic::Var());
  }
  json(result);
}

void Response::csv(const std::vector<std::string>& header,
                   const std::vector<std::vector<std::string>>& rows, const std::string& fileName) {
  std::string out;
  appendCsvLine(out, header);
  for (const auto& row : rows) appendCsvLine(out, row);
  text(out, "text/csv; charset=utf-8");
  headers["Content-Disposition"] = "attachment; filename=\"" + fileName + "\"";
}

void Response::text(const std::string& content, const std::string& type, int statusCode) {
  body = content;
  contentType = type;
  status = statusCode;
}

void Response::noContent() {
  body.clear();
  status = 204;
}

void Response::etag(std::int64_t version) {
  headers["ETag"] = "\"" + std::to_string(version) + "\"";
}

void Response::noStore() {
  headers["Cache-Control"] = "no-store";
}

}  // namespace cadre
