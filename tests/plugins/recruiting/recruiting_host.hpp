#pragma once

#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "engines.hpp"
#include "headed_unit.hpp"
#include "plugins/territory/territory_host.hpp"
#include "support/host_process.hpp"
#include "support/postgres_server.hpp"

namespace cadre::recruiting::test {

using cadre::test::HttpReply;

/// The body of an answer as a JSON object (fails the test when it is not one).
inline Poco::JSON::Object::Ptr jsonOf(const HttpReply& reply) {
  try {
    return Poco::JSON::Parser().parse(reply.body).extract<Poco::JSON::Object::Ptr>();
  } catch (const std::exception&) {
    ADD_FAILURE() << "not a JSON object (" << reply.status << "): " << reply.body;
    return new Poco::JSON::Object;
  }
}

/// "field: message" of each field a problem document names.
inline std::vector<std::string> fieldsOf(const HttpReply& reply) {
  std::vector<std::string> fields;
  auto errors = jsonOf(reply)->getArray("errors");
  for (std::size_t i = 0; errors && i < errors->size(); ++i) {
    auto error = errors->getObject(static_cast<unsigned>(i));
    fields.push_back(error->getValue<std::string>("field") + ": " +
                     error->getValue<std::string>("message"));
  }
  return fields;
}

/// The real `cadre serve` with the territory and recruiting plugins on SQLite or PostgreSQL.
/// Users are made on first use: "admin", "hr", "manager" and "employee" have the role of their
/// name; others are declared with addUser. Meant to be shared by the tests of a suite (see
/// SharedRecruitingHost): tests make their own org units with codes of their own.
class RecruitingHost {
 public:
  /// `databaseName` names the PostgreSQL database (ignored on SQLite); `settings` are more
  /// `--set` pairs for the host (e.g. recruiting.smtp.host).
  RecruitingHost(const std::string& engine, const std::string& databaseName,
                 std::map<std::string, std::string> settings = {}) {
    host_.addBuiltPlugin("territory");
    host_.addBuiltPlugin("recruiting");
    url_ = engine == "postgres"
               ? cadre::test::PostgresServer::shared().createDatabase(databaseName + "_pg")
               : host_.databaseUrl();
    settings["db.url"] = url_;
    settings["session.cacheMillis"] = "0";
    host_.start(settings);
    for (const char* role : {"admin", "hr", "manager", "employee"}) roles_[role] = role;
  }

  /// Declares a user of a role ("manager", "employee", …), made when first used.
  void addUser(const std::string& name, const std::string& role) { roles_[name] = role; }

  /// A request as `user` ("" for none) with extra headers.
  HttpReply call(const std::string& user, const std::string& method, const std::string& path,
                 const std::string& body = "",
                 std::map<std::string, std::string> headers = {}) const {
    if (!user.empty()) headers["Authorization"] = "Bearer " + token(user);
    if (!body.empty()) headers.emplace("Content-Type", "application/json");
    return host_.request(method, path, body, headers);
  }

  /// The user id of a user's account.
  std::int64_t userId(const std::string& user) const {
    return idIn(call(user, "GET", "/api/v1/auth/me").body);
  }

  /// Makes `user` (declared or a role's name) an employee in `unitId` through the territory
  /// API, hired on 2020-01-01, their login linked; returns the employee id.
  std::int64_t linkEmployee(const std::string& user, std::int64_t unitId,
                            const std::string& number) const {
    auto reply = call(
        "hr", "POST", "/api/v1/territory/employees",
        "{\"employeeNumber\":\"" + number + "\",\"givenName\":\"" + user + "\",\"familyName\":\"" +
            number + "\",\"email\":\"" + number +
            "@example.com\",\"hireDate\":\"2020-01-01\",\"orgUnitId\":" + std::to_string(unitId) +
            ",\"userId\":" + std::to_string(userId(user)) + "}");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return idIn(reply.body);
  }

