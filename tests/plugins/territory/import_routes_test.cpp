// The import route through the real `cadre serve` with the territory plugin, over HTTP.
#include <gtest/gtest.h>

#include "support/host_process.hpp"

namespace cadre::territory::test {
namespace {

using cadre::test::bearerHeader;
using cadre::test::HostProcess;
using cadre::test::HttpReply;

const std::string kHrPassword = "hr-password-123456";
const std::string kEmployeePassword = "employee-password-1";
const std::string kImports = "/api/v1/territory/imports/";

class ImportRoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = new HostProcess();
    host_->addUser("hr", "hr", kHrPassword);
    host_->addUser("emp", "employee", kEmployeePassword);
    host_->start({}, false);
    hrToken_ = host_->login("hr", kHrPassword);
    employeeToken_ = host_->login("emp", kEmployeePassword);
  }
  static void TearDownTestSuite() {
    delete host_;
    host_ = nullptr;
  }

  static HttpReply post(const std::string& path, const std::string& csv,
                        const std::string& token = hrToken_,
                        const std::string& type = "text/csv; charset=utf-8") {
    auto headers = bearerHeader(token);
    headers["Content-Type"] = type;
    return host_->request("POST", kImports + path, csv, headers);
  }
  static HttpReply get(const std::string& path) {
    return host_->request("GET", path, "", bearerHeader(hrToken_));
  }

  static HostProcess* host_;
  static std::string hrToken_;
  static std::string employeeToken_;
};

HostProcess* ImportRoutesTest::host_ = nullptr;
std::string ImportRoutesTest::hrToken_;
std::string ImportRoutesTest::employeeToken_;

const std::string kImportUnits =
    "code,name,type,parentCode,effectiveDate\r\n"
    "HCM,Hồ Chí Minh,branch,VN,2020-01-01\r\n"
    "VN,Việt Nam,company,,2020-01-01\r\n";

const std::string kPeople =
    "employeeNumber,givenName,familyName,email,phone,hireDate,orgUnitCode,"
    "managerEmployeeNumber\n"
    "V2,Thị Lan,Trần,lan@example.vn,+84 28 3822 1234,2020-02-01,HCM,V1\n"
    "V1,Văn Nam,Nguyễn,nam@example.vn,,2020-01-01,VN,\n";

TEST_F(ImportRoutesTest, HrChecksThenImportsAndAnExportReimportsUnchanged) {
  EXPECT_EQ(post("org-units?dryRun=true", kImportUnits, employeeToken_).status, 403);
  auto dry = post("org-units?dryRun=true", kImportUnits);
  EXPECT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.header("content-type"), "application/json");
  EXPECT_EQ(dry.body, R"({"kind":"org-units","dryRun":true,"rows":2,"created":2,"updated":0,)"
                      R"("unchanged":0,"errors":[]})");
  EXPECT_EQ(get("/api/v1/territory/org-units").body, R"({"items":[],"next":null})");

  auto units = post("org-units?dryRun=false", kImportUnits);
  EXPECT_EQ(units.status, 200) << units.body;
  EXPECT_EQ(units.body, R"({"kind":"org-units","dryRun":false,"rows":2,"created":2,"updated":0,)"
                        R"("unchanged":0,"errors":[]})");

  auto bad = post("employees?dryRun=false",
                  kPeople + "V3,Budi,Santoso,budi@example.id,,2020-03-01,JKT,V1\n");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.header("content-type"), "application/problem+json");
  EXPECT_EQ(bad.body,
            R"({"type":"about:blank","title":"Unprocessable Content","status":422,)"
            R"("detail":"1 error(s) in the file; nothing was imported","kind":"employees",)"
            R"("dryRun":false,"rows":3,"created":2,"updated":0,"unchanged":0,"errors":)"
            R"([{"line":4,"field":"orgUnitCode","message":"there is no org unit 'JKT'"}]})");
  EXPECT_EQ(get("/api/v1/territory/employees").body, R"({"items":[],"next":null})");

  auto people = post("employees?dryRun=false", kPeople);
  EXPECT_EQ(people.status, 200) << people.body;
  EXPECT_EQ(people.body, R"({"kind":"employees","dryRun":false,"rows":2,"created":2,"updated":0,)"
                         R"("unchanged":0,"errors":[]})");
  auto listed = get("/api/v1/territory/employees?employeeNumber=V2");
  EXPECT_NE(listed.body.find(R"("givenName":"Thị Lan","familyName":"Trần")"), std::string::npos)
      << listed.body;

  auto exportedPeople = get("/api/v1/territory/employees?format=csv");
  EXPECT_EQ(exportedPeople.status, 200);
  auto again = post("employees?dryRun=false", exportedPeople.body);
  EXPECT_EQ(again.body, R"({"kind":"employees","dryRun":false,"rows":2,"created":0,"updated":0,)"
                        R"("unchanged":2,"errors":[]})")
      << exportedPeople.body;
  auto exportedUnits = get("/api/v1/territory/org-units?format=csv");
  auto unitsAgain = post("org-units?dryRun=false", exportedUnits.body);
  EXPECT_EQ(unitsAgain.body,
            R"({"kind":"org-units","dryRun":false,"rows":2,"created":0,"updated":0,)"
            R"("unchanged":2,"errors":[]})")
      << exportedUnits.body;

  auto audit = get("/api/v1/audit?action=territory.import.employees");
  EXPECT_NE(audit.body.find(R"("action":"territory.import.employees")"), std::string::npos)
      << audit.body;
  EXPECT_NE(audit.body.find(R"("created":2)"), std::string::npos) << audit.body;
}

TEST_F(ImportRoutesTest, TheRequestIsCheckedBeforeAnyRow) {
  auto noFlag = post("accounts", "name\n");
  EXPECT_EQ(noFlag.status, 400);
  EXPECT_NE(noFlag.body.find(R"("field":"dryRun","message":"must be true or false")"),
            std::string::npos);
  EXPECT_EQ(post("positions?dryRun=true", "name\n").status, 404);
  auto openApi = host_->request("GET", "/api/openapi.json");
  EXPECT_NE(openApi.body.find("/api/v1/territory/imports/{kind}"), std::string::npos);
  auto json = post("accounts?dryRun=true", "{}", hrToken_, "application/json");
  EXPECT_EQ(json.status, 415);
  auto badUtf8 = post("accounts?dryRun=true",
                      "name,region,postalCode,industry,size,status,potential\n"
                      "Caf\xE9,South,1,food,small,active,5\n");
  EXPECT_EQ(badUtf8.status, 200);
  EXPECT_EQ(badUtf8.body,
            R"({"kind":"accounts","dryRun":true,"rows":1,"created":0,"updated":0,)"
            R"("unchanged":0,"errors":[{"line":2,"field":"","message":"the text is not valid )"
            R"(UTF-8"}]})");
}

}  // namespace
}  // namespace cadre::territory::test
