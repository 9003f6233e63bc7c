#include <gtest/gtest.h>

#include "cadre/http.hpp"
#include "cadre/pagination.hpp"

namespace cadre {
namespace {

HttpError errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const HttpError& e) {
    return e;
  }
  ADD_FAILURE() << "no HttpError";
  return HttpError::badRequest("none");
}

TEST(Request, JsonObjectRefusesMalformedDeepAndNonObjects) {
  Request request;
  request.body = "{\"a\":";
  EXPECT_EQ(errorOf([&] { request.jsonObject(); }).status(), 400);
  request.body = std::string(65, '[') + std::string(65, ']');
  EXPECT_EQ(errorOf([&] { request.jsonObject(); }).detail(),
            "the JSON nests deeper than 64 levels");
  request.body = "{\"name\":\"\xC3\"}";
  EXPECT_EQ(errorOf([&] { request.jsonObject(); }).detail(), "the body is not valid UTF-8");
  request.body = "[1,2]";
  EXPECT_EQ(errorOf([&] { request.jsonObject(); }).detail(), "the body must be a JSON object");
  request.body = "";
  EXPECT_EQ(errorOf([&] { request.jsonObject(); }).detail(),
            "the request needs a JSON object body");
  request.body = "{\"a\":\"[[[[\"}";
  EXPECT_EQ(request.jsonObject()->getValue<std::string>("a"), "[[[[");
}

TEST(Request, VersionChecksAnswer428And409) {
  Request request;
  HttpError missing = errorOf([&] { request.requireVersion(3); });
  EXPECT_EQ(missing.status(), 428);
  request.headers["if-match"] = "\"2\"";
  HttpError stale = errorOf([&] { request.requireVersion(3); });
  EXPECT_EQ(stale.status(), 409);
  EXPECT_EQ(stale.detail(),
            "the record changed since you read it (you have version 2, it is now at version 3); "
            "reload and try again");
  request.headers["if-match"] = "W/\"3\"";
  EXPECT_NO_THROW(request.requireVersion(3));
  request.headers["if-match"] = "abc";
  EXPECT_EQ(errorOf([&] { request.requireVersion(3); }).status(), 400);
}

TEST(Request, IdParamIsAPositiveIntegerOr404) {
  Request request;
  request.pathParams["id"] = "42";
  EXPECT_EQ(request.idParam("id"), 42);
  request.pathParams["id"] = "-1";
  EXPECT_EQ(errorOf([&] { request.idParam("id"); }).status(), 404);
  request.pathParams["id"] = "4x";
  EXPECT_EQ(errorOf([&] { request.idParam("id"); }).detail(), "'4x' is not a valid id");
}

TEST(Response, CsvQuotesAndNeutralisesFormulas) {
  Response response;
  response.csv({"name", "note"}, {{"Lê, Thị", "=SUM(A1)"}, {"say \"hi\"", "line\nbreak"}},
               "people.csv");
  EXPECT_EQ(response.body,
            "name,note\r\n\"Lê, Thị\",'=SUM(A1)\r\n\"say \"\"hi\"\"\",\"line\nbreak\"\r\n");
  EXPECT_EQ(response.contentType, "text/csv; charset=utf-8");
  EXPECT_EQ(response.headers["Content-Disposition"], "attachment; filename=\"people.csv\"");
}

TEST(Response, PageHasItemsAndNext) {
  Response response;
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  items->add(1);
  response.page(items, std::nullopt);
  EXPECT_EQ(response.body, "{\"items\":[1],\"next\":null}");
  response.page(items, std::string("abc"));
  EXPECT_EQ(response.body, "{\"items\":[1],\"next\":\"abc\"}");
}

TEST(Pagination, CursorRoundTripsAndBadOnesAre400) {
  std::string cursor = encodeCursor("2024-01-01|42");
  EXPECT_EQ(*decodeCursor(cursor), "2024-01-01|42");
  EXPECT_EQ(cursor.find('='), std::string::npos);
  Request request;
  request.query["cursor"] = cursor;
  request.query["limit"] = "10";
  PageRequest page = PageRequest::from(request);
  EXPECT_EQ(page.limit, 10u);
  EXPECT_EQ(page.after, "2024-01-01|42");
  request.query["limit"] = "0";
  HttpError error = errorOf([&] { PageRequest::from(request); });
  EXPECT_EQ(error.detail(), "limit must be a whole number from 1 to 500");
  EXPECT_EQ(error.fields()[0].field, "limit");
  request.query["limit"] = "5";
  request.query["cursor"] = "!!!";
  EXPECT_EQ(errorOf([&] { PageRequest::from(request); }).fields()[0].field, "cursor");
}

TEST(Permission, DenyByDefault) {
  User employee;
  employee.role = Role::Employee;
  User hr;
  hr.role = Role::Hr;
  EXPECT_FALSE(Permission().isStated());
  EXPECT_FALSE(Permission().allows(&hr));
  EXPECT_TRUE(Permission::publicAccess().allows(nullptr));
  EXPECT_FALSE(Permission::authenticated().allows(nullptr));
  EXPECT_TRUE(Permission::authenticated().allows(&employee));
  Permission hrOnly = Permission::roles({Role::Hr, Role::Admin});
  EXPECT_TRUE(hrOnly.allows(&hr));
  EXPECT_FALSE(hrOnly.allows(&employee));
  EXPECT_EQ(hrOnly.describe(), "admin, hr");
  EXPECT_FALSE(Permission::roles({}).isStated());
}

}  // namespace
}  // namespace cadre
