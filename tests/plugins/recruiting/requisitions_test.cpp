// Requisitions and their approval chain against real SQLite and PostgreSQL databases, with the
// territory plugin's real OrgDirectory underneath.
#include <gtest/gtest.h>

#include "cadre/dates.hpp"
#include "recruiting_database.hpp"
#include "requisition_store.hpp"
#include "requisitions.hpp"

namespace cadre::recruiting::test {
namespace {

class RequisitionsTest : public ::testing::TestWithParam<std::string> {
 protected:
  RequisitionsTest() : db_(GetParam()) {
    company_ = db_.headedUnit("ACME");
    team_ = db_.headedUnit("SALES", company_.unitId);
  }

  Caller hr() const { return {"hr", Role::Hr, true, std::nullopt}; }
  Caller manager(std::int64_t employeeId, const std::string& name) const {
    return {name, Role::Manager, false, employeeId};
  }
  /// The head of the team, who is the hiring manager of its requisitions.
  Caller lead() const { return manager(team_.headEmployeeId, "lead"); }
  /// The head of the company, the lead's manager.
  Caller ceo() const { return manager(company_.headEmployeeId, "ceo"); }

  template <typename Work>
  auto as(const Caller& caller, Work work) {
    return db_.inTx([&](Transaction& tx) {
      Requisitions requisitions(tx, db_.org(), db_.trail(), caller);
      return work(requisitions);
    });
  }

  /// The HttpError `work` throws as `caller` (fails the test when none).
  template <typename Work>
  HttpError refusal(const Caller& caller, Work work) {
    try {
      as(caller, [&](Requisitions& r) {
        work(r);
        return 0;
      });
    } catch (const HttpError& error) {
      return error;
    }
    ADD_FAILURE() << "expected an HttpError";
    return HttpError(0, "", "");
  }

  RequisitionDraft draft(std::int64_t openings = 1) const {
    RequisitionDraft d;
    d.title = "Account executive";
    d.orgUnitId = team_.unitId;
    d.newPositionTitle = "Account executive";
    d.openings = openings;
    d.salaryMin = 50000;
    d.salaryMax = 65000;
    d.currency = "EUR";
    d.wantedStartDate = "2030-03-01";
    d.criteria = {{0, "Negotiation", "", 2.0}, {0, "Product knowledge", "", 1.0}};
    return d;
  }

  std::int64_t created(const RequisitionDraft& d) {
    return as(hr(), [&](Requisitions& r) { return r.create(d).id; });
  }

  std::vector<ApprovalStep> steps(std::int64_t id) {
    return db_.inTx([&](Transaction& tx) { return RequisitionStore(tx).steps(id); });
  }

  /// "role:employee:decision" of each step.
  std::vector<std::string> decisions(std::int64_t id) {
    std::vector<std::string> out;
    for (const auto& s : steps(id)) {
      out.push_back(std::to_string(s.round) + ":" + s.approverRole + ":" +
                    (s.approverEmployeeId ? std::to_string(*s.approverEmployeeId) : "-") + ":" +
                    s.decision);
    }
    return out;
  }

  std::vector<std::string> topics() const {
    std::vector<std::string> out;
    for (const auto& e : db_.events) {
      if (e.rfind("recruiting.", 0) == 0) out.push_back(e.substr(0, e.find(' ')));
    }
    return out;
  }

