// The real `cadre serve` with the probe fixture plugin, over HTTP on a loopback port.
#include <gtest/gtest.h>

#include <regex>

#include "support/host_process.hpp"

namespace cadre::test {
namespace {

const std::string kAdminPassword = "admin-password-1234";
const std::string kHrPassword = "hr-password-123456";
const std::string kEmployeePassword = "employee-password-1";

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = new HostProcess({"probe"});
    host_->addUser("admin", "admin", kAdminPassword);
    host_->addUser("hr", "hr", kHrPassword);
    host_->addUser("emp", "employee", kEmployeePassword);
    host_->start();
    adminToken_ = host_->login("admin", kAdminPassword);
    hrToken_ = host_->login("hr", kHrPassword);
    employeeToken_ = host_->login("emp", kEmployeePassword);
  }
  static void TearDownTestSuite() {
    delete host_;
    host_ = nullptr;
  }
  static HttpReply createItem(const std::string& name, int count = 0) {
    return host_->request("POST", "/api/v1/probe/items",
                          "{\"name\":\"" + name + "\",\"count\":" + std::to_string(count) + "}",
                          bearerHeader(hrToken_));
  }
  static int itemId(const HttpReply& reply) {
    std::smatch match;
    static const std::regex kId("\"id\":([0-9]+)");
    return std::regex_search(reply.body, match, kId) ? std::stoi(match[1]) : -1;
  }

  static HostProcess* host_;
  static std::string adminToken_, hrToken_, employeeToken_;
};

HostProcess* ServeTest::host_ = nullptr;
std::string ServeTest::adminToken_, ServeTest::hrToken_, ServeTest::employeeToken_;

TEST_F(ServeTest, HealthShowsDatabaseAndPlugins) {
  auto reply = host_->request("GET", "/healthz");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body,
            "{\"status\":\"ok\",\"database\":\"up\",\"plugins\":[{\"name\":\"probe\",\"state\":"
            "\"running\"}]}");
}

TEST_F(ServeTest, PluginsListForAdminOnly) {
  auto reply = host_->request("GET", "/api/v1/plugins", "", bearerHeader(adminToken_));
  EXPECT_EQ(reply.status, 200);
  EXPECT_NE(reply.body.find("\"name\":\"probe\""), std::string::npos) << reply.body;
  EXPECT_NE(reply.body.find("\"state\":\"running\""), std::string::npos);
  EXPECT_NE(reply.body.find("\"error\":null"), std::string::npos);
  EXPECT_EQ(host_->request("GET", "/api/v1/plugins", "", bearerHeader(employeeToken_)).status, 403);
  EXPECT_EQ(host_->request("GET", "/api/v1/plugins").status, 401);
}

TEST_F(ServeTest, UnauthenticatedIs401ProblemJson) {
  auto reply = host_->request("GET", "/api/v1/probe/items");
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.header("content-type"), "application/problem+json");
  EXPECT_EQ(
      reply.body,
      "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"log in "
      "to use /api/v1/probe/items\"}");
  EXPECT_EQ(host_->request("GET", "/api/v1/probe/items", "", bearerHeader("not-a-token")).status,
            401);
}

TEST_F(ServeTest, UnauthenticatedAndBadTokensAreAudited) {
  host_->request("GET", "/api/v1/probe/items?limit=7");
  host_->request("GET", "/api/v1/probe/items", "", bearerHeader("forged-token"));
  auto audit = host_->request("GET", "/api/v1/audit?action=access.denied&actor=anonymous&limit=100",
                              "", bearerHeader(adminToken_));
  EXPECT_EQ(audit.status, 200);
  EXPECT_NE(audit.body.find("not logged in for GET /api/v1/probe/items"), std::string::npos)
      << audit.body;
  EXPECT_NE(audit.body.find("unknown, expired or revoked session token"), std::string::npos);
  EXPECT_EQ(audit.body.find("forged-token"), std::string::npos);
}

