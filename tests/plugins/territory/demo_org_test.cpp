#include "demo_org.hpp"

#include <map>
#include <memory>
#include <set>

#include <gtest/gtest.h>

#include "cadre/dates.hpp"
#include "demo_names.hpp"
#include "employee_store.hpp"
#include "org_database.hpp"

namespace cadre::territory::test {
namespace {

const std::string kAnchor = "2026-11-26";

/// The demo seeded once per engine and shared by the tests, which only read it: seeding takes
/// seconds on PostgreSQL.
struct SeededDemo {
  explicit SeededDemo(const std::string& engine) : org(engine) {
    summary = org.db().inTransaction(
        [&](Transaction& tx) { return seedDemoOrg(tx, org.trail(), kAnchor, nullptr); });
  }
  OrgDatabase org;
  DemoSummary summary;
};

class DemoOrgTest : public ::testing::TestWithParam<std::string> {
 protected:
  DemoOrgTest() : org_(seeded(GetParam()).org), summary_(seeded(GetParam()).summary) {}

  static void TearDownTestSuite() { demos().clear(); }

  static std::map<std::string, std::unique_ptr<SeededDemo>>& demos() {
    static std::map<std::string, std::unique_ptr<SeededDemo>> byEngine;
    return byEngine;
  }

  static SeededDemo& seeded(const std::string& engine) {
    auto& demo = demos()[engine];
    if (!demo) demo = std::make_unique<SeededDemo>(engine);
    return *demo;
  }

  std::int64_t count(const std::string& sql, const SqlParams& params = {}) {
    return org_.db().inTransaction(
        [&](Transaction& tx) { return tx.queryOne(sql, params)->getInt(0); }, TxMode::Read);
  }

  std::vector<EmployeeRecord> everyone(const std::string& asOf) {
    return org_.db().inTransaction(
        [&](Transaction& tx) {
          EmployeeFilter all;
          all.limit = 100000;
          return EmployeeStore(tx).list(all, asOf);
        },
        TxMode::Read);
  }