  RecruitingDatabase db_;
  HeadedUnit company_;
  HeadedUnit team_;
};

TEST_P(RequisitionsTest, TheDefaultChainAsksTheHiringManagerThenTheirManagerThenHrInOrder) {
  auto id = created(draft());
  auto submitted = as(hr(), [&](Requisitions& r) { return r.submit(id, std::nullopt); });
  EXPECT_EQ(submitted.state, "pending_approval");
  EXPECT_EQ(submitted.hiringManagerId, team_.headEmployeeId);
  const auto lead = std::to_string(team_.headEmployeeId);
  const auto ceo = std::to_string(company_.headEmployeeId);
  EXPECT_EQ(decisions(id),
            (std::vector<std::string>{"1:hiring_manager:" + lead + ":pending",
                                      "1:manager:" + ceo + ":pending", "1:hr:-:pending"}));

  auto early = refusal(this->ceo(), [&](Requisitions& r) { r.approve(id, std::nullopt); });
  EXPECT_EQ(early.status(), 403);
  EXPECT_EQ(early.detail(), "step 1 of requisition " + std::to_string(id) + " waits for employee " +
                                lead + " (the hiring manager)");
  EXPECT_EQ(refusal(hr(), [&](Requisitions& r) { r.approve(id, std::nullopt); }).status(), 403);

  as(this->lead(), [&](Requisitions& r) { return r.approve(id, std::string("Needed for Q3")); });
  EXPECT_EQ(refusal(this->lead(), [&](Requisitions& r) { r.approve(id, std::nullopt); }).detail(),
            "step 2 of requisition " + std::to_string(id) + " waits for employee " + ceo +
                " (the hiring manager's manager)");
  as(this->ceo(), [&](Requisitions& r) { return r.approve(id, std::nullopt); });
  auto open = as(hr(), [&](Requisitions& r) { return r.approve(id, std::nullopt); });

  EXPECT_EQ(open.state, "open");
  EXPECT_TRUE(open.openedAt.has_value());
  auto all = steps(id);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].decision, "approved");
  EXPECT_EQ(all[0].comment, std::optional<std::string>("Needed for Q3"));
  EXPECT_EQ(all[0].decidedBy, std::optional<std::string>("lead"));
  EXPECT_EQ(all[1].decidedBy, std::optional<std::string>("ceo"));
  EXPECT_EQ(all[2].decidedBy, std::optional<std::string>("hr"));
  EXPECT_EQ(topics(), (std::vector<std::string>{
                          "recruiting.requisition.created", "recruiting.requisition.submitted",
                          "recruiting.requisition.approved", "recruiting.requisition.approved",
                          "recruiting.requisition.approved", "recruiting.requisition.opened"}));
}

TEST_P(RequisitionsTest, ARejectionEndsTheRoundAndAResubmissionStartsTheNextOne) {
  auto id = created(draft());
  as(hr(), [&](Requisitions& r) { return r.submit(id, std::nullopt); });
  as(lead(), [&](Requisitions& r) { return r.approve(id, std::nullopt); });
  auto rejected = as(ceo(), [&](Requisitions& r) { return r.reject(id, "Not this year"); });

  EXPECT_EQ(rejected.state, "draft");
  EXPECT_EQ(rejected.stateReason, std::optional<std::string>("Not this year"));
  const auto lead = std::to_string(team_.headEmployeeId);
  const auto ceo = std::to_string(company_.headEmployeeId);
  EXPECT_EQ(decisions(id),
            (std::vector<std::string>{"1:hiring_manager:" + lead + ":approved",
                                      "1:manager:" + ceo + ":rejected", "1:hr:-:skipped"}));
  auto late = refusal(hr(), [&](Requisitions& r) { r.approve(id, std::nullopt); });
  EXPECT_EQ(late.status(), 422);
  EXPECT_EQ(late.detail(), "requisition " + std::to_string(id) + " is draft, not pending approval");

  RequisitionEdit fewer;
  fewer.salaryMax = 60000;
  as(hr(), [&](Requisitions& r) { return r.edit(id, fewer); });
  auto again = as(hr(), [&](Requisitions& r) { return r.submit(id, std::nullopt); });
  EXPECT_EQ(again.approvalRound, 2);
  EXPECT_EQ(again.stateReason, std::nullopt);
  EXPECT_EQ(decisions(id).size(), 6u);
  EXPECT_EQ(decisions(id)[3], "2:hiring_manager:" + lead + ":pending");
}

