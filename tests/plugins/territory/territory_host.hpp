#pragma once

#include <map>
#include <memory>
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "support/host_process.hpp"
#include "support/postgres_server.hpp"

namespace cadre::territory::test {

using cadre::test::HttpReply;

/// The real `cadre serve` with the territory plugin on SQLite or PostgreSQL, with a user per
/// role (admin, hr, manager, employee) named after the role, made when first used.
class TerritoryHost {
 public:
  explicit TerritoryHost(const std::string& engine) {
    host_.addBuiltPlugin("territory");
    if (engine == "postgres") {
      url_ = cadre::test::PostgresServer::shared().createDatabase(
          ::testing::UnitTest::GetInstance()->current_test_info()->name() + std::string("_") +
          engine);
    } else {
      url_ = host_.databaseUrl();
    }
    // Sessions are read from the database on every request: a disabled login ends at once.
    host_.start({{"db.url", url_}, {"session.cacheMillis", "0"}});
  }

  /// A request as `role` ("" for none) with extra headers.
  HttpReply call(const std::string& role, const std::string& method, const std::string& path,
                 const std::string& body = "",
                 std::map<std::string, std::string> headers = {}) const {
    if (!role.empty()) headers["Authorization"] = "Bearer " + token(role);
    if (!body.empty()) headers.emplace("Content-Type", "application/json");
    return host_.request(method, path, body, headers);
  }

  /// The user id of a role's account.
  std::int64_t userId(const std::string& role) const {
    return idIn(call(role, "GET", "/api/v1/auth/me").body);
  }

  /// The first "id" in a JSON text; -1 when there is none.
  static std::int64_t idIn(const std::string& body) {
    std::smatch match;
    static const std::regex kId("\"id\":([0-9]+)");
    return std::regex_search(body, match, kId) ? std::stoll(match[1]) : -1;
  }

  cadre::test::HostProcess& process() { return host_; }

 private:
  /// Adds the role's user (in-process, cheap hash: see HostProcess::addTestUser) and logs in on
  /// first use.
  const std::string& token(const std::string& role) const {
    auto found = tokens_.find(role);
    if (found != tokens_.end()) return found->second;
    host_.addTestUser(role, role, role + "-password-1234", url_);
    return tokens_[role] = host_.login(role, role + "-password-1234");
  }

  cadre::test::HostProcess host_;
  std::string url_;
  mutable std::map<std::string, std::string> tokens_;
};

}  // namespace cadre::territory::test