TEST_F(ServeTest, UnknownRouteAndWrongMethod) {
  EXPECT_EQ(host_->request("GET", "/api/v1/nothing-here").status, 404);
  EXPECT_EQ(host_->request("DELETE", "/api/v1/probe/items", "", bearerHeader(adminToken_)).status,
            405);
}

TEST_F(ServeTest, CreateUpdateWithVersions) {
  auto created = createItem("versioned", 1);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("etag"), "\"1\"");
  std::string path = "/api/v1/probe/items/" + std::to_string(itemId(created));

  auto headers = bearerHeader(hrToken_);
  auto missing = host_->request("PUT", path, "{\"count\":5}", headers);
  EXPECT_EQ(missing.status, 428);
  headers["If-Match"] = "\"1\"";
  auto updated = host_->request("PUT", path, "{\"count\":5}", headers);
  EXPECT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.header("etag"), "\"2\"");
  auto stale = host_->request("PUT", path, "{\"count\":9}", headers);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.header("content-type"), "application/problem+json");
  auto read = host_->request("GET", path, "", bearerHeader(employeeToken_));
  EXPECT_NE(read.body.find("\"count\":5"), std::string::npos) << read.body;
  EXPECT_EQ(read.header("etag"), "\"2\"");
}

TEST_F(ServeTest, BadInputNamesTheField) {
  auto wrongTypes = host_->request("POST", "/api/v1/probe/items", "{\"name\":5,\"colour\":\"red\"}",
                                   bearerHeader(hrToken_));
  EXPECT_EQ(wrongTypes.status, 400);
  EXPECT_EQ(
      wrongTypes.body,
      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"2 fields "
      "are invalid\",\"errors\":[{\"field\":\"name\",\"message\":\"must be a string, not a "
      "number\"},{\"field\":\"colour\",\"message\":\"is not a known field\"}]}");
  auto malformed =
      host_->request("POST", "/api/v1/probe/items", "{\"name\":", bearerHeader(hrToken_));
  EXPECT_EQ(malformed.status, 400);
  auto badUtf8 = host_->request("POST", "/api/v1/probe/items", "{\"name\":\"\xC3\x28\"}",
                                bearerHeader(hrToken_));
  EXPECT_EQ(badUtf8.status, 400);
  EXPECT_NE(badUtf8.body.find("the body is not valid UTF-8"), std::string::npos);
  auto deep =
      host_->request("POST", "/api/v1/probe/items",
                     std::string(10000, '[') + std::string(10000, ']'), bearerHeader(hrToken_));
  EXPECT_EQ(deep.status, 400);
  EXPECT_NE(deep.body.find("nests deeper than 64"), std::string::npos);
  auto huge = host_->request("POST", "/api/v1/probe/items",
                             "{\"name\":\"" + std::string(2 * 1024 * 1024, 'x') + "\"}",
                             bearerHeader(hrToken_));
  EXPECT_EQ(huge.status, 413);
}

TEST_F(ServeTest, ARouteMayAcceptLargerBodiesThanTheHost) {
  const std::string twoMiB(2 * 1024 * 1024, 'x');
  auto taken = host_->request("POST", "/api/v1/probe/uploads", twoMiB, bearerHeader(hrToken_));
  EXPECT_EQ(taken.status, 201) << taken.body;
  EXPECT_EQ(taken.body, "{\"bytes\":2097152}");
  auto tooLarge =
      host_->request("POST", "/api/v1/probe/uploads", twoMiB + twoMiB, bearerHeader(hrToken_));
  EXPECT_EQ(tooLarge.status, 413);
  EXPECT_NE(tooLarge.body.find("larger than the 3145728 bytes accepted"), std::string::npos)
      << tooLarge.body;
  // Other routes keep the host's limit.
  auto items = host_->request("POST", "/api/v1/probe/items", twoMiB, bearerHeader(hrToken_));
  EXPECT_EQ(items.status, 413);
  EXPECT_NE(items.body.find("larger than the 1048576 bytes accepted"), std::string::npos)
      << items.body;
}