TEST_P(RequisitionsTest, BeyondTheHeadcountPlanOnlyAnHrOverrideOpensTheWayAndIsRecorded) {
  // The team plans 3 people and has its head: room for 2, one of them taken by another
  // requisition already waiting for approval.
  db_.headcountPlan(team_.unitId, 3);
  auto other = created(draft(1));
  as(hr(), [&](Requisitions& r) { return r.submit(other, std::nullopt); });
  auto id = created(draft(2));

  auto refused = refusal(hr(), [&](Requisitions& r) { r.submit(id, std::nullopt); });
  EXPECT_EQ(refused.status(), 422);
  EXPECT_EQ(refused.detail(), "org unit " + std::to_string(team_.unitId) +
                                  " plans 3 people and has 1 on 2030-03-01; its other "
                                  "requisitions still fill 1 and this one asks for 2: beyond the "
                                  "headcount plan only with an HR override");
  ASSERT_EQ(refused.fields().size(), 1u);
  EXPECT_EQ(refused.fields()[0].field, "headcountOverride");
  auto untouched = as(hr(), [&](Requisitions& r) { return r.require(id); });
  EXPECT_EQ(untouched.state, "draft");
  EXPECT_EQ(untouched.version, 1);
  EXPECT_TRUE(steps(id).empty());

  auto submitted =
      as(hr(), [&](Requisitions& r) { return r.submit(id, std::string("Launch of the north")); });
  EXPECT_EQ(submitted.state, "pending_approval");
  auto grants = db_.inTx([&](Transaction& tx) { return RequisitionStore(tx).overrides(id); });
  ASSERT_EQ(grants.size(), 1u);
  EXPECT_EQ(grants[0].orgUnitId, team_.unitId);
  EXPECT_EQ(grants[0].plannedPositions, std::optional<std::int64_t>(3));
  EXPECT_EQ(grants[0].headcount, std::optional<std::int64_t>(1));
  EXPECT_EQ(grants[0].committedOpenings, 1);
  EXPECT_EQ(grants[0].requestedOpenings, 2);
  EXPECT_EQ(grants[0].reason, "Launch of the north");
  EXPECT_EQ(grants[0].grantedBy, "hr");
  EXPECT_NE(
      std::find(db_.audit().begin(), db_.audit().end(),
                "recruiting.requisition.headcount-overridden requisition " + std::to_string(id)),
      db_.audit().end());

  // The company has no plan: nothing to exceed.
  auto unplanned = draft(5);
  unplanned.orgUnitId = company_.unitId;
  auto free = created(unplanned);
  EXPECT_EQ(as(hr(), [&](Requisitions& r) { return r.submit(free, std::nullopt); }).state,
            "pending_approval");
}

TEST_P(RequisitionsTest, StatesMoveOnlyAlongTheAllowedTransitionsAndTheLastHireFillsIt) {
  auto d = draft(2);
  d.approvers = {{"hr", std::nullopt}};
  auto id = created(d);
  auto hold = refusal(hr(), [&](Requisitions& r) { r.hold(id, "budget"); });
  EXPECT_EQ(hold.status(), 422);
  EXPECT_EQ(hold.detail(),
            "requisition " + std::to_string(id) + " cannot go from draft to on_hold");
  ASSERT_EQ(hold.fields().size(), 1u);
  EXPECT_EQ(hold.fields()[0].field, "state");
  EXPECT_EQ(hold.fields()[0].message, "is draft; on_hold is reached from open");
  EXPECT_EQ(refusal(hr(), [&](Requisitions& r) { r.reopen(id); }).fields()[0].message,
            "is draft; open is reached from on_hold or pending_approval");

  as(hr(), [&](Requisitions& r) { return r.submit(id, std::nullopt); });
  auto edit = refusal(hr(), [&](Requisitions& r) { r.edit(id, RequisitionEdit{}); });
  EXPECT_EQ(edit.status(), 422);
  EXPECT_EQ(as(hr(), [&](Requisitions& r) { return r.approve(id, std::nullopt); }).state, "open");
  EXPECT_EQ(as(hr(), [&](Requisitions& r) { return r.hold(id, "budget freeze"); }).stateReason,
            std::optional<std::string>("budget freeze"));
  EXPECT_EQ(refusal(hr(), [&](Requisitions& r) { r.recordHire(id); }).detail(),
            "requisition " + std::to_string(id) +
                " is on_hold; only an open requisition is filled by a hire");
  EXPECT_EQ(as(hr(), [&](Requisitions& r) { return r.reopen(id); }).state, "open");

  auto one = as(hr(), [&](Requisitions& r) { return r.recordHire(id); });
  EXPECT_EQ(one.state, "open");
  EXPECT_EQ(one.filled, 1);
  auto filled = as(hr(), [&](Requisitions& r) { return r.recordHire(id); });
  EXPECT_EQ(filled.state, "filled");
  EXPECT_TRUE(filled.filledAt.has_value());
  EXPECT_EQ(filled.timeToFillDays, std::optional<std::int64_t>(0));
  EXPECT_EQ(refusal(hr(), [&](Requisitions& r) { r.cancel(id, "late"); }).detail(),
            "requisition " + std::to_string(id) + " cannot go from filled to cancelled");

  auto draftId = created(draft());
  auto dropped = as(hr(), [&](Requisitions& r) { return r.cancel(draftId, "no budget"); });
  EXPECT_EQ(dropped.state, "cancelled");
  EXPECT_EQ(dropped.stateReason, std::optional<std::string>("no budget"));
  EXPECT_TRUE(dropped.cancelledAt.has_value());
}

