#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "account_store.hpp"
#include "assignment_rules.hpp"
#include "org_database.hpp"
#include "org_tree.hpp"
#include "rep_seats.hpp"
#include "territory_models.hpp"
#include "workforce.hpp"

namespace cadre::territory::test {

/// A database on one engine with small helpers that build a sales org: models, territories,
/// accounts, rules, employees and seats, each in its own committed transaction.
class SalesTest : public ::testing::TestWithParam<std::string> {
 protected:
  SalesTest() : org_(GetParam()) {}

  template <typename Work>
  auto inTx(Work work) {
    return org_.db().inTransaction([&](Transaction& tx) { return work(tx); });
  }

  TerritoryModel model(const std::string& name) {
    return inTx(
        [&](Transaction& tx) { return TerritoryModels(tx, "tester").create(name, "2020-01-01"); });
  }

  std::int64_t territory(std::int64_t modelId, const std::string& code,
                         std::optional<std::int64_t> parent = std::nullopt,
                         const std::string& type = "geo") {
    return inTx([&](Transaction& tx) {
      return TerritoryModels(tx, "tester")
          .createTerritory({modelId, code, code + " territory", type, parent})
          .id;
    });
  }

  std::int64_t account(const std::string& name, const std::string& region,
                       const std::string& postalCode, const std::string& status = "prospect",
                       double potential = 100, const std::string& industry = "retail",
                       const std::string& size = "small") {
    return inTx([&](Transaction& tx) {
      Account a;
      a.name = name;
      a.region = region;
      a.postalCode = postalCode;
      a.industry = industry;
      a.size = size;
      a.status = status;
      a.potential = potential;
      return AccountStore(tx).insert(a);
    });
  }

  std::int64_t rule(std::int64_t territoryId, std::int64_t priority,
                    std::optional<std::string> region,
                    std::optional<std::string> postalPrefix = std::nullopt) {
    return inTx([&](Transaction& tx) {
      RuleDraft d;
      d.territoryId = territoryId;
      d.priority = priority;
      d.region = region;
      d.postalPrefix = postalPrefix;
      return AccountPlacement(tx, "tester").createRule(d).id;
    });
  }

  std::vector<RuleMove> apply(std::int64_t modelId, const std::string& date,
                              bool overrideManual = false) {
    return inTx([&](Transaction& tx) {
      return AccountPlacement(tx, "tester").apply(modelId, date, overrideManual);
    });
  }

  std::int64_t orgUnit(const std::string& code, std::optional<std::int64_t> parent) {
    return inTx([&](Transaction& tx) {
      return OrgTree(tx)
          .create({code, code + " unit", parent ? "team" : "company", parent, std::nullopt,
                   "2020-01-01"})
          .id;
    });
  }

  std::int64_t hire(const std::string& number, std::int64_t unit,
                    std::optional<std::int64_t> manager,
                    std::optional<TerritorySeat> seat = std::nullopt) {
    return inTx([&](Transaction& tx) {
      return Workforce(tx, org_.trail(), "tester")
          .hire({number, "Given" + number, "Family", number + "@example.com", "", "", "",
                 std::nullopt},
                {std::nullopt, unit, manager, "", "2020-01-01", "hire"}, seat)
          .id;
    });
  }

  RepSeat seat(std::int64_t territoryId, std::int64_t employeeId, const std::string& role,
               double split, const std::string& date = "2020-01-01") {
    return inTx([&](Transaction& tx) {
      RepSeat s;
      s.territoryId = territoryId;
      s.employeeId = employeeId;
      s.role = role;
      s.splitPercent = split;
      s.validFrom = date;
      return RepSeats(tx, "tester").place(s);
    });
  }

  /// The code of the territory an account is in on a date (models in force), "" when none.
  std::string territoryOn(std::int64_t accountId, const std::string& date) {
    return inTx([&](Transaction& tx) -> std::string {
      auto placed = AccountStore(tx).assignmentOn(accountId, date);
      if (!placed) return "";
      return TerritoryModelStore(tx).territory(placed->territoryId)->code;
    });
  }

  /// Runs `work` in a transaction and returns the HttpError it throws (fails when none).
  template <typename Work>
  HttpError refusal(Work work) {
    try {
      inTx([&](Transaction& tx) {
        work(tx);
        return 0;
      });
    } catch (const HttpError& error) {
      return error;
    }
    ADD_FAILURE() << "expected an HttpError";
    return HttpError(0, "", "");
  }

  OrgDatabase org_;
};

}  // namespace cadre::territory::test