TEST_F(ServeTest, SubscriberRefusalRollsBackTheWrite) {
  auto refused = createItem("reject");
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("the subscriber refused this item"), std::string::npos);
  auto list = host_->request("GET", "/api/v1/probe/items?limit=100", "", bearerHeader(hrToken_));
  EXPECT_EQ(list.body.find("\"reject\""), std::string::npos) << list.body;
  auto audit = host_->request("GET", "/api/v1/audit?action=probe.item.create&limit=100", "",
                              bearerHeader(adminToken_));
  EXPECT_EQ(audit.status, 200);
  EXPECT_EQ(audit.body.find("reject"), std::string::npos);
}

TEST_F(ServeTest, HandlerThatThrowsAnswers500WithAnErrorIdInTheLog) {
  auto reply = host_->request("GET", "/api/v1/probe/boom", "", bearerHeader(employeeToken_));
  EXPECT_EQ(reply.status, 500);
  EXPECT_EQ(reply.body.find("secret internal detail"), std::string::npos);
  std::smatch match;
  static const std::regex kErrorId("quote error id ([0-9a-f]{16}) to support");
  ASSERT_TRUE(std::regex_search(reply.body, match, kErrorId)) << reply.body;
  std::string log = host_->log();
  EXPECT_NE(log.find("request " + match[1].str() +
                     " GET /api/v1/probe/boom failed: secret internal detail"),
            std::string::npos)
      << log;
}

TEST_F(ServeTest, DeniedAccessIs403AndAudited) {
  auto reply = host_->request("POST", "/api/v1/probe/items", "{\"name\":\"nope\"}",
                              bearerHeader(employeeToken_));
  EXPECT_EQ(reply.status, 403);
  auto audit = host_->request("GET", "/api/v1/audit?action=access.denied&actor=emp", "",
                              bearerHeader(hrToken_));
  EXPECT_EQ(audit.status, 200);
  EXPECT_NE(audit.body.find("/api/v1/probe/items"), std::string::npos) << audit.body;
  EXPECT_EQ(host_->request("GET", "/api/v1/audit", "", bearerHeader(employeeToken_)).status, 403);
}

TEST_F(ServeTest, PaginationAndCsvExport) {
  for (const char* name : {"page-a", "page-b", "page-c"}) ASSERT_EQ(createItem(name).status, 201);
  std::string path = "/api/v1/probe/items?limit=2";
  std::vector<std::string> seen;
  for (int pages = 0; pages < 20; ++pages) {
    auto reply = host_->request("GET", path, "", bearerHeader(employeeToken_));
    ASSERT_EQ(reply.status, 200) << reply.body;
    static const std::regex kName("\"name\":\"([^\"]+)\"");
    for (std::sregex_iterator it(reply.body.begin(), reply.body.end(), kName), end; it != end;
         ++it) {
      seen.push_back((*it)[1]);
    }
    std::smatch next;
    static const std::regex kNext("\"next\":\"([^\"]+)\"");
    if (!std::regex_search(reply.body, next, kNext)) {
      EXPECT_NE(reply.body.find("\"next\":null"), std::string::npos);
      break;
    }
    path = "/api/v1/probe/items?limit=2&cursor=" + next[1].str();
  }
  EXPECT_NE(std::find(seen.begin(), seen.end(), "page-c"), seen.end());
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size())
      << "a row repeated";
  auto csv =
      host_->request("GET", "/api/v1/probe/items?format=csv", "", bearerHeader(employeeToken_));
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("id,name,count\r\n", 0), 0u) << csv.body;
  EXPECT_NE(csv.body.find(",page-b,0\r\n"), std::string::npos);
}

TEST_F(ServeTest, PersonalDataIsNotCached) {
  auto reply = host_->request("GET", "/api/v1/probe/me", "", bearerHeader(employeeToken_));
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("cache-control"), "no-store");
  EXPECT_EQ(host_->request("GET", "/api/v1/auth/me", "", bearerHeader(employeeToken_))
                .header("cache-control"),
            "no-store");
}

