// Applications moving through a requisition's stages, the board, and configurable stages,
// against real SQLite and PostgreSQL databases.
#include "application_store.hpp"
#include "pipeline_fixture.hpp"
#include "stage_templates.hpp"

namespace cadre::recruiting::test {
namespace {

class PipelineTest : public PipelineFixture {
 protected:
  /// "from>to:by:reason" of each move of an application.
  std::vector<std::string> history(std::int64_t applicationId) {
    std::vector<std::string> out;
    for (const auto& m : pipeline(hr(), [&](Pipeline& p) { return p.moves(applicationId); })) {
      out.push_back((m.from ? m.from->code : "-") + ">" + m.to.code + ":" + m.movedBy + ":" +
                    m.reason.value_or("-"));
    }
    return out;
  }

  template <typename Work>
  auto templates(Work work) {
    return db_.inTx([&](Transaction& tx) {
      StageTemplates domain(tx, db_.trail());
      return work(domain);
    });
  }

  std::int64_t requisitionVersion(std::int64_t id) {
    return db_.inTx([&](Transaction& tx) { return ApplicationStore(tx).requisition(id)->version; });
  }
};

TEST_P(PipelineTest, ACandidateAppliesOnceToAnOpenRequisitionAndStartsInItsFirstStage) {
  auto open = requisition();
  auto draft = requisition(false);
  auto ana = candidate("Ana", "Silva", "ana@example.com");
  auto application = apply(ana.id, open);
  EXPECT_EQ(application.stage.code, "applied");
  EXPECT_EQ(application.furthestOrder, 1);
  EXPECT_EQ(application.givenName, "Ana");
  EXPECT_EQ(history(application.id), (std::vector<std::string>{"->applied:hr:-"}));

  auto twice = refusal([&] { apply(ana.id, open); });
  EXPECT_EQ(twice.status(), 409);
  EXPECT_EQ(twice.detail(), "candidate " + std::to_string(ana.id) + " applied to requisition " +
                                std::to_string(open) + " already: application " +
                                std::to_string(application.id));
  auto closed = refusal([&] { apply(ana.id, draft); });
  EXPECT_EQ(closed.status(), 422);
  EXPECT_EQ(closed.detail(), "requisition " + std::to_string(draft) +
                                 " is draft; candidates apply to open requisitions");
  EXPECT_EQ(refusal([&] { apply(999999, open); }).status(), 404);
  auto outsider = refusal([&] {
    pipeline(other(), [&](Pipeline& p) { return p.apply(ana.id, draft, std::nullopt); });
  });
  EXPECT_EQ(outsider.status(), 403);
}

TEST_P(PipelineTest, EveryMoveRecordsWhoWhenAndWhyAndTheFurthestStageStays) {
  auto application = apply(candidate("Ana", "Silva").id, requisition());
  move(application.id, "screening");
  move(application.id, "interview", "strong screening call");
  auto back = move(application.id, "screening", "second opinion wanted");
  EXPECT_EQ(back.stage.code, "screening");
  EXPECT_EQ(back.furthestOrder, 3);

  auto silent = refusal([&] { move(application.id, "rejected"); });
  EXPECT_EQ(silent.status(), 400);
  EXPECT_EQ(silent.detail(), "a move to rejected needs a reason");
  EXPECT_EQ(silent.fields()[0].field, "reason");
  auto rejected = move(application.id, "rejected", "salary expectations");
  EXPECT_EQ(rejected.closedReason, std::optional<std::string>("salary expectations"));
  EXPECT_EQ(refusal([&] { move(application.id, "withdrawn", "x"); }).detail(),
            "application " + std::to_string(application.id) +
                " is rejected already; reopen it into an active stage first");
  EXPECT_EQ(refusal([&] { move(application.id, "interview"); }).detail(),
            "a move out of rejected needs a reason");
  auto reopened = move(application.id, "interview", "budget raised");
  EXPECT_EQ(reopened.closedReason, std::nullopt);

  auto hiredByMove = refusal([&] { move(application.id, "hired"); });
  EXPECT_EQ(hiredByMove.status(), 422);
  EXPECT_EQ(hiredByMove.detail(),
            "an application is hired through its accepted offer, not moved there");
  EXPECT_EQ(refusal([&] { move(application.id, "nowhere"); }).fields()[0].field, "stage");

  auto hired = pipeline(
      hr(), [&](Pipeline& p) { return p.hire(application.id, repId_, "offer 7 accepted"); });
  EXPECT_EQ(hired.stage.code, "hired");
  EXPECT_EQ(hired.furthestOrder, 5);
  EXPECT_EQ(hired.hiredEmployeeId, std::optional<std::int64_t>(repId_));
  EXPECT_EQ(refusal([&] { move(application.id, "rejected", "late"); }).detail(),
            "application " + std::to_string(application.id) + " ended in a hire; it moves no more");

  EXPECT_EQ(history(application.id),
            (std::vector<std::string>{"->applied:hr:-", "applied>screening:hr:-",
                                      "screening>interview:hr:strong screening call",
                                      "interview>screening:hr:second opinion wanted",
                                      "screening>rejected:hr:salary expectations",
                                      "rejected>interview:hr:budget raised",
                                      "interview>hired:hr:offer 7 accepted"}));
  auto events = topics();
  EXPECT_EQ(
      std::vector<std::string>(events.end() - 3, events.end()),
      (std::vector<std::string>{"recruiting.application.rejected", "recruiting.application.moved",
                                "recruiting.application.hired"}));
}

TEST_P(PipelineTest, AStaleMoveIsRefusedAndAHeldRequisitionOnlyLetsCardsClose) {
  auto requisitionId = requisition();
  auto application = apply(candidate("Ana", "Silva").id, requisitionId);
  auto stale = refusal([&] {
    pipeline(hr(), [&](Pipeline& p) {
      p.move(application.id, application.version, {std::nullopt, "screening"}, std::nullopt);
      return p.move(application.id, application.version, {std::nullopt, "interview"}, std::nullopt);
    });
  });
  EXPECT_EQ(stale.status(), 409);
  // The transaction that met the conflict kept nothing.
  EXPECT_EQ(pipeline(hr(), [&](Pipeline& p) { return p.require(application.id); }).stage.code,
            "applied");

  db_.inTx([&](Transaction& tx) {
    return Requisitions(tx, db_.org(), db_.trail(), hr()).hold(requisitionId, "budget freeze").id;
  });
  EXPECT_EQ(refusal([&] { move(application.id, "screening"); }).detail(),
            "requisition " + std::to_string(requisitionId) +
                " is on_hold; its cards move again when it is open");
  EXPECT_EQ(move(application.id, "withdrawn", "found another job").stage.kind, "withdrawn");
}

TEST_P(PipelineTest, HrAndTheHiringManagerMoveCardsAndInterviewersSeeOnlyTheirCandidates) {
  auto requisitionId = requisition();
  auto seen = apply(candidate("Ana", "Silva").id, requisitionId);
  auto unseen = apply(candidate("Bo", "Ek").id, requisitionId);
  interview(seen.id, repId_);

  auto byLead = pipeline(lead(), [&](Pipeline& p) {
    return p.move(seen.id, seen.version, {std::nullopt, "screening"}, std::nullopt);
  });
  EXPECT_EQ(byLead.stage.code, "screening");
  EXPECT_EQ(history(seen.id).back(), "applied>screening:lead:-");
  auto byOther = refusal([&] {
    pipeline(other(), [&](Pipeline& p) {
      return p.move(unseen.id, unseen.version, {std::nullopt, "screening"}, std::nullopt);
    });
  });
  EXPECT_EQ(byOther.status(), 403);
  EXPECT_EQ(byOther.detail(), "applications to requisition " + std::to_string(requisitionId) +
                                  " are moved by HR and its hiring manager");
  EXPECT_EQ(refusal([&] {
              pipeline(rep(), [&](Pipeline& p) {
                return p.move(seen.id, byLead.version, {std::nullopt, "interview"}, std::nullopt);
              });
            }).status(),
            403);

  auto repSees = pipeline(rep(), [&](Pipeline& p) { return p.list({}); });
  ASSERT_EQ(repSees.size(), 1u);
  EXPECT_EQ(repSees[0].id, seen.id);
  EXPECT_EQ(pipeline(lead(), [&](Pipeline& p) { return p.list({}); }).size(), 2u);
  EXPECT_EQ(pipeline(other(), [&](Pipeline& p) { return p.list({}); }).size(), 0u);
  EXPECT_EQ(refusal([&] {
              pipeline(rep(), [&](Pipeline& p) { return p.requireVisible(unseen.id); });
            }).status(),
            403);
  EXPECT_EQ(candidates(rep(), [&](Candidates& c) { return c.requireVisible(seen.candidateId); })
                .givenName,
            "Ana");
  EXPECT_EQ(refusal([&] {
              candidates(rep(),
                         [&](Candidates& c) { return c.requireVisible(unseen.candidateId); });
            }).status(),
            403);
  EXPECT_EQ(candidates(rep(), [&](Candidates& c) { return c.list({}); }).size(), 1u);
  EXPECT_EQ(refusal([&] {
              pipeline(rep(), [&](Pipeline& p) { return p.board(requisitionId, 5); });
            }).status(),
            403);
}

TEST_P(PipelineTest, TheBoardCountsEveryStageAndPagesItsCards) {
  auto requisitionId = requisition();
  std::vector<Application> apps;
  for (const char* name : {"A", "B", "C", "D", "E"}) {
    apps.push_back(apply(candidate(name, "Test").id, requisitionId));
  }
  move(apps[1].id, "screening");
  move(apps[2].id, "screening");
  move(apps[3].id, "rejected", "no fit");
  auto board = pipeline(lead(), [&](Pipeline& p) { return p.board(requisitionId, 1); });
  std::vector<std::string> columns;
  for (const auto& c : board) {
    columns.push_back(c.stage.code + ":" + std::to_string(c.count) + ":" +
                      std::to_string(c.cards.size()));
  }
  // One card more than asked for tells the page has a next one.
  EXPECT_EQ(columns,
            (std::vector<std::string>{"applied:2:2", "screening:2:2", "interview:0:0", "offer:0:0",
                                      "hired:0:0", "rejected:1:1", "withdrawn:0:0"}));
  EXPECT_EQ(board[0].cards[0].id, apps[0].id);
  ApplicationFilter rest;
  rest.requisitionId = requisitionId;
  rest.stageId = board[0].stage.id;
  rest.afterId = apps[0].id;
  auto next = pipeline(hr(), [&](Pipeline& p) { return p.list(rest); });
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].id, apps[4].id);
}

