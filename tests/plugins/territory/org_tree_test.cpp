#include "org_tree.hpp"

#include <gtest/gtest.h>

#include "org_database.hpp"
#include "workforce.hpp"

namespace cadre::territory::test {
namespace {

class OrgTreeTest : public ::testing::TestWithParam<std::string> {
 protected:
  OrgTreeTest() : org_(GetParam()) {}

  template <typename Work>
  auto withTree(Work work) {
    return org_.db().inTransaction([&](Transaction& tx) {
      OrgTree tree(tx);
      return work(tree, tx);
    });
  }

  std::int64_t unit(const std::string& code, std::optional<std::int64_t> parent) {
    return withTree([&](OrgTree& tree, Transaction&) {
      return tree
          .create({code, code, parent ? "team" : "company", parent, std::nullopt, "2020-01-01"})
          .id;
    });
  }

  std::string refusal(const std::function<void()>& work) {
    try {
      work();
    } catch (const HttpError& error) {
      return std::to_string(error.status()) + " " + error.detail();
    }
    return "accepted";
  }

  OrgDatabase org_;
};

TEST_P(OrgTreeTest, ARenameTakesEffectOnItsDateAndTheOldNameStaysInThePast) {
  auto company = unit("ACME", std::nullopt);
  withTree([&](OrgTree& tree, Transaction&) {
    OrgUnitChange change;
    change.name = "Acme Asia";
    change.effectiveDate = "2023-07-01";
    change.reason = "rename";
    return tree.change(company, change);
  });
  auto names = withTree([&](OrgTree&, Transaction& tx) {
    OrgUnitStore store(tx);
    return store.find(company, "2023-06-30")->name + "|" + store.find(company, "2023-07-01")->name;
  });
  EXPECT_EQ(names, "ACME|Acme Asia");
}

TEST_P(OrgTreeTest, AnUnknownTypeATakenCodeAndAClosedParentAreRefused) {
  auto company = unit("ACME", std::nullopt);
  EXPECT_EQ(refusal([&] {
              withTree([&](OrgTree& tree, Transaction&) {
                return tree.create({"X", "X", "galaxy", company, std::nullopt, "2020-01-01"});
              });
            }),
            "422 there is no org unit type 'galaxy'");
  EXPECT_EQ(refusal([&] { unit("ACME", company); }), "409 an org unit with code 'ACME' exists");
  EXPECT_EQ(refusal([&] {
              withTree([&](OrgTree& tree, Transaction&) {
                return tree.create({"OLD", "Old", "team", company, std::nullopt, "2019-01-01"});
              });
            }),
            "422 parent org unit " + std::to_string(company) + " is not open on 2019-01-01");
}

TEST_P(OrgTreeTest, AUnitWithPeopleOrSubUnitsCannotCloseAndAnEmptyOneCan) {
  auto company = unit("ACME", std::nullopt);
  auto team = unit("T1", company);
  org_.db().inTransaction([&](Transaction& tx) {
    Workforce(tx, org_.trail(), "hr")
        .hire({"E1", "A", "B", "", "", "", "", std::nullopt},
              {std::nullopt, team, std::nullopt, "", "2021-01-01", "hire"}, std::nullopt);
  });
  auto close = [&](std::int64_t id, const std::string& date) {
    return refusal(
        [&] { withTree([&](OrgTree& tree, Transaction&) { return tree.close(id, date); }); });
  };
  EXPECT_EQ(close(company, "2024-01-01"),
            "422 org unit " + std::to_string(company) +
                " still has units below it on 2024-01-01; move or close them");
  EXPECT_EQ(close(team, "2024-01-01"), "422 org unit " + std::to_string(team) +
                                           " still has 1 assignment(s) on or after 2024-01-01");
  auto empty = unit("T2", company);
  EXPECT_EQ(close(empty, "2024-01-01"), "accepted");
  auto open = withTree([&](OrgTree&, Transaction& tx) {
    OrgUnitStore store(tx);
    return std::make_pair(store.find(empty, "2023-12-31").has_value(),
                          store.find(empty, "2024-01-01").has_value());
  });
  EXPECT_EQ(open, std::make_pair(true, false));
}

TERRITORY_ON_EVERY_ENGINE(OrgTreeTest);

}  // namespace
}  // namespace cadre::territory::test