TEST_F(ServeTest, CookieSessionsNeedTheCsrfHeaderForWrites) {
  auto login = host_->request("POST", "/api/v1/auth/login",
                              "{\"username\":\"hr\",\"password\":\"" + kHrPassword + "\"}");
  ASSERT_EQ(login.status, 200);
  std::string cookie = login.header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  std::string pair = cookie.substr(0, cookie.find(';'));
  std::smatch match;
  static const std::regex kCsrf("\"csrfToken\":\"([^\"]+)\"");
  ASSERT_TRUE(std::regex_search(login.body, match, kCsrf));
  std::map<std::string, std::string> headers = {{"Cookie", pair}};
  EXPECT_EQ(host_->request("GET", "/api/v1/probe/items", "", headers).status, 200);
  EXPECT_EQ(host_->request("POST", "/api/v1/probe/items", "{\"name\":\"csrf\"}", headers).status,
            403);
  headers["X-CSRF-Token"] = "wrong";
  EXPECT_EQ(host_->request("POST", "/api/v1/probe/items", "{\"name\":\"csrf\"}", headers).status,
            403);
  headers["X-CSRF-Token"] = match[1];
  EXPECT_EQ(host_->request("POST", "/api/v1/probe/items", "{\"name\":\"csrf\"}", headers).status,
            201);
}

TEST_F(ServeTest, MetricsCountRequestsAndPluginStates) {
  host_->request("GET", "/healthz");
  auto reply = host_->request("GET", "/metrics");
  EXPECT_EQ(reply.status, 200);
  EXPECT_NE(reply.body.find(
                "cadre_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}"),
            std::string::npos);
  EXPECT_NE(reply.body.find(
                "cadre_http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\""),
            std::string::npos);
  EXPECT_NE(reply.body.find("cadre_plugin_state{plugin=\"probe\",state=\"running\"} 1"),
            std::string::npos);
  EXPECT_NE(reply.body.find("cadre_plugins_failed 0"), std::string::npos);
  EXPECT_NE(reply.body.find("cadre_database_up 1"), std::string::npos);
}

TEST_F(ServeTest, OpenApiDescribesPluginRoutes) {
  auto reply = host_->request("GET", "/api/openapi.json");
  EXPECT_EQ(reply.status, 200);
  EXPECT_NE(reply.body.find("\"openapi\":\"3.0.3\""), std::string::npos);
  EXPECT_NE(reply.body.find("\"/api/v1/probe/items/{id}\""), std::string::npos);
  EXPECT_NE(reply.body.find("\"operationId\":\"putApiV1ProbeItemsById\""), std::string::npos);
  EXPECT_NE(reply.body.find("\"tags\":[\"probe\"]"), std::string::npos);
}

TEST_F(ServeTest, ShellAndPluginPagesAreServed) {
  auto index = host_->request("GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("/web/host/shell.js"), std::string::npos);
  EXPECT_NE(index.header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(host_->request("GET", "/web/probe/probe.js").header("content-type"),
            "text/javascript; charset=utf-8");
  EXPECT_EQ(host_->request("GET", "/web/probe/..%2Fprobe.so").status, 404);
  auto pages = host_->request("GET", "/api/v1/shell/pages", "", bearerHeader(hrToken_));
  EXPECT_EQ(pages.body,
            "[{\"id\":\"probe\",\"title\":\"Probe\",\"plugin\":\"probe\",\"module\":\"/web/probe/"
            "probe.js\"}]");
  EXPECT_EQ(host_->request("GET", "/api/v1/shell/pages", "", bearerHeader(employeeToken_)).body,
            "[]");
}

TEST_F(ServeTest, SecretsNeverReachTheLog) {
  host_->request("GET", "/healthz");
  host_->request("POST", "/api/v1/auth/login",
                 "{\"username\":\"hr\",\"password\":\"wrong-password-xyz\"}");
  std::string log = host_->log();
  for (const auto& secret : {kAdminPassword, kHrPassword, kEmployeePassword,
                             std::string("wrong-password-xyz"), adminToken_, hrToken_}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << "found a secret in the log";
  }
  EXPECT_NE(log.find("GET /healthz 200"), std::string::npos) << log;
}

}  // namespace
}  // namespace cadre::test
