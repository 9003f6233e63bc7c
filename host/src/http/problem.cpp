#include "http/problem.hpp"

#include <Poco/JSON/Array.h>

namespace cadre::http {

void writeProblem(Response& response, int status, const std::string& title,
                  const std::string& detail, const std::vector<FieldError>& fields) {
  Poco::JSON::Object::Ptr problem = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  problem->set("type", "about:blank");
  problem->set("title", title);
  problem->set("status", status);
  problem->set("detail", detail);
  if (!fields.empty()) {
    Poco::JSON::Array::Ptr errors = new Poco::JSON::Array;
    for (const auto& field : fields) {
      Poco::JSON::Object::Ptr entry = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      entry->set("field", field.field);
      entry->set("message", field.message);
      errors->add(entry);
    }
    problem->set("errors", errors);
  }
  response.json(problem, status);
  response.contentType = "application/problem+json";
}

void writeProblem(Response& response, const HttpError& error) {
  writeProblem(response, error.status(), error.title(), error.detail(), error.fields());
  for (const auto& [name, value] : error.headers()) response.headers[name] = value;
}

}  // namespace cadre::http
