#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "application_access.hpp"
#include "change_log.hpp"
#include "offers.hpp"
#include "org_tree.hpp"
#include "recruiting_database.hpp"
#include "recruiting_seed.hpp"
#include "staffing_plan.hpp"
#include "territory_models.hpp"

namespace cadre::recruiting::test {

/// A database on one engine with an org to hire into: a company unit headed by a hiring manager,
/// a vacant position in it, and territory T1 of the active model; plus requisitions, candidates,
/// applications and offers made in committed transactions of their own.
class HiringDatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  HiringDatabaseTest() : data_(GetParam()) {
    unitId_ = data_.inTx([&](Transaction& tx) {
      return territory::OrgTree(tx)
          .create({"ACME", "Acme Sales", "company", std::nullopt, std::nullopt, "2020-01-01"})
          .id;
    });
    managerId_ = employee("M1", std::nullopt);
    positionId_ = position("Account Executive");
    territoryId_ = data_.inTx([&](Transaction& tx) {
      territory::TerritoryModels models(tx, "tester");
      auto model = models.create("2020", "2020-01-01");
      return models.createTerritory({model.id, "T1", "North", "geo", std::nullopt}).id;
    });
  }

  template <typename Work>
  auto inTx(Work work) {
    return data_.db().inTransaction([&](Transaction& tx) { return work(tx); });
  }

  /// An employee of the company from 2020-01-01, optionally seated in T1.
  std::int64_t employee(const std::string& number, std::optional<territory::TerritorySeat> seat,
                        std::optional<std::int64_t> positionId = std::nullopt) {
    return inTx([&](Transaction& tx) {
      return data_.org()
          .hire(tx, {number, "Given" + number, "Family", number + "@example.com", "", "", "", {}},
                {positionId, unitId_, std::nullopt, "", "2020-01-01", "hire"}, seat, "tester")
          .id;
    });
  }

  std::int64_t position(const std::string& title) {
    return inTx([&](Transaction& tx) {
      territory::Position draft;
      draft.orgUnitId = unitId_;
      draft.title = title;
      draft.budgetedCost = 60000;
      draft.openedOn = "2020-01-01";
      return territory::StaffingPlan(tx).open(draft).id;
    });
  }

  /// An open requisition of the company, by default for the vacant position in T1.
  RequisitionSeed seed() {
    RequisitionSeed seed;
    seed.orgUnitId = unitId_;
    seed.positionId = positionId_;
    seed.territoryId = territoryId_;
    seed.hiringManagerId = managerId_;
    return seed;
  }

  std::int64_t requisition(const RequisitionSeed& seed) {
    return inTx([&](Transaction& tx) { return RecruitingSeed(tx).requisition(seed); });
  }

  /// A candidate with an application in the interview stage of the requisition.
  std::int64_t applicant(std::int64_t requisitionId, const std::string& given,
                         const std::string& email) {
    return inTx([&](Transaction& tx) {
      RecruitingSeed seed(tx);
      return seed.application(seed.candidate(given, "Lovelace", email), requisitionId);
    });
  }

  ApplicationFacts facts(std::int64_t applicationId) {
    return inTx([&](Transaction& tx) { return *findApplication(tx, applicationId); });
  }

  /// Runs `work` with an Offers of `actor` in a committed transaction.
  template <typename Work>
  Offer offers(const std::string& actor, Work work) {
    return inTx([&](Transaction& tx) {
      ChangeLog log(tx, data_.trail());
      Offers offers(tx, log, actor);
      return work(offers);
    });
  }

  /// Terms inside the default band, starting 2026-03-02, open until 2099.
  static OfferTerms terms(double salary = 60000) {
    return {salary, "EUR", "2026-03-02", "Base salary, 30 days of leave", "2099-12-31"};
  }

  /// An offer made, extended and accepted.
  Offer acceptedOffer(std::int64_t applicationId, double salary = 60000) {
    auto application = facts(applicationId);
    auto made = offers("hr1", [&](Offers& o) { return o.make(application, terms(salary)); });
    if (made.state == "pending_approval") {
      made = offers("hr2", [&](Offers& o) { return o.approve(made, std::nullopt); });
    }
    auto extended = offers("hr1", [&](Offers& o) { return o.extend(application, made); });
    return offers("hr1", [&](Offers& o) { return o.accept(extended); });
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

  RecruitingDatabase data_;
  std::int64_t unitId_ = 0;
  std::int64_t managerId_ = 0;
  std::int64_t positionId_ = 0;
  std::int64_t territoryId_ = 0;
};

}  // namespace cadre::recruiting::test