// A rule without a database: it runs once, not per engine.
TEST(StageListTest, StageListsNeedOneOfEachEndAndActiveStagesFirst) {
  std::vector<StageSpec> stages{{"applied", "Applied", "active"},
                                {"hired", "Hired", "hired"},
                                {"Phone", "Phone", "active"},
                                {"applied", "Again", "active"},
                                {"rejected", "Rejected", "rejected"}};
  std::vector<std::string> problems;
  for (const auto& p : stageListProblems(stages)) problems.push_back(p.field + " " + p.message);
  EXPECT_EQ(problems, (std::vector<std::string>{
                          "stages[2].code must be lower-case letters, digits and _ (up to 40)",
                          "stages[2].kind active stages come before hired, rejected and withdrawn",
                          "stages[3].code is used by an earlier stage",
                          "stages[3].kind active stages come before hired, rejected and withdrawn",
                          "stages needs exactly one withdrawn stage"}));
}

TEST_P(PipelineTest, ARequisitionsStagesChangeByCodeAndThoseThatHeldApplicationsStay) {
  auto requisitionId = requisition();
  auto application = apply(candidate("Ana", "Silva").id, requisitionId);
  move(application.id, "screening");
  move(application.id, "interview");
  auto fieldSales = templates([&](StageTemplates& t) {
    StageTemplate draft;
    draft.name = "Field sales";
    draft.stages = {{"applied", "Applied", "active"},
                    {"phone", "Phone call", "active"},
                    {"ride_along", "Ride-along", "active"},
                    {"offer", "Offer", "active"},
                    {"hired", "Hired", "hired"},
                    {"rejected", "Rejected", "rejected"},
                    {"withdrawn", "Withdrawn", "withdrawn"}};
    return t.create(draft);
  });
  EXPECT_FALSE(fieldSales.isDefault);

  auto version = requisitionVersion(requisitionId);
  auto dropsUsed = refusal([&] {
    templates([&](StageTemplates& t) {
      return t.setRequisitionStages(requisitionId, version, {}, fieldSales.id);
    });
  });
  EXPECT_EQ(dropsUsed.status(), 422);
  EXPECT_EQ(dropsUsed.detail(), "stage screening holds or held applications; keep it");

  std::vector<StageSpec> own{{"applied", "Applied", "active"},
                             {"phone", "Phone call", "active"},
                             {"screening", "Screening", "active"},
                             {"interview", "Interview", "active"},
                             {"hired", "Hired", "hired"},
                             {"rejected", "Rejected", "rejected"},
                             {"withdrawn", "Withdrawn", "withdrawn"}};
  auto stale = refusal([&] {
    templates([&](StageTemplates& t) {
      return t.setRequisitionStages(requisitionId, version - 1, own, std::nullopt);
    });
  });
  EXPECT_EQ(stale.status(), 409);
  auto after = templates([&](StageTemplates& t) {
    return t.setRequisitionStages(requisitionId, version, own, std::nullopt);
  });
  std::vector<std::string> codes;
  for (const auto& s : after) codes.push_back(s.code + ":" + std::to_string(s.order));
  EXPECT_EQ(codes, (std::vector<std::string>{"applied:1", "phone:2", "screening:3", "interview:4",
                                             "hired:5", "rejected:6", "withdrawn:7"}));
  auto kept = pipeline(hr(), [&](Pipeline& p) { return p.require(application.id); });
  EXPECT_EQ(kept.stage.code, "interview");
  EXPECT_EQ(kept.stage.order, 4);
  EXPECT_EQ(kept.furthestOrder, 4);
  EXPECT_EQ(requisitionVersion(requisitionId), version + 1);
  EXPECT_EQ(move(application.id, "phone").stage.name, "Phone call");
}

