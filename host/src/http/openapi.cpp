#include "http/openapi.hpp"

#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/String.h>

namespace cadre::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr parseSchema(const std::string& text) {
  if (text.empty()) return new Object;
  return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
}

Object::Ptr jsonContent(const std::string& mediaType, Object::Ptr schema) {
  Object::Ptr media = new Object;
  media->set("schema", schema);
  Object::Ptr content = new Object;
  content->set(mediaType, media);
  return content;
}

Object::Ptr problemResponse(const std::string& description) {
  Object::Ptr ref = new Object;
  ref->set("$ref", "#/components/schemas/Problem");
  Object::Ptr response = new Object;
  response->set("description", description);
  response->set("content", jsonContent("application/problem+json", ref));
  return response;
}

std::string operationId(const RegisteredRoute& r) {
  std::string id = Poco::toLower(r.route.method);
  for (const auto& segment : r.segments) {
    std::string part;
    for (char c : segment) {
      if (std::isalnum(static_cast<unsigned char>(c))) part += c;
    }
    if (part.empty()) continue;
    part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
    if (segment.front() == '{') part = "By" + part;
    id += part;
  }
  return id;
}

Object::Ptr operation(const RegisteredRoute& r) {
  Object::Ptr op = new Object;
  op->set("operationId", operationId(r));
  op->set("summary",
          r.route.summary.empty() ? r.route.method + " " + r.route.pattern : r.route.summary);
  op->set("description", "Permission: " + r.route.permission.describe() + ".");
  Array::Ptr tags = new Array;
  tags->add(r.owner);
  op->set("tags", tags);
  Array::Ptr parameters = new Array;
  for (const auto& segment : r.segments) {
    if (segment.size() < 3 || segment.front() != '{') continue;
    Object::Ptr parameter = new Object;
    parameter->set("name", segment.substr(1, segment.size() - 2));
    parameter->set("in", "path");
    parameter->set("required", true);
    Object::Ptr schema = new Object;
    schema->set("type", "string");
    parameter->set("schema", schema);
    parameters->add(parameter);
  }
  if (parameters->size() > 0) op->set("parameters", parameters);
  if (!r.route.requestSchema.empty()) {
    Object::Ptr body = new Object;
    body->set("required", true);
    body->set("content", jsonContent("application/json", parseSchema(r.route.requestSchema)));
    op->set("requestBody", body);
  }
  Object::Ptr responses = new Object;
  Object::Ptr ok = new Object;
  ok->set("description", "Success");
  if (!r.route.responseSchema.empty()) {
    ok->set("content", jsonContent("application/json", parseSchema(r.route.responseSchema)));
  }
  responses->set(r.route.method == "POST" ? "201" : "200", ok);
  responses->set("400", problemResponse("Malformed request or invalid fields"));
  if (!r.route.permission.isPublic()) {
    responses->set("401", problemResponse("Not logged in"));
    responses->set("403", problemResponse("Not permitted"));
    Array::Ptr security = new Array;
    Object::Ptr bearer = new Object;
    bearer->set("bearerAuth", Array::Ptr(new Array));
    Object::Ptr cookie = new Object;
    cookie->set("cookieAuth", Array::Ptr(new Array));
    security->add(bearer);
    security->add(cookie);
    op->set("security", security);
  }
  responses->set("default", problemResponse("Any other failure"));
  op->set("responses", responses);
  return op;
}

/// The problem document and the two ways to present a session, as every route refers to them.
Object::Ptr components() {
  static const std::string kComponents = R"({
    "schemas": {
      "Problem": {
        "type": "object",
        "properties": {
          "type": {"type": "string"},
          "title": {"type": "string"},
          "status": {"type": "integer"},
          "detail": {"type": "string"},
          "errors": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {"field": {"type": "string"}, "message": {"type": "string"}}
            }
          }
        }
      }
    },
    "securitySchemes": {
      "bearerAuth": {"type": "http", "scheme": "bearer"},
      "cookieAuth": {"type": "apiKey", "in": "cookie", "name": "cadre_session"}
    }
  })";
  return parseSchema(kComponents);
}

}  // namespace

std::string buildOpenApi(const Router& router, const std::string& version) {
  Object::Ptr paths = new Object;
  for (const auto& route : router.routes()) {
    Object::Ptr item = paths->has(route->route.pattern) ? paths->getObject(route->route.pattern)
                                                        : Object::Ptr(new Object);
    item->set(Poco::toLower(route->route.method), operation(*route));
    paths->set(route->route.pattern, item);
  }
  Object::Ptr info = new Object;
  info->set("title", "Cadre");
  info->set("version", version);
  info->set("description", "The Cadre host and its loaded plugins.");
  Object::Ptr doc = new Object;
  doc->set("openapi", "3.0.3");
  doc->set("info", info);
  doc->set("paths", paths);
  doc->set("components", components());
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(doc, out, 0);
  return out.str();
}

}  // namespace cadre::http
