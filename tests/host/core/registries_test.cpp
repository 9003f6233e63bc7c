#include "core/registries.hpp"

#include <gtest/gtest.h>

namespace cadre {
namespace {

template <typename Work>
std::string refusal(Work&& work) {
  try {
    work();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "accepted";
}

TEST(ServiceTableTest, ProvidesFindsAndWithdrawsByOwner) {
  ServiceTable table;
  table.provideAs("alpha", "alpha.number", std::make_shared<int>(7));
  ServiceRegistry& registry = table;
  registry.provide<int>("host.number", std::make_shared<int>(1));
  EXPECT_EQ(*registry.find<int>("alpha.number"), 7);
  EXPECT_EQ(registry.find<int>("nothing"), nullptr);
  EXPECT_EQ(refusal([&] { table.provideAs("beta", "alpha.number", std::make_shared<int>(8)); }),
            "service 'alpha.number' from 'beta' is already provided by 'alpha'");
  EXPECT_EQ(refusal([&] { table.provideAs("beta", "x", nullptr); }),
            "service 'x' from 'beta' is null");
  table.withdraw("alpha");
  EXPECT_EQ(table.names(), std::vector<std::string>{"host.number"});
  try {
    registry.require<int>("alpha.number");
    FAIL() << "require did not throw";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "service 'alpha.number' is not provided by any running plugin");
  }
}

class NullTransaction : public Transaction {
 public:
  std::int64_t execute(const std::string&, const SqlParams&) override { return 0; }
  std::vector<SqlRow> query(const std::string&, const SqlParams&) override { return {}; }
  std::int64_t insert(const std::string&, const SqlParams&) override { return 0; }
  void publish(const std::string&, const std::string&) override {}
  void commit() override {}
  SqlDialect dialect() const override { return SqlDialect::Sqlite; }
};

TEST(EventBusTest, DispatchesInOrderAndStopsAtTheFirstThrow) {
  EventBus bus;
  std::vector<std::string> seen;
  bus.subscribe("alpha", "hired",
                [&](Transaction&, const Event& e) { seen.push_back("alpha " + e.payloadJson); });
  bus.subscribe("beta", "hired", [&](Transaction&, const Event&) {
    seen.push_back("beta");
    throw std::runtime_error("no desk");
  });
  bus.subscribe("gamma", "hired", [&](Transaction&, const Event&) { seen.push_back("gamma"); });
  bus.subscribe("alpha", "fired", [&](Transaction&, const Event&) { seen.push_back("fired"); });
  NullTransaction tx;
  EXPECT_THROW(bus.dispatch(tx, "hired", "{}"), std::runtime_error);
  EXPECT_EQ(seen, (std::vector<std::string>{"alpha {}", "beta"}));
  bus.withdraw("beta");
  seen.clear();
  bus.dispatch(tx, "hired", "{\"id\":1}");
  EXPECT_EQ(seen, (std::vector<std::string>{"alpha {\"id\":1}", "gamma"}));
}

TEST(PageRegistryTest, ShowsPagesByRoleAndRefusesBadOnes) {
  PageRegistry pages;
  pages.add("alpha", {"org", "Org", "org.js", {Role::Hr, Role::Admin}});
  pages.add("beta", {"me", "Me", "me.js", {}});
  auto forEmployee = pages.visibleTo(Role::Employee);
  ASSERT_EQ(forEmployee.size(), 1u);
  EXPECT_EQ(forEmployee[0].page.id, "me");
  EXPECT_EQ(pages.visibleTo(Role::Hr).size(), 2u);
  EXPECT_EQ(refusal([&] {
              pages.add("gamma", {"org", "Org 2", "o.js", {}});
            }),
            "page 'org' of 'gamma' is already added by 'alpha'");
  EXPECT_EQ(refusal([&] {
              pages.add("gamma", {"x", "", "x.js", {}});
            }),
            "a page of 'gamma' lacks an id, a title or a module");
  EXPECT_EQ(refusal([&] {
              pages.add("gamma", {"x", "X", "../x.js", {}});
            }),
            "page 'x' of 'gamma' names module '../x.js' outside the plugin's web folder");
  EXPECT_EQ(refusal([&] {
              pages.add("gamma", {"x", "X", "/etc/x.js", {}});
            }),
            "page 'x' of 'gamma' names module '/etc/x.js' outside the plugin's web folder");
  pages.withdraw("alpha");
  EXPECT_EQ(pages.visibleTo(Role::Hr).size(), 1u);
}

class FixedScope : public ScopeHook {
 public:
  std::optional<std::int64_t> employeeOf(const User&) override { return 5; }
  bool manages(const User&, std::int64_t, const std::string&) override { return true; }
};

class NamedProvider : public LoginProvider {
 public:
  explicit NamedProvider(std::string name) : name_(std::move(name)) {}
  std::string name() const override { return name_; }
  LoginOutcome authenticate(const std::string&, const std::string&) override { return {}; }

