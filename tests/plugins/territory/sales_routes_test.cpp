// The sales REST API served by the real host with the real territory plugin.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "support/host_process.hpp"

namespace cadre::territory::test {
namespace {

using cadre::test::bearerHeader;
using cadre::test::HostProcess;
using cadre::test::HttpReply;

const std::string kApi = "/api/v1/territory";

std::int64_t idOf(const HttpReply& reply) {
  auto object = Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>();
  return object->getValue<std::int64_t>("id");
}

class SalesRoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = new HostProcess();
    host_->addUser("hr", "hr", "password-1234");
    host_->addUser("rep", "employee", "password-1234");
    host_->addUser("boss", "manager", "password-1234");
    host_->start({}, false);
    hr_ = host_->login("hr", "password-1234");
    rep_ = host_->login("rep", "password-1234");
    boss_ = host_->login("boss", "password-1234");
  }
  static void TearDownTestSuite() {
    delete host_;
    host_ = nullptr;
  }

  static HttpReply hr(const std::string& method, const std::string& path,
                      const std::string& body = "", const std::string& ifMatch = "") {
    auto headers = bearerHeader(hr_);
    if (!ifMatch.empty()) headers["If-Match"] = "\"" + ifMatch + "\"";
    return host_->request(method, kApi + path, body, headers);
  }

  static HostProcess* host_;
  static std::string hr_;
  static std::string rep_;
  static std::string boss_;
};

HostProcess* SalesRoutesTest::host_ = nullptr;
std::string SalesRoutesTest::hr_;
std::string SalesRoutesTest::rep_;
std::string SalesRoutesTest::boss_;