TEST_P(RequisitionsTest, ADraftIsCheckedAgainstTheOrgWithEveryBadFieldNamed) {
  auto d = draft();
  d.orgUnitId = 999999;
  d.positionId = 888888;
  d.territoryId = 777777;
  d.approvers = {{"employee", 666666}, {"employee", std::nullopt}};
  d.salaryMax = 100;
  d.currency = "eur";
  d.openings = 0;
  d.criteria.push_back({0, "Negotiation", "", 0});
  auto refused = refusal(hr(), [&](Requisitions& r) { r.create(d); });
  EXPECT_EQ(refused.status(), 422);
  EXPECT_EQ(refused.detail(), "11 fields are invalid");
  std::vector<std::string> fields;
  for (const auto& f : refused.fields()) fields.push_back(f.field + ": " + f.message);
  EXPECT_EQ(fields,
            (std::vector<std::string>{
                "openings: must be between 1 and 10000", "salaryMax: must not be below salaryMin",
                "currency: must be an ISO 4217 code of three capital letters",
                "newPositionTitle: must not be given with positionId",
                "criteria[2].name: names another criterion again",
                "criteria[2].weight: must be above 0", "approvers[1].employeeId: is required",
                "orgUnitId: no org unit 999999 is open on " + today(),
                "positionId: no position 888888 is open on " + today(),
                "territoryId: there is no territory 777777",
                "approvers[0].employeeId: there is no employee 666666"}));
  auto none = db_.inTx([&](Transaction& tx) { return RequisitionStore(tx).list({}); });
  EXPECT_TRUE(none.empty());

  auto headless = draft();
  headless.orgUnitId = db_.inTx([&](Transaction& tx) {
    return territory::OrgTree(tx)
        .create({"EMPTY", "Empty", "team", company_.unitId, std::nullopt, "2020-01-01"})
        .id;
  });
  auto noHead = refusal(hr(), [&](Requisitions& r) { r.create(headless); });
  EXPECT_EQ(noHead.detail(), "field 'hiringManagerId' org unit " +
                                 std::to_string(headless.orgUnitId) +
                                 " has no head: name the hiring manager");
}

TEST_P(RequisitionsTest, OnlyHrTheHiringManagerAndTheApproversSeeARequisition) {
  auto id = created(draft());
  auto stranger = db_.employee("STRANGER", company_.unitId);
  auto seen = [&](const Caller& c) {
    return as(c, [&](Requisitions& r) { return r.visible(r.require(id)); });
  };
  EXPECT_TRUE(seen(hr()));
  EXPECT_TRUE(seen(lead()));
  EXPECT_FALSE(seen(ceo()));  // not asked before the submission
  EXPECT_FALSE(seen(manager(stranger, "stranger")));
  EXPECT_FALSE(seen({"nobody", Role::Manager, false, std::nullopt}));
  as(hr(), [&](Requisitions& r) { return r.submit(id, std::nullopt); });
  EXPECT_TRUE(seen(ceo()));

  auto listed = [&](std::int64_t employee) {
    RequisitionFilter filter;
    filter.visibleTo = employee;
    return db_.inTx([&](Transaction& tx) { return RequisitionStore(tx).list(filter).size(); });
  };
  EXPECT_EQ(listed(team_.headEmployeeId), 1u);
  EXPECT_EQ(listed(company_.headEmployeeId), 1u);
  EXPECT_EQ(listed(stranger), 0u);
}

RECRUITING_ON_EVERY_ENGINE(RequisitionsTest);

}  // namespace
}  // namespace cadre::recruiting::test