 private:
  std::string name_;
};

TEST(AuthExtensionsTest, DefaultScopeKnowsNobody) {
  AuthExtensions auth;
  User user;
  EXPECT_EQ(auth.scope().employeeOf(user), std::nullopt);
  EXPECT_FALSE(auth.scope().manages(user, 1, "2024-01-01"));
}

TEST(AuthExtensionsTest, OneScopeHookUntilItsOwnerWithdraws) {
  AuthExtensions auth;
  User user;
  auth.setScopeHook("territory", std::make_shared<FixedScope>());
  EXPECT_EQ(auth.scope().employeeOf(user), 5);
  EXPECT_EQ(refusal([&] { auth.setScopeHook("other", std::make_shared<FixedScope>()); }),
            "a scope hook from 'other' is refused: 'territory' installed one already");
  auth.withdraw("other");
  EXPECT_TRUE(auth.scope().manages(user, 1, "2024-01-01"));
  auth.withdraw("territory");
  EXPECT_FALSE(auth.scope().manages(user, 1, "2024-01-01"));
}

TEST(AuthExtensionsTest, LoginProvidersInRegistrationOrder) {
  AuthExtensions auth;
  auth.addLoginProvider("ldap", std::make_shared<NamedProvider>("ldap"));
  auth.addLoginProvider("sso", std::make_shared<NamedProvider>("sso"));
  auth.withdraw("ldap");
  auto providers = auth.loginProviders();
  ASSERT_EQ(providers.size(), 1u);
  EXPECT_EQ(providers[0]->name(), "sso");
}

TEST(CommandRegistryTest, MatchesTheLongestNameAndRefusesBadOrTakenOnes) {
  CommandRegistry commands;
  auto run = [](const std::vector<std::string>&, std::ostream&, std::ostream&) { return 0; };
  commands.add("alpha", {"sync", "usage", "summary", run});
  commands.add("beta", {"sync  ldap", "usage", "summary", run});
  EXPECT_EQ(commands.match({"sync", "ldap", "--full"})->owner, "beta");
  EXPECT_EQ(commands.match({"sync", "odbc"})->owner, "alpha");
  EXPECT_FALSE(commands.match({"serve"}));
  EXPECT_EQ(refusal([&] {
              commands.add("gamma", {"sync ldap", "", "", run});
            }),
            "command 'sync ldap' of 'gamma' is already added by 'beta'");
  EXPECT_EQ(refusal([&] {
              commands.add("gamma", {" ", "", "", run});
            }),
            "a command of 'gamma' lacks a name or a run function");
  EXPECT_EQ(refusal([&] {
              commands.add("gamma", {"x", "", "", nullptr});
            }),
            "a command of 'gamma' lacks a name or a run function");
  commands.addCheck("beta", "ldap", [] { return std::string("ok"); });
  EXPECT_EQ(refusal([&] { commands.addCheck("gamma", "", [] { return std::string(); }); }),
            "a config check of 'gamma' lacks a name or a function");
  commands.withdraw("beta");
  EXPECT_EQ(commands.match({"sync", "ldap"})->owner, "alpha");
  EXPECT_TRUE(commands.checks().empty());
  EXPECT_EQ(commandWords(" sync  ldap "), (std::vector<std::string>{"sync", "ldap"}));
}

}  // namespace
}  // namespace cadre
