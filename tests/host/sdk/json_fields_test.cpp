#include "cadre/json_fields.hpp"

#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

namespace cadre {
namespace {

Poco::JSON::Object::Ptr parse(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

HttpError finishError(JsonFields& fields) {
  try {
    fields.finish();
  } catch (const HttpError& e) {
    return e;
  }
  ADD_FAILURE() << "finish() did not throw";
  return HttpError::badRequest("none");
}

TEST(JsonFields, ReadsTypedFields) {
  JsonFields in(
      parse(R"({"name":"Nguyễn Văn An","fte":0.5,"count":3,"active":true,"start":"2024-02-29"})"));
  EXPECT_EQ(in.requiredString("name"), "Nguyễn Văn An");
  EXPECT_DOUBLE_EQ(*in.optionalDouble("fte"), 0.5);
  EXPECT_EQ(in.requiredInt("count"), 3);
  EXPECT_EQ(*in.optionalBool("active"), true);
  EXPECT_EQ(in.requiredDate("start"), "2024-02-29");
  EXPECT_NO_THROW(in.finish());
}

TEST(JsonFields, NamesEveryBadFieldAndUnknownOnes) {
  JsonFields in(parse(R"({"name":42,"count":"3","extra":1})"));
  in.requiredString("name");
  in.requiredInt("count");
  in.requiredString("missing");
  HttpError error = finishError(in);
  EXPECT_EQ(error.status(), 400);
  EXPECT_EQ(error.detail(), "4 fields are invalid");
  ASSERT_EQ(error.fields().size(), 4u);
  EXPECT_EQ(error.fields()[0].field, "name");
  EXPECT_EQ(error.fields()[0].message, "must be a string, not a number");
  EXPECT_EQ(error.fields()[1].field, "count");
  EXPECT_EQ(error.fields()[1].message, "must be a whole number, not a string");
  EXPECT_EQ(error.fields()[2].field, "missing");
  EXPECT_EQ(error.fields()[2].message, "is required");
  EXPECT_EQ(error.fields()[3].field, "extra");
  EXPECT_EQ(error.fields()[3].message, "is not a known field");
}

TEST(JsonFields, SingleErrorDetailNamesTheField) {
  JsonFields in(parse(R"({"start":"2023-02-29"})"));
  in.requiredDate("start");
  HttpError error = finishError(in);
  EXPECT_EQ(error.detail(), "field 'start' must be a date as YYYY-MM-DD");
}

TEST(JsonFields, LengthCountsCharactersNotBytes) {
  JsonFields in(parse(R"({"name":"王小明"})"));
  EXPECT_EQ(in.requiredString("name", 1, 3), "王小明");
  EXPECT_NO_THROW(in.finish());
  JsonFields tooLong(parse(R"({"name":"王小明"})"));
  tooLong.requiredString("name", 1, 2);
  EXPECT_EQ(finishError(tooLong).fields()[0].message, "must be at most 2 characters");
}

TEST(JsonFields, EnumListsAllowedValues) {
  JsonFields in(parse(R"({"role":"boss"})"));
  in.requiredEnum("role", {"hr", "manager"});
  EXPECT_EQ(finishError(in).fields()[0].message, "must be one of: hr, manager");
}

TEST(JsonFields, PrefixBuildsNestedPaths) {
  JsonFields in(parse(R"({"x":1})"), "items[2]");
  in.requiredString("name");
  in.optionalInt("x");
  EXPECT_EQ(finishError(in).fields()[0].field, "items[2].name");
}

TEST(JsonFields, ReadsArraysOfObjectsAndNamesTheirBadFieldsByIndex) {
  JsonFields in(parse(R"({"items":[{"name":"a","weight":2},{"weight":"x","size":1},7]})"));
  std::vector<std::string> names;
  for (auto& item : in.optionalObjects("items")) {
    names.push_back(item.requiredString("name"));
    item.optionalDouble("weight");
    in.absorb(item);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"a", ""}));
  auto error = finishError(in);
  ASSERT_EQ(error.fields().size(), 4u);
  EXPECT_EQ(error.fields()[0].field, "items[2]");
  EXPECT_EQ(error.fields()[0].message, "must be an object, not a number");
  EXPECT_EQ(error.fields()[1].field, "items[1].name");
  EXPECT_EQ(error.fields()[1].message, "is required");
  EXPECT_EQ(error.fields()[2].field, "items[1].weight");
  EXPECT_EQ(error.fields()[3].field, "items[1].size");
  EXPECT_EQ(error.fields()[3].message, "is not a known field");

  JsonFields notArray(parse(R"({"items":{"name":"a"}})"));
  EXPECT_TRUE(notArray.optionalObjects("items").empty());
  EXPECT_EQ(finishError(notArray).detail(), "field 'items' must be an array, not an object");
  JsonFields tooMany(parse(R"({"items":[{},{},{}]})"));
  EXPECT_TRUE(tooMany.optionalObjects("items", 2).empty());
  EXPECT_EQ(finishError(tooMany).detail(), "field 'items' must have at most 2 elements");
  JsonFields absent(parse(R"({})"));
  EXPECT_TRUE(absent.optionalObjects("items").empty());
  absent.finish();
}

TEST(Utf8, AcceptsValidAndRefusesMalformed) {
  EXPECT_TRUE(isValidUtf8("plain"));
  EXPECT_TRUE(isValidUtf8("Nguyễn 王 😀"));
  EXPECT_FALSE(isValidUtf8(std::string("\xC3", 1)));              // truncated
  EXPECT_FALSE(isValidUtf8(std::string("\xC0\xAF", 2)));          // overlong '/'
  EXPECT_FALSE(isValidUtf8(std::string("\xED\xA0\x80", 3)));      // surrogate
  EXPECT_FALSE(isValidUtf8(std::string("\xF4\x90\x80\x80", 4)));  // above U+10FFFF
  EXPECT_FALSE(isValidUtf8(std::string("\xFF", 1)));
}

TEST(IsoDate, ChecksTheCalendar) {
  EXPECT_TRUE(isIsoDate("2024-02-29"));
  EXPECT_FALSE(isIsoDate("2023-02-29"));
  EXPECT_FALSE(isIsoDate("2024-13-01"));
  EXPECT_FALSE(isIsoDate("2024-1-01"));
  EXPECT_FALSE(isIsoDate("2024-04-31"));
}

}  // namespace
}  // namespace cadre
