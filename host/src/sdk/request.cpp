#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>

#include "cadre/http.hpp"
#include "cadre/json_fields.hpp"

namespace cadre {
namespace {

constexpr std::size_t kMaxJsonDepth = 64;

/// Depth of arrays and objects outside strings; stops counting once past the limit so that a
/// hostile body costs one linear scan and no recursion.
bool nestsDeeperThan(const std::string& text, std::size_t limit) {
  std::size_t depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        inString = false;
      }
    } else if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return true;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return false;
}

std::optional<std::int64_t> parseEntityTag(std::string tag) {
  if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
  if (tag.size() < 3 || tag.front() != '"' || tag.back() != '"') return std::nullopt;
  Poco::Int64 version = 0;
  if (!Poco::NumberParser::tryParse64(tag.substr(1, tag.size() - 2), version) || version < 0) {
    return std::nullopt;
  }
  return version;
}

}  // namespace

const std::string& Request::param(const std::string& name) const {
  auto it = pathParams.find(name);
  if (it == pathParams.end()) throw HttpError::notFound("no '" + name + "' in the path");
  return it->second;
}

std::int64_t Request::idParam(const std::string& name) const {
  const std::string& text = param(name);
  Poco::Int64 id = 0;
  if (!Poco::NumberParser::tryParse64(text, id) || id <= 0 || text.front() == '+') {
    throw HttpError::notFound("'" + text + "' is not a valid " + name);
  }
  return id;
}

std::optional<std::string> Request::queryParam(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Request::header(const std::string& lowerCaseName) const {
  auto it = headers.find(lowerCaseName);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

Poco::JSON::Object::Ptr Request::jsonObject() const {
  if (body.empty()) throw HttpError::badRequest("the request needs a JSON object body");
  if (!isValidUtf8(body)) throw HttpError::badRequest("the body is not valid UTF-8");
  if (nestsDeeperThan(body, kMaxJsonDepth)) {
    throw HttpError::badRequest("the JSON nests deeper than " + std::to_string(kMaxJsonDepth) +
                                " levels");
  }
  Poco::Dynamic::Var parsed;
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(kMaxJsonDepth + 1);
    parsed = parser.parse(body);
  } catch (const Poco::Exception& e) {
    throw HttpError::badRequest("malformed JSON: " + e.message());
  }
  if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
    throw HttpError::badRequest("the body must be a JSON object");
  }
  return parsed.extract<Poco::JSON::Object::Ptr>();
}

std::optional<std::int64_t> Request::ifMatchVersion() const {
  auto value = header("if-match");
  if (!value) return std::nullopt;
  auto version = parseEntityTag(*value);
  if (!version)
    throw HttpError::badRequest("If-Match '" + *value + "' is not an ETag this API issued");
  return version;
}

void Request::requireVersion(std::int64_t current) const {
  auto presented = ifMatchVersion();
  if (!presented) {
    throw HttpError::preconditionRequired(
        "send If-Match with the ETag you read, so that no one else's change is overwritten");
  }
  if (*presented != current) {
    throw HttpError::conflict("the record changed since you read it (you have version " +
                              std::to_string(*presented) + ", it is now at version " +
                              std::to_string(current) + "); reload and try again");
  }
}

const User& Request::requireUser() const {
  if (user == nullptr) throw HttpError::unauthorized("log in first");
  return *user;
}

}  // namespace cadre