TEST_F(SalesRoutesTest, AccountValidationNamesEveryBadField) {
  auto bad = hr("POST", "/accounts", R"({"name":"","size":"huge","potential":-5,"colour":1})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.header("content-type"), "application/problem+json");
  EXPECT_EQ(bad.body,
            "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"7 "
            "fields are invalid\",\"errors\":[{\"field\":\"name\",\"message\":\"must not be "
            "empty\"},{\"field\":\"region\",\"message\":\"is required\"},{\"field\":\"postalCode\","
            "\"message\":\"is required\"},{\"field\":\"industry\",\"message\":\"is required\"},"
            "{\"field\":\"size\",\"message\":\"must be one of: enterprise, large, medium, small\"},"
            "{\"field\":\"potential\",\"message\":\"must be 0 or more\"},{\"field\":\"colour\","
            "\"message\":\"is not a known field\"}]}");
}

TEST_F(SalesRoutesTest, ModelsRulesAccountsAndVersionsEndToEnd) {
  auto model = hr("POST", "/territory-models", R"({"name":"2026","effectiveDate":"2026-01-01"})");
  ASSERT_EQ(model.status, 201) << model.body;
  EXPECT_EQ(model.body,
            "{\"id\":" + std::to_string(idOf(model)) +
                ",\"name\":\"2026\",\"state\":\"active\",\"basedOnId\":null,\"activatedOn\":"
                "\"2026-01-01\",\"archivedOn\":null,\"version\":1}");
  auto modelId = std::to_string(idOf(model));
  auto north = hr("POST", "/territories", R"({"code":"NORTH","name":"North","type":"geo"})");
  ASSERT_EQ(north.status, 201) << north.body;
  auto northId = std::to_string(idOf(north));
  auto badType = hr("POST", "/territories", R"({"code":"X","name":"X","type":"planet"})");
  EXPECT_EQ(badType.status, 422);

  auto account = hr("POST", "/accounts",
                    R"({"name":"Alpha GmbH","region":"north","postalCode":"10115",)"
                    R"("industry":"retail","size":"large","status":"active","externalId":"ERP-1",)"
                    R"("potential":1000})");
  ASSERT_EQ(account.status, 201) << account.body;
  EXPECT_EQ(account.header("etag"), "\"1\"");
  auto accountId = std::to_string(idOf(account));
  auto taken = hr("POST", "/accounts",
                  R"({"name":"Beta","region":"north","postalCode":"1","industry":"retail",)"
                  R"("size":"small","externalId":"ERP-1"})");
  EXPECT_EQ(taken.status, 409);
  auto changed = hr("PATCH", "/accounts/" + accountId, R"({"potential":2000})", "1");
  EXPECT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.header("etag"), "\"2\"");
  auto stale = hr("PATCH", "/accounts/" + accountId, R"({"potential":3000})", "1");
  EXPECT_EQ(stale.status, 409);

  auto rule = hr("POST", "/territory-rules",
                 R"({"territoryId":)" + northId + R"(,"priority":1,"region":"north"})");
  ASSERT_EQ(rule.status, 201) << rule.body;
  auto ruleId = std::to_string(idOf(rule));
  auto preview = hr("POST", "/territory-models/" + modelId + "/rules/preview",
                    R"({"effectiveDate":"2026-02-01"})");
  ASSERT_EQ(preview.status, 200) << preview.body;
  std::string moves = "\"moves\":[{\"accountId\":" + accountId +
                      ",\"accountName\":\"Alpha GmbH\",\"fromTerritoryId\":null,\"fromCause\":"
                      "null,\"fromRuleId\":null,\"toTerritoryId\":" +
                      northId + ",\"ruleId\":" + ruleId + "}]";
  EXPECT_EQ(preview.body, "{\"modelId\":" + modelId +
                              ",\"modelVersion\":2,\"effectiveDate\":\"2026-02-01\","
                              "\"overrideManual\":false," +
                              moves + "}");
  auto unmoved = hr("GET", "/accounts/" + accountId + "?asOf=2026-02-01");
  EXPECT_NE(unmoved.body.find("\"territory\":null"), std::string::npos) << unmoved.body;

  auto staleApply = hr("POST", "/territory-models/" + modelId + "/rules/apply",
                       R"({"effectiveDate":"2026-02-01"})", "1");
  EXPECT_EQ(staleApply.status, 409);
  auto applied = hr("POST", "/territory-models/" + modelId + "/rules/apply",
                    R"({"effectiveDate":"2026-02-01"})", "2");
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_NE(applied.body.find(moves), std::string::npos) << applied.body;
  auto moved = hr("GET", "/accounts/" + accountId + "?asOf=2026-02-01");
  EXPECT_NE(moved.body.find("\"code\":\"NORTH\""), std::string::npos) << moved.body;
  EXPECT_NE(moved.body.find("\"cause\":\"rule\""), std::string::npos) << moved.body;

  auto csv = hr("GET", "/accounts?format=csv&asOf=2026-02-01");
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, csv.body.find('\n')),
            "id,name,region,postalCode,industry,size,status,externalId,potential,territoryCode,"
            "cause\r");
  EXPECT_NE(csv.body.find("Alpha GmbH,north,10115,retail,large,active,ERP-1,2000,NORTH,rule"),
            std::string::npos)
      << csv.body;

  // An employee without territories sees no accounts and no balance report.
  auto repList = host_->request("GET", kApi + "/accounts", "", bearerHeader(rep_));
  EXPECT_EQ(repList.status, 200);
  EXPECT_EQ(repList.body, "{\"items\":[],\"next\":null}");
  auto repBalance =
      host_->request("GET", kApi + "/territory-balance?managerId=1", "", bearerHeader(rep_));
  EXPECT_EQ(repBalance.status, 403);

  // Copy, activate, and the old model is read-only.
  auto copy = hr("POST", "/territory-models/" + modelId + "/copy", R"({"name":"2027"})");
  ASSERT_EQ(copy.status, 201) << copy.body;
  auto copyId = std::to_string(idOf(copy));
  auto compare = hr("GET", "/territory-models/" + copyId + "/compare?asOf=2026-02-01");
  EXPECT_EQ(compare.body, "{\"modelId\":" + copyId + ",\"withModelId\":" + modelId +
                              ",\"asOf\":\"2026-02-01\",\"territories\":[],\"accounts\":[],"
                              "\"reps\":[]}");
  auto activate = hr("POST", "/territory-models/" + copyId + "/activate",
                     R"({"effectiveDate":"2026-03-01"})", "1");
  ASSERT_EQ(activate.status, 200) << activate.body;
  // Without a model, the territories are those of the model in force on the date asked for.
  auto before = hr("GET", "/territories?asOf=2026-02-15");
  EXPECT_NE(before.body.find("\"modelId\":" + modelId + ","), std::string::npos) << before.body;
  EXPECT_EQ(before.body.find("\"modelId\":" + copyId + ","), std::string::npos) << before.body;
  auto after = hr("GET", "/territories?asOf=2026-03-01");
  EXPECT_NE(after.body.find("\"modelId\":" + copyId + ","), std::string::npos) << after.body;
  EXPECT_EQ(hr("GET", "/territories?asOf=2025-01-01").body, "{\"items\":[],\"next\":null}");
  auto territoriesCsv = hr("GET", "/territories?asOf=2026-03-01&format=csv");
  EXPECT_EQ(territoriesCsv.body.rfind("id,modelId,code,name,type,parentId\r\n", 0), 0u)
      << territoriesCsv.body;
  auto history = hr("GET", "/accounts/" + accountId + "/assignments");
  EXPECT_NE(history.body.find("\"validFrom\":\"2026-02-01\",\"validTo\":\"2026-03-01\","
                              "\"modelState\":\"archived\""),
            std::string::npos)
      << history.body;
  EXPECT_NE(history.body.find("\"validFrom\":\"2026-03-01\",\"validTo\":\"9999-12-31\","
                              "\"modelState\":\"active\""),
            std::string::npos)
      << history.body;
  auto archivedWrite =
      hr("POST", "/territories",
         R"({"modelId":)" + modelId + R"(,"code":"SOUTH","name":"South","type":"geo"})");
  EXPECT_EQ(archivedWrite.status, 422);
  EXPECT_NE(archivedWrite.body.find("is archived and read-only"), std::string::npos);
  auto audit = host_->request("GET", "/api/v1/audit?objectType=account&objectId=" + accountId, "",
                              bearerHeader(hr_));
  EXPECT_NE(audit.body.find("\"territory.account.create\""), std::string::npos) << audit.body;
  EXPECT_NE(audit.body.find("\"territory.account.change\""), std::string::npos) << audit.body;
  auto modelAudit = host_->request(
      "GET", "/api/v1/audit?objectType=territory_model&objectId=" + modelId, "", bearerHeader(hr_));
  EXPECT_NE(modelAudit.body.find("\"territory.rule.apply\""), std::string::npos);
  EXPECT_NE(modelAudit.body.find("\"territory.model.archive\""), std::string::npos);
  auto metrics = hr("GET", "/territory-metrics?asOf=2026-03-01");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("\"code\":\"NORTH\""), std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find("\"own\":{\"reps\":0,\"accounts\":1,\"prospects\":0,"
                              "\"activeCustomers\":1,\"potential\":2000"),
            std::string::npos)
      << metrics.body;
}