  /// A new org unit `code` (under `parentId` if given) headed by `user`, who becomes an
  /// employee of it (reporting to the head of the unit above) with their login linked: `user`
  /// is then the hiring manager of requisitions in the unit.
  HeadedUnit headedUnit(const std::string& user, const std::string& code,
                        std::optional<std::int64_t> parentId = std::nullopt) const {
    const std::string units = "/api/v1/territory/org-units";
    auto created =
        call("hr", "POST", units,
             "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"type\":\"" +
                 (parentId ? "team" : "company") + "\",\"effectiveDate\":\"2020-01-01\"" +
                 (parentId ? ",\"parentId\":" + std::to_string(*parentId) : "") + "}");
    EXPECT_EQ(created.status, 201) << created.body;
    HeadedUnit unit{idIn(created.body), 0};
    unit.headEmployeeId = linkEmployee(user, unit.unitId, code + "-HEAD");
    auto path = units + "/" + std::to_string(unit.unitId);
    auto headed = call("hr", "PATCH", path,
                       "{\"headEmployeeId\":" + std::to_string(unit.headEmployeeId) +
                           ",\"effectiveDate\":\"2020-01-01\"}",
                       {{"If-Match", call("hr", "GET", path).header("etag")}});
    EXPECT_EQ(headed.status, 200) << headed.body;
    return unit;
  }

  /// A headcount plan of `plannedPositions` for a unit over 2020..2099.
  void headcountPlan(std::int64_t unitId, std::int64_t plannedPositions) const {
    auto reply = call("hr", "POST", "/api/v1/territory/headcount-plans",
                      "{\"orgUnitId\":" + std::to_string(unitId) +
                          ",\"periodStart\":\"2020-01-01\",\"periodEnd\":\"2099-12-31\","
                          "\"plannedPositions\":" +
                          std::to_string(plannedPositions) + ",\"plannedBudget\":0}");
    EXPECT_EQ(reply.status, 201) << reply.body;
  }

  /// The first "id" in a JSON text; -1 when there is none.
  static std::int64_t idIn(const std::string& body) {
    return territory::test::TerritoryHost::idIn(body);
  }

  cadre::test::HostProcess& process() { return host_; }
  /// The URL of the host's database (for tests that open it themselves).
  const std::string& databaseUrl() const { return url_; }

 private:
  /// Adds the user (in-process, cheap hash: see HostProcess::addTestUser) and logs in on first
  /// use.
  const std::string& token(const std::string& user) const {
    auto found = tokens_.find(user);
    if (found != tokens_.end()) return found->second;
    auto role = roles_.find(user);
    EXPECT_NE(role, roles_.end()) << "user " << user << " was not declared";
    host_.addTestUser(user, role == roles_.end() ? "employee" : role->second,
                      user + "-password-1234", url_);
    return tokens_[user] = host_.login(user, user + "-password-1234");
  }

  cadre::test::HostProcess host_;
  std::string url_;
  std::map<std::string, std::string> roles_;
  mutable std::map<std::string, std::string> tokens_;
};

/// A fixture base for suites parameterized by engine that share one host per engine for the
/// whole suite (started on first use, stopped after the suite's last test): starting a host and
/// logging users in costs seconds, so tests that do not need a fresh database share one.
class SharedRecruitingHost : public ::testing::TestWithParam<std::string> {
 protected:
  static void TearDownTestSuite() { hosts().clear(); }

  /// The host of this test's engine.
  RecruitingHost& host() {
    auto& slot = hosts()[GetParam()];
    if (!slot) slot = std::make_unique<RecruitingHost>(GetParam(), suiteDatabaseName());
    return *slot;
  }

  /// A code unique within the suite's database, for org units and employee numbers.
  static std::string uniqueCode(const std::string& prefix) {
    static int counter = 0;
    return prefix + std::to_string(++counter);
  }

 private:
  static std::map<std::string, std::unique_ptr<RecruitingHost>>& hosts() {
    static std::map<std::string, std::unique_ptr<RecruitingHost>> shared;
    return shared;
  }

  static std::string suiteDatabaseName() {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_suite()->name();
    for (auto& c : name) {
      c = std::isalnum(static_cast<unsigned char>(c))
              ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
              : '_';
    }
    return name.substr(0, 50);
  }
};

}  // namespace cadre::recruiting::test
