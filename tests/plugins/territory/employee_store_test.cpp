#include "employee_store.hpp"

#include <gtest/gtest.h>

#include "org_database.hpp"
#include "org_tree.hpp"
#include "workforce.hpp"

namespace cadre::territory::test {
namespace {

// Subtree lists start either from the employees in id order or from the subtree's assignments,
// whichever reads fewer rows (EmployeeStore::smallSubtree); both must give the same answers.
class EmployeeStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  EmployeeStoreTest() : org_(GetParam()) {
    company_ = unit("ACME", std::nullopt);
    north_ = unit("NORTH", company_);
    south_ = unit("SOUTH", company_);
    west_ = unit("WEST", company_);
    team1_ = unit("N1", north_);
    team2_ = unit("N2", north_);
    team3_ = unit("N3", north_);
    squad_ = unit("N1A", team1_);
    boss_ = hire("E1", company_);
    inSquad_ = hire("E2", squad_);
    inTeam2_ = hire("E3", team2_);
    inSouth_ = hire("E4", south_);
    inWest_ = hire("E5", west_);
    mover_ = hire("E6", south_);
    org_.db().inTransaction([&](Transaction& tx) {
      Workforce(tx, org_.trail(), "tester")
          .transfer(mover_, {std::nullopt, team1_, std::nullopt, "", "2021-06-01", "transfer"});
    });
  }

  std::int64_t unit(const std::string& code, std::optional<std::int64_t> parent) {
    return org_.db().inTransaction([&](Transaction& tx) {
      return OrgTree(tx)
          .create({code, code + " unit", parent ? "team" : "company", parent, std::nullopt,
                   "2020-01-01"})
          .id;
    });
  }

  std::int64_t hire(const std::string& number, std::int64_t orgUnit) {
    return org_.db().inTransaction([&](Transaction& tx) {
      return Workforce(tx, org_.trail(), "tester")
          .hire({number, "Given " + number, "Family", number + "@example.com", "", "", "",
                 std::nullopt},
                {std::nullopt, orgUnit, std::nullopt, "", "2020-01-01", "hire"}, std::nullopt)
          .id;
    });
  }

  std::vector<std::int64_t> subtree(std::int64_t orgUnit, const std::string& asOf,
                                    std::int64_t limit = 1000000, std::int64_t afterId = 0) {
    EmployeeFilter filter;
    filter.orgUnitId = orgUnit;
    filter.subtree = true;
    filter.limit = limit;
    filter.afterId = afterId;
    std::vector<std::int64_t> ids;
    org_.db().inTransaction([&](Transaction& tx) {
      for (const auto& e : EmployeeStore(tx).list(filter, asOf)) ids.push_back(e.id);
    });
    return ids;
  }

  OrgDatabase org_;
  std::int64_t company_ = 0, north_ = 0, south_ = 0, west_ = 0, team1_ = 0, team2_ = 0, team3_ = 0,
               squad_ = 0;
  std::int64_t boss_ = 0, inSquad_ = 0, inTeam2_ = 0, inSouth_ = 0, inWest_ = 0, mover_ = 0;
};

TEST_P(EmployeeStoreTest, ASmallSubtreeListsItsPeopleAsOfEachDate) {
  // Team N1 and its squad are 2 of 8 units: read from their assignments.
  EXPECT_EQ(subtree(team1_, "2021-05-31"), (std::vector<std::int64_t>{inSquad_}));
  EXPECT_EQ(subtree(team1_, "2021-06-01"), (std::vector<std::int64_t>{inSquad_, mover_}));
  EXPECT_EQ(subtree(squad_, "2021-06-01"), (std::vector<std::int64_t>{inSquad_}));
  EXPECT_EQ(subtree(team3_, "2021-06-01"), (std::vector<std::int64_t>{}));
  EXPECT_EQ(subtree(team1_, "2019-12-31"), (std::vector<std::int64_t>{}));
}

TEST_P(EmployeeStoreTest, ALargeSubtreeListsEveryoneInIdOrder) {
  // The company is all of the org: read the employees in id order.
  EXPECT_EQ(subtree(company_, "2021-06-01"),
            (std::vector<std::int64_t>{boss_, inSquad_, inTeam2_, inSouth_, inWest_, mover_}));
  EXPECT_EQ(subtree(north_, "2021-06-01"), (std::vector<std::int64_t>{inSquad_, inTeam2_, mover_}));
  EXPECT_EQ(subtree(north_, "2021-05-31"), (std::vector<std::int64_t>{inSquad_, inTeam2_}));
}

TEST_P(EmployeeStoreTest, SubtreePagesFollowTheCursorWhicheverWayTheyAreRead) {
  // A first page of 2 from North (5 of 8 units) reads by id; from team N1 by assignments.
  EXPECT_EQ(subtree(north_, "2021-06-01", 2), (std::vector<std::int64_t>{inSquad_, inTeam2_}));
  EXPECT_EQ(subtree(north_, "2021-06-01", 2, inTeam2_), (std::vector<std::int64_t>{mover_}));
  EXPECT_EQ(subtree(team1_, "2021-06-01", 2), (std::vector<std::int64_t>{inSquad_, mover_}));
  EXPECT_EQ(subtree(team1_, "2021-06-01", 2, inSquad_), (std::vector<std::int64_t>{mover_}));
  EXPECT_EQ(subtree(team1_, "2021-06-01", 2, mover_), (std::vector<std::int64_t>{}));
}

TERRITORY_ON_EVERY_ENGINE(EmployeeStoreTest);

}  // namespace
}  // namespace cadre::territory::test
