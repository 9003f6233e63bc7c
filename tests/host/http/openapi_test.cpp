#include "http/openapi.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

namespace cadre::http {
namespace {

using Poco::JSON::Object;

Route route(const std::string& method, const std::string& pattern, Permission permission) {
  Route r;
  r.method = method;
  r.pattern = pattern;
  r.permission = std::move(permission);
  r.handler = [](const Request&, Response&) {};
  r.summary = method + " " + pattern;
  return r;
}

Object::Ptr parse(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
}

std::string condensed(const Poco::Dynamic::Var& value) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(value, out);
  return out.str();
}

// A route that needs a login carries a security requirement; writing its empty scope lists
// once threw Poco's "Bad cast exception" and turned /api/openapi.json into a 500.
TEST(OpenApiTest, ProtectedRouteListsBearerAndCookieSecurity) {
  Router router;
  router.add("host", route("GET", "/api/v1/auth/me", Permission::authenticated()));
  router.add("host", route("POST", "/api/v1/auth/login", Permission::publicAccess()));
  auto doc = parse(buildOpenApi(router, "1.2.3"));
  EXPECT_EQ(doc->getValue<std::string>("openapi"), "3.0.3");
  EXPECT_EQ(doc->getObject("info")->getValue<std::string>("version"), "1.2.3");
  auto me = doc->getObject("paths")->getObject("/api/v1/auth/me")->getObject("get");
  EXPECT_EQ(condensed(me->get("security")), R"([{"bearerAuth":[]},{"cookieAuth":[]}])");
  EXPECT_TRUE(me->getObject("responses")->has("401"));
  EXPECT_TRUE(me->getObject("responses")->has("403"));
  auto login = doc->getObject("paths")->getObject("/api/v1/auth/login")->getObject("post");
  EXPECT_FALSE(login->has("security"));
  EXPECT_FALSE(login->getObject("responses")->has("401"));
}

TEST(OpenApiTest, PathParametersAndOperationIdsComeFromThePattern) {
  Router router;
  router.add("alpha", route("GET", "/api/v1/alpha/items/{id}", Permission::authenticated()));
  auto doc = parse(buildOpenApi(router, "1.0.0"));
  auto get = doc->getObject("paths")->getObject("/api/v1/alpha/items/{id}")->getObject("get");
  EXPECT_EQ(get->getValue<std::string>("operationId"), "getApiV1AlphaItemsById");
  EXPECT_EQ(condensed(get->get("parameters")),
            R"([{"in":"path","name":"id","required":true,"schema":{"type":"string"}}])");
  EXPECT_EQ(condensed(get->get("tags")), R"(["alpha"])");
}

}  // namespace
}  // namespace cadre::http
