#include "http/router.hpp"

#include <gtest/gtest.h>

namespace cadre::http {
namespace {

Route route(const std::string& method, const std::string& pattern, const std::string& tag) {
  Route r;
  r.method = method;
  r.pattern = pattern;
  r.permission = Permission::authenticated();
  r.handler = [](const Request&, Response&) {};
  r.summary = tag;
  return r;
}

std::string refusal(Router& router, Route r) {
  try {
    router.add("alpha", std::move(r));
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "accepted";
}

TEST(RouterTest, MatchesLiteralsAndDecodesParameters) {
  Router router;
  router.add("alpha", route("GET", "/api/v1/alpha/items/{id}", "item"));
  auto match = router.match("GET", "/api/v1/alpha/items/a%20b");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->owner, "alpha");
  EXPECT_EQ(match.route->route.summary, "item");
  EXPECT_EQ(match.params.at("id"), "a b");
  EXPECT_FALSE(match.pathMatchedOtherMethod);
}

TEST(RouterTest, LiteralSegmentBeatsParameterWhateverTheOrderOfRegistration) {
  Router router;
  router.add("alpha", route("GET", "/api/v1/x/{id}", "param"));
  router.add("alpha", route("GET", "/api/v1/x/mine", "literal"));
  EXPECT_EQ(router.match("GET", "/api/v1/x/mine").route->route.summary, "literal");
  EXPECT_EQ(router.match("GET", "/api/v1/x/42").route->route.summary, "param");
  EXPECT_EQ(router.match("GET", "/api/v1/x/42").params.at("id"), "42");
}

TEST(RouterTest, SignalsOtherMethodFor405AndNothingFor404) {
  Router router;
  router.add("alpha", route("GET", "/api/v1/x", "get"));
  auto wrongMethod = router.match("DELETE", "/api/v1/x");
  EXPECT_EQ(wrongMethod.route, nullptr);
  EXPECT_TRUE(wrongMethod.pathMatchedOtherMethod);
  auto unknown = router.match("GET", "/api/v1/y");
  EXPECT_EQ(unknown.route, nullptr);
  EXPECT_FALSE(unknown.pathMatchedOtherMethod);
  EXPECT_EQ(router.match("GET", "/api/v1/x/").route, nullptr);
  EXPECT_EQ(router.match("GET", "/api/v1").route, nullptr);
}

TEST(RouterTest, RefusesRoutesNamingThem) {
  Router router;
  Route noPermission = route("GET", "/api/v1/x", "");
  noPermission.permission = Permission();
  EXPECT_EQ(refusal(router, noPermission),
            "route GET /api/v1/x has no permission (deny by default)");
  Route noHandler = route("GET", "/api/v1/x", "");
  noHandler.handler = nullptr;
  EXPECT_EQ(refusal(router, noHandler), "route GET /api/v1/x has no handler");
  EXPECT_EQ(
      refusal(router, route("HEAD", "/api/v1/x", "")),
      "route HEAD /api/v1/x has an unknown method (expected GET, POST, PUT, PATCH or DELETE)");
  EXPECT_EQ(refusal(router, route("GET", "api/v1/x", "")),
            "route GET api/v1/x has a pattern that is not an absolute path");
  EXPECT_EQ(refusal(router, route("GET", "/api//x", "")),
            "route GET /api//x has an empty path segment");
  EXPECT_EQ(refusal(router, route("GET", "/api/{a-b}", "")),
            "route GET /api/{a-b} has a malformed parameter '{a-b}'");
  EXPECT_EQ(refusal(router, route("GET", "/api/x{id}", "")),
            "route GET /api/x{id} has a malformed segment 'x{id}'");
  EXPECT_EQ(refusal(router, route("GET", "/api/{id}/{id}", "")),
            "route GET /api/{id}/{id} repeats the parameter 'id'");
  EXPECT_TRUE(router.routes().empty());
}

TEST(RouterTest, RefusesARouteWithTheShapeOfAnother) {
  Router router;
  router.add("alpha", route("GET", "/api/v1/x/{id}", ""));
  EXPECT_EQ(refusal(router, route("GET", "/api/v1/x/{key}", "")),
            "route GET /api/v1/x/{key} clashes with route GET /api/v1/x/{id} of 'alpha'");
  EXPECT_EQ(refusal(router, route("PUT", "/api/v1/x/{key}", "")), "accepted");
}

TEST(RouterTest, WithdrawRemovesOnlyTheOwnersRoutes) {
  Router router;
  router.add("alpha", route("GET", "/a", ""));
  router.add("beta", route("GET", "/b", ""));
  router.add("alpha", route("POST", "/a", ""));
  router.withdraw("alpha");
  auto all = router.routes();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]->owner, "beta");
  EXPECT_EQ(all[0]->segments, std::vector<std::string>{"b"});
  EXPECT_EQ(router.match("GET", "/a").route, nullptr);
}

}  // namespace
}  // namespace cadre::http