TEST_F(SalesRoutesTest, SeatsRespectSplitsAndTheBalanceReportSpreadsAccountsOverReps) {
  hr("POST", "/territory-models", R"({"name":"seats","effectiveDate":"2026-01-01"})");
  auto unit =
      hr("POST", "/org-units",
         R"({"code":"SALES","name":"Sales","type":"company","effectiveDate":"2026-01-01"})");
  ASSERT_EQ(unit.status, 201) << unit.body;
  auto unitId = std::to_string(idOf(unit));
  std::vector<std::string> reps;
  for (const auto* number : {"S1", "S2", "S3"}) {
    auto hired = hr("POST", "/employees",
                    std::string(R"({"employeeNumber":")") + number +
                        R"(","givenName":"Rep","familyName":")" + number +
                        R"(","hireDate":"2026-01-01","orgUnitId":)" + unitId + "}");
    ASSERT_EQ(hired.status, 201) << hired.body;
    reps.push_back(std::to_string(idOf(hired)));
  }
  auto territory = hr("POST", "/territories", R"({"code":"SPLIT","name":"Split","type":"named"})");
  ASSERT_EQ(territory.status, 201) << territory.body;
  auto territoryId = std::to_string(idOf(territory));
  auto seat = [&](const std::string& rep, const std::string& role, const std::string& split) {
    return hr("POST", "/rep-seats",
              R"({"territoryId":)" + territoryId + R"(,"employeeId":)" + rep + R"(,"role":")" +
                  role + R"(","splitPercent":)" + split + R"(,"effectiveDate":"2026-04-01"})");
  };
  auto owner = seat(reps[0], "owner", "60");
  ASSERT_EQ(owner.status, 201) << owner.body;
  EXPECT_EQ(owner.body, "{\"id\":" + std::to_string(idOf(owner)) + ",\"territoryId\":" +
                            territoryId + ",\"territoryCode\":\"SPLIT\",\"modelId\":" +
                            std::to_string(Poco::JSON::Parser()
                                               .parse(territory.body)
                                               .extract<Poco::JSON::Object::Ptr>()
                                               ->getValue<std::int64_t>("modelId")) +
                            ",\"employeeId\":" + reps[0] +
                            ",\"role\":\"owner\",\"splitPercent\":60,\"validFrom\":"
                            "\"2026-04-01\",\"validTo\":\"9999-12-31\"}");
  auto over = seat(reps[1], "rep", "50");
  EXPECT_EQ(over.status, 422);
  EXPECT_NE(over.body.find("the owner and rep splits of territory SPLIT would add up to 110 "
                           "percent on 2026-04-01; at most 100 are allowed"),
            std::string::npos)
      << over.body;
  EXPECT_EQ(seat(reps[1], "rep", "40").status, 201);
  auto account = hr("POST", "/accounts",
                    R"({"name":"Gamma","region":"x","postalCode":"1","industry":"retail",)"
                    R"("size":"small","potential":500})");
  auto assigned = hr("POST", "/accounts/" + std::to_string(idOf(account)) + "/assignment",
                     R"({"territoryId":)" + territoryId + R"(,"effectiveDate":"2026-04-01"})");
  ASSERT_EQ(assigned.status, 201) << assigned.body;

  auto balance = hr("GET", "/territory-balance?orgUnitId=" + unitId + "&asOf=2026-04-01");
  ASSERT_EQ(balance.status, 200) << balance.body;
  EXPECT_NE(balance.body.find("\"employeeNumber\":\"S1\",\"name\":\"Rep S1\",\"territoryCodes\":"
                              "[\"SPLIT\"],\"accounts\":1,\"prospects\":1,\"activeCustomers\":0,"
                              "\"potential\":500}"),
            std::string::npos)
      << balance.body;
  EXPECT_NE(balance.body.find("\"spread\":{\"accounts\":{\"min\":1,\"max\":1,\"mean\":1,"
                              "\"stddev\":0,\"maxMinRatio\":1}"),
            std::string::npos)
      << balance.body;
  EXPECT_NE(balance.body.find("\"withoutSeat\":[" + reps[2] + "]"), std::string::npos)
      << balance.body;
  auto csv = hr("GET", "/territory-balance?orgUnitId=" + unitId + "&asOf=2026-04-01&format=csv");
  EXPECT_EQ(csv.body,
            "employeeId,employeeNumber,name,territoryCodes,accounts,prospects,"
            "activeCustomers,potential\r\n" +
                reps[0] + ",S1,Rep S1,SPLIT,1,1,0,500\r\n" + reps[1] +
                ",S2,Rep S2,SPLIT,1,1,0,500\r\n");
  auto listed = hr("GET", "/rep-seats?territoryId=" + territoryId + "&asOf=2026-04-01");
  EXPECT_NE(listed.body.find("\"splitPercent\":40"), std::string::npos) << listed.body;
  auto territoryReps = hr("GET", "/territories/" + territoryId + "/reps?asOf=2026-04-01");
  EXPECT_NE(territoryReps.body.find("\"validTo\":\"9999-12-31\",\"employeeName\":\"Rep S1\""),
            std::string::npos)
      << territoryReps.body;
  auto territoryAccounts = hr("GET", "/territories/" + territoryId + "/accounts?asOf=2026-04-01");
  EXPECT_NE(territoryAccounts.body.find("\"name\":\"Gamma\""), std::string::npos);
  EXPECT_NE(territoryAccounts.body.find("\"cause\":\"manual\""), std::string::npos);
  auto before = hr("GET", "/rep-seats?employeeId=" + reps[0] + "&asOf=2026-03-31");
  EXPECT_EQ(before.body, "{\"items\":[],\"next\":null}");
}

