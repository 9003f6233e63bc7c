#include "audit/audit_routes.hpp"

#include <gtest/gtest.h>

#include "cadre/pagination.hpp"
#include "host/audit/audit_fixture.hpp"

namespace cadre::audit {
namespace {

class AuditRoutesTest : public test::AuditFixture {
 protected:
  AuditRoutesTest() {
    AuditEntry created = entry("user.create", "user", "1");
    created.afterJson = R"({"role":"hr"})";
    recordSystem("anna", created);
    recordSystem("bo", entry("user.update", "user", "1"));
    recordSystem("anna", entry("plugin.enable", "plugin", "territory"));
  }
  Response get(std::map<std::string, std::string> query) {
    Request request;
    request.method = "GET";
    request.path = "/api/v1/audit";
    request.user = &admin_;
    request.query = std::move(query);
    Response response;
    routes_.at(0).handler(request, response);
    return response;
  }
  HttpError getError(std::map<std::string, std::string> query) {
    try {
      get(std::move(query));
    } catch (const HttpError& e) {
      return e;
    }
    ADD_FAILURE() << "no error";
    return HttpError(0, "", "");
  }

  User admin_{1, "root", "Root", Role::Admin, "local"};
  std::vector<Route> routes_ = auditRoutes(store_);
};

TEST_P(AuditRoutesTest, OnlyAGetForAdminAndHrExists) {
  ASSERT_EQ(routes_.size(), 1u);
  EXPECT_EQ(routes_[0].method, "GET");
  EXPECT_EQ(routes_[0].pattern, "/api/v1/audit");
  EXPECT_TRUE(routes_[0].personalData);
  for (const auto& route : routes_) {
    EXPECT_NE(route.method, "PUT");
    EXPECT_NE(route.method, "PATCH");
    EXPECT_NE(route.method, "DELETE");
    EXPECT_NE(route.method, "POST");
  }
  User hr{2, "anna", "Anna", Role::Hr, "local"};
  User manager{3, "bo", "Bo", Role::Manager, "local"};
  User employee{4, "carl", "Carl", Role::Employee, "local"};
  EXPECT_EQ(routes_[0].permission.describe(), "admin, hr");
  EXPECT_TRUE(routes_[0].permission.allows(&admin_));
  EXPECT_TRUE(routes_[0].permission.allows(&hr));
  EXPECT_FALSE(routes_[0].permission.allows(&manager));
  EXPECT_FALSE(routes_[0].permission.allows(&employee));
  EXPECT_FALSE(routes_[0].permission.allows(nullptr));
}

TEST_P(AuditRoutesTest, ListsNewestFirstAsJson) {
  Response response = get({{"actor", "anna"}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.headers.at("Cache-Control"), "no-store");
  EXPECT_EQ(response.body,
            R"({"items":[{"action":"plugin.enable","actor":"anna","actorRole":null,)"
            R"("after":null,"at":"2026-01-01T00:02:00.000Z","before":null,)"
            R"("clientAddress":null,"id":3,"objectId":"territory","objectType":"plugin",)"
            R"("outcome":"ok","requestId":null},)"
            R"({"action":"user.create","actor":"anna","actorRole":null,"after":{"role":"hr"},)"
            R"("at":"2026-01-01T00:00:00.000Z","before":null,"clientAddress":null,"id":1,)"
            R"("objectId":"1","objectType":"user","outcome":"ok","requestId":null}],"next":null})");
}

TEST_P(AuditRoutesTest, FiltersByObjectAndDate) {
  EXPECT_NE(get({{"objectType", "user"}, {"objectId", "1"}}).body.find(R"("id":2)"),
            std::string::npos);
  EXPECT_EQ(get({{"objectType", "plugin"}}).body.find(R"("id":1)"), std::string::npos);
  EXPECT_EQ(get({{"from", "2026-01-02"}}).body, R"({"items":[],"next":null})");
  EXPECT_NE(get({{"to", "2026-01-01"}}).body.find(R"("id":3)"), std::string::npos);
  std::string minute = get({{"from", "2026-01-01T00:01:00Z"}, {"to", "2026-01-01T00:01:00Z"}}).body;
  EXPECT_NE(minute.find(R"("id":2)"), std::string::npos);
  EXPECT_EQ(minute.find(R"("id":1)"), std::string::npos);
  EXPECT_EQ(minute.find(R"("id":3)"), std::string::npos);
}

TEST_P(AuditRoutesTest, PagesWithACursor) {
  Response first = get({{"limit", "2"}});
  std::string cursor = encodeCursor("2");
  EXPECT_NE(first.body.find(R"("next":")" + cursor + "\""), std::string::npos);
  EXPECT_NE(first.body.find(R"("id":3)"), std::string::npos);
  EXPECT_NE(first.body.find(R"("id":2)"), std::string::npos);
  Response second = get({{"limit", "2"}, {"cursor", cursor}});
  EXPECT_NE(second.body.find(R"("id":1)"), std::string::npos);
  EXPECT_EQ(second.body.find(R"("id":2)"), std::string::npos);
  EXPECT_NE(second.body.find(R"("next":null)"), std::string::npos);
}

TEST_P(AuditRoutesTest, ExportsCsv) {
  Response response = get({{"format", "csv"}, {"actor", "anna"}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.contentType, "text/csv; charset=utf-8");
  EXPECT_EQ(response.headers.at("Content-Disposition"), "attachment; filename=\"audit.csv\"");
  EXPECT_EQ(response.headers.at("Cache-Control"), "no-store");
  EXPECT_EQ(response.headers.count("X-Next-Cursor"), 0u);
  EXPECT_EQ(response.body,
            "id,at,actor,actor_role,action,object_type,object_id,outcome,client_address,"
            "request_id,before,after\r\n"
            "3,2026-01-01T00:02:00.000Z,anna,,plugin.enable,plugin,territory,ok,,,,\r\n"
            "1,2026-01-01T00:00:00.000Z,anna,,user.create,user,1,ok,,,,\"{\"\"role\"\":\"\"hr\"\"}"
            "\"\r\n");
  Response paged = get({{"format", "csv"}, {"limit", "1"}});
  EXPECT_EQ(paged.headers.at("X-Next-Cursor"), encodeCursor("3"));
}

TEST_P(AuditRoutesTest, RefusesBadParameters) {
  HttpError unknown = getError({{"object_type", "user"}});
  EXPECT_EQ(unknown.status(), 400);
  EXPECT_EQ(unknown.detail(), "parameter 'object_type' is not a known parameter");
  HttpError badDate = getError({{"from", "yesterday"}});
  EXPECT_EQ(badDate.status(), 400);
  EXPECT_EQ(badDate.detail(), "parameter 'from' must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[.mmm]Z");
  EXPECT_EQ(getError({{"format", "xml"}}).detail(), "format must be json or csv");
  EXPECT_EQ(getError({{"cursor", encodeCursor("abc")}}).detail(),
            "cursor is not one this API issued");
  EXPECT_EQ(getError({{"limit", "0"}}).status(), 400);
}

CADRE_ON_EVERY_ENGINE(AuditRoutesTest);

}  // namespace
}  // namespace cadre::audit
