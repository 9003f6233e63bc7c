#include "employee_json.hpp"

#include <gtest/gtest.h>

#include "cadre/json_text.hpp"

namespace cadre::territory {
namespace {

EmployeeRecord hiredFromTheDirectory() {
  EmployeeRecord e;
  e.id = 42;
  e.employeeNumber = "E-0042";
  e.givenName = "Lê Văn";
  e.familyName = "O'Brien \"Tám\" \\ / end";
  e.email = "le@example.com";
  e.phone = "+84 28 1234\t5678";
  e.status = "active";
  e.hireDate = "2026-11-26";
  e.directoryId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
  e.directoryDn = "cn=Lê Văn Tám\\2C Jr,ou=people,dc=example,dc=com";
  e.managerId = 7;
  e.orgUnitId = 3;
  e.employmentType = "full_time";
  e.version = 1;
  return e;
}

TEST(EmployeeJsonText, IsWhatTheObjectWritesWithNulls) {
  auto e = hiredFromTheDirectory();
  EXPECT_EQ(employeeJsonText(e), toJson(employeeJson(e)));
  const std::string start = "{\"id\":42,\"employeeNumber\":\"E-0042\",\"givenName\":";
  EXPECT_EQ(employeeJsonText(e).substr(0, start.size()), start);
}

TEST(EmployeeJsonText, IsWhatTheObjectWritesWithEveryField) {
  auto e = hiredFromTheDirectory();
  e.terminationDate = "2027-01-31";
  e.userId = 9;
  e.positionId = 11;
  e.managerId.reset();
  e.givenName = std::string("ctl\x01") + "é€😀";
  EXPECT_EQ(employeeJsonText(e), toJson(employeeJson(e)));
}

}  // namespace
}  // namespace cadre::territory