TEST_P(PipelineTest, OneTemplateIsAlwaysTheDefault) {
  auto all = templates([](StageTemplates& t) { return t.list(); });
  ASSERT_EQ(all.size(), 1u);
  EXPECT_TRUE(all[0].isDefault);
  EXPECT_EQ(all[0].stages.size(), 7u);
  StageTemplate draft = all[0];
  draft.isDefault = false;
  auto cleared = refusal([&] {
    templates([&](StageTemplates& t) { return t.edit(all[0].id, all[0].version, draft); });
  });
  EXPECT_EQ(cleared.status(), 422);
  draft.name = "Short";
  draft.isDefault = true;
  draft.stages.erase(draft.stages.begin() + 1, draft.stages.begin() + 4);
  auto made = templates([&](StageTemplates& t) { return t.create(draft); });
  auto now = templates([](StageTemplates& t) { return t.list(); });
  EXPECT_FALSE(now[0].isDefault);
  EXPECT_TRUE(now[1].isDefault);
  EXPECT_EQ(now[1].id, made.id);
  // New requisitions copy the default template.
  auto requisitionId = requisition();
  auto stages = pipeline(hr(), [&](Pipeline& p) { return p.stages(requisitionId); });
  ASSERT_EQ(stages.size(), 4u);
  EXPECT_EQ(stages[1].code, "hired");
  EXPECT_EQ(
      refusal([&] { templates([&](StageTemplates& t) { return t.create(draft); }); }).status(),
      409);
}

RECRUITING_ON_EVERY_ENGINE(PipelineTest);

}  // namespace
}  // namespace cadre::recruiting::test