  OrgDatabase& org_;
  const DemoSummary& summary_;
};

TEST_P(DemoOrgTest, SeedsTheOrgWithExactCountsAndHistory) {
  EXPECT_EQ(summary_.orgUnits, 29);
  EXPECT_EQ(summary_.employees, 205);
  EXPECT_EQ(summary_.terminated, 8);
  EXPECT_EQ(summary_.onLeave, 2);
  EXPECT_EQ(summary_.positions, 61);
  EXPECT_EQ(count("SELECT COUNT(*) FROM territory_org_units"), 29);
  EXPECT_EQ(count("SELECT COUNT(*) FROM territory_org_units WHERE type = 'team'"), 16);
  EXPECT_EQ(count("SELECT COUNT(*) FROM territory_employees"), 205);
  EXPECT_EQ(count("SELECT COUNT(*) FROM territory_positions"), 61);

  std::map<std::string, int> byStatus;
  for (const auto& e : everyone(kAnchor)) ++byStatus[e.status];
  EXPECT_EQ(byStatus,
            (std::map<std::string, int>{{"active", 195}, {"on_leave", 2}, {"terminated", 8}}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM territory_assignments WHERE reason = 'promotion'"), 16);
  EXPECT_EQ(count("SELECT COUNT(*) FROM territory_assignments WHERE reason = 'transfer'"), 17);
  EXPECT_EQ(count("SELECT COUNT(*) FROM territory_assignments WHERE reason = 'transfer' AND "
                  "valid_from > ?",
                  {kAnchor}),
            1);
  EXPECT_EQ(org_.audit.size(), 29u * 2 + 205 + 16 + 17 + 8 + 2);
  {
    SCOPED_TRACE("names in their own scripts round-trip");
    auto names = org_.db().inTransaction(
        [&](Transaction& tx) {
          std::set<std::string> out;
          for (const auto& row : tx.query("SELECT name FROM territory_org_unit_periods")) {
            out.insert(row.getString(0));
          }
          return out;
        },
        TxMode::Read);
    EXPECT_TRUE(names.count("Miền Bắc (North Vietnam)"));
    EXPECT_TRUE(names.count("大中华区 (Greater China)"));
    EXPECT_TRUE(names.count("Thành phố Hồ Chí Minh · Bán lẻ"));
    EXPECT_TRUE(names.count("上海 (Shanghai) · 大客户部"));
  }
  {
    SCOPED_TRACE("a person transferred later sits in the old unit before");
    auto rows = org_.db().inTransaction(
        [&](Transaction& tx) {
          return tx.query(
              "SELECT employee_id, valid_from FROM territory_assignments WHERE reason = "
              "'transfer' AND valid_from > ?",
              {kAnchor});
        },
        TxMode::Read);
    ASSERT_EQ(rows.size(), 1u);
    auto id = rows[0].getInt(0);
    auto before = org_.db().inTransaction(
        [&](Transaction& tx) { return EmployeeStore(tx).find(id, kAnchor); }, TxMode::Read);
    auto after = org_.db().inTransaction(
        [&](Transaction& tx) { return EmployeeStore(tx).find(id, demoAddDays(kAnchor, 30)); },
        TxMode::Read);
    ASSERT_TRUE(before && after);
    EXPECT_NE(before->orgUnitId, after->orgUnitId);
    EXPECT_EQ(rows[0].getString(1), "2026-12-26");
  }
}

TEST_P(DemoOrgTest, EveryoneButTheTopHasAManagerAndNoLineLoops) {
  auto people = everyone(kAnchor);
  std::map<std::int64_t, std::optional<std::int64_t>> managerOf;
  int withoutManager = 0;
  for (const auto& e : people) {
    if (e.status == "terminated") continue;
    managerOf[e.id] = e.managerId;
    if (!e.managerId) ++withoutManager;
  }
  EXPECT_EQ(withoutManager, 1) << "only the managing director reports to nobody";
  for (const auto& [id, manager] : managerOf) {
    std::set<std::int64_t> seen{id};
    for (auto next = manager; next; next = managerOf.at(*next)) {
      ASSERT_TRUE(managerOf.count(*next)) << "employee " << id << " reports to someone gone";
      ASSERT_TRUE(seen.insert(*next).second) << "a reporting cycle through employee " << id;
    }
  }
}

TEST_P(DemoOrgTest, SeedsTheSalesSideTheSameOnEveryEngine) {
  EXPECT_EQ(summary_.accounts, 300);
  EXPECT_EQ(summary_.territories, 29 + 30);
  EXPECT_EQ(count("SELECT COUNT(*) FROM territory_models WHERE state = 'active'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM territory_accounts"), 300);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT account_id) FROM territory_account_assignments"), 300);
  // Every active rep and head sits in exactly one territory today.
  EXPECT_EQ(count("SELECT COUNT(*) FROM territory_rep_assignments WHERE valid_from <= ? AND "
                  "valid_to > ?",
                  {kAnchor, kAnchor}),
            184);
  EXPECT_EQ(summary_.repSeats, count("SELECT COUNT(*) FROM territory_rep_assignments"));
  {
    SCOPED_TRACE("the same anchor gives the same org on every engine");
    // A fixed seed and no library distributions: these are the same on every machine and engine.
    auto row = [&](const std::string& number) {
      return org_.db().inTransaction(
          [&](Transaction& tx) {
            auto found = tx.queryOne(
                "SELECT given_name, family_name, hire_date FROM territory_employees WHERE "
                "employee_number = ?",
                {number});
            return found->getString(0) + " " + found->getString(1) + " " + found->getString(2);
          },
          TxMode::Read);
    };
    EXPECT_EQ(row("E0001"), "Bảo Ngọc Nguyễn 2020-11-27");
    EXPECT_EQ(row("E0030"), "Minh Châu Đỗ 2023-04-11");
    EXPECT_EQ(row("E0205"), "洋 吴 2021-07-31");
  }
}

TERRITORY_ON_EVERY_ENGINE(DemoOrgTest);

}  // namespace
}  // namespace cadre::territory::test
