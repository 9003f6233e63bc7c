#pragma once

#include <cstdint>
#include <string>

#include "org_tree.hpp"
#include "recruiting_database.hpp"
#include "staffing_plan.hpp"

namespace cadre::recruiting::test {

/// A small org for onboarding tests, made through the territory plugin's own code: a company,
/// its sales branch, a team below it with a position, and two people in sales (a manager and a
/// colleague who can mentor), each with a mail address.
struct OnboardingOrg {
  std::int64_t company = 0;
  std::int64_t sales = 0;
  std::int64_t team = 0;
  std::int64_t position = 0;
  std::int64_t manager = 0;
  std::int64_t colleague = 0;

  explicit OnboardingOrg(RecruitingDatabase& db) : db_(db) {
    db.inTx([&](Transaction& tx) {
      territory::OrgTree tree(tx);
      company = tree.create({"CO", "Company", "company", std::nullopt, std::nullopt, kOpened}).id;
      sales = tree.create({"SALES", "Sales", "branch", company, std::nullopt, kOpened}).id;
      team = tree.create({"NORTH", "North", "team", sales, std::nullopt, kOpened}).id;
      territory::Position draft;
      draft.orgUnitId = team;
      draft.title = "Account executive";
      draft.budgetedCost = 60000;
      draft.openedOn = kOpened;
      position = territory::StaffingPlan(tx).open(draft).id;
    });
    manager = hire("M1", "Maria", "Sales", std::nullopt, std::nullopt);
    colleague = hire("C1", "Chen", "Colleague", std::nullopt, manager);
  }

  /// Hires a person into the sales branch (or `positionId`) under `managerId` from 2020-01-02;
  /// their mail address is <number>@example.com in lower case.
  std::int64_t hire(const std::string& number, const std::string& given, const std::string& family,
                    std::optional<std::int64_t> positionId, std::optional<std::int64_t> managerId,
                    const std::string& date = "2020-01-02") {
    return db_.inTx([&](Transaction& tx) {
      territory::NewEmployee person;
      person.employeeNumber = number;
      person.givenName = given;
      person.familyName = family;
      person.email = mailOf(number);
      territory::Placement placement;
      placement.positionId = positionId;
      if (!positionId) placement.orgUnitId = sales;
      placement.managerId = managerId;
      placement.effectiveDate = date;
      placement.reason = "hire";
      return db_.org().hire(tx, person, placement, std::nullopt, "test").id;
    });
  }

  static std::string mailOf(std::string number) {
    for (auto& c : number) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return number + "@example.com";
  }

  static constexpr const char* kOpened = "2020-01-01";

 private:
  RecruitingDatabase& db_;
};

}  // namespace cadre::recruiting::test