TEST_F(SalesRoutesTest, AManagerSeesTheBalanceOfTheirOwnTeamOnly) {
  auto me = host_->request("GET", "/api/v1/auth/me", "", bearerHeader(boss_));
  ASSERT_EQ(me.status, 200) << me.body;
  auto userId = std::to_string(idOf(me));
  hr("POST", "/territory-models", R"({"name":"teams","effectiveDate":"2026-01-01"})");
  auto unit =
      hr("POST", "/org-units",
         R"({"code":"TEAMS","name":"Teams","type":"company","effectiveDate":"2026-01-01"})");
  ASSERT_EQ(unit.status, 201) << unit.body;
  auto unitId = std::to_string(idOf(unit));
  auto hire = [&](const std::string& number, const std::string& extra) {
    auto hired =
        hr("POST", "/employees",
           R"({"employeeNumber":")" + number + R"(","givenName":"G","familyName":")" + number +
               R"(","hireDate":"2026-01-01","orgUnitId":)" + unitId + extra + "}");
    EXPECT_EQ(hired.status, 201) << hired.body;
    return std::to_string(idOf(hired));
  };
  auto boss = hire("B1", R"(,"userId":)" + userId);
  hire("B2", R"(,"managerId":)" + boss);
  auto peer = hire("B3", "");
  auto asBoss = [&](const std::string& query) {
    return host_->request("GET", kApi + "/territory-balance?" + query + "&asOf=2026-02-01", "",
                          bearerHeader(boss_));
  };
  EXPECT_EQ(asBoss("managerId=" + boss).status, 200);
  auto other = asBoss("managerId=" + peer);
  EXPECT_EQ(other.status, 403);
  EXPECT_NE(other.body.find("managers see the balance of their own teams only"), std::string::npos);
  EXPECT_EQ(asBoss("orgUnitId=" + unitId).status, 403);  // B3 does not report to B1
  EXPECT_EQ(hr("GET", "/territory-balance?orgUnitId=" + unitId + "&asOf=2026-02-01").status, 200);
  auto neither = hr("GET", "/territory-balance?asOf=2026-02-01");
  EXPECT_EQ(neither.status, 400);
}

}  // namespace
}  // namespace cadre::territory::test
