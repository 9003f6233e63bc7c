// Onboarding plans on a real database: the plan a hire begins from the matching template, who
// ticks which task, completion, mentors, and the reminders of overdue tasks.
#include "onboarding_plans.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "cadre/dates.hpp"
#include "cadre/http.hpp"
#include "notification_outbox.hpp"
#include "notification_producers.hpp"
#include "onboarding_hire.hpp"
#include "onboarding_org.hpp"
#include "onboarding_templates.hpp"
#include "recruiting_database.hpp"

namespace cadre::recruiting::test {
namespace {

class OnboardingPlansTest : public ::testing::TestWithParam<std::string> {
 protected:
  OnboardingPlansTest() : db_(GetParam()), org_(db_) {}

  template <typename Work>
  auto templates(Work work) {
    return db_.inTx([&](Transaction& tx) {
      OnboardingTemplates templates(tx, db_.org(), db_.trail());
      return work(templates);
    });
  }

  template <typename Work>
  auto plans(Work work) {
    return db_.inTx([&](Transaction& tx) {
      OnboardingPlans plans(tx, db_.org(), db_.trail());
      return work(plans);
    });
  }

  static Caller hr() { return {"hr", Role::Hr, true, std::nullopt}; }
  static Caller as(const std::string& name, std::int64_t employeeId) {
    return {name, Role::Employee, false, employeeId};
  }

  /// A program of two weeks, and the position's template: IT three days before the start, then
  /// the new hire, the manager and the mentor.
  std::int64_t positionTemplate() {
    return templates([&](OnboardingTemplates& t) {
      auto program = t.createProgram({0, "SALES-101", "Sales basics", "", 14, 0});
      OnboardingTemplate draft;
      draft.name = "Account executives";
      draft.positionId = org_.position;
      draft.tasks = {{0, "Laptop and accounts", "", "it", -3, 1},
                     {0, "Read the handbook", "", "new_hire", 2, 2},
                     {0, "First one-to-one", "", "manager", 5, 3},
                     {0, "Shadow a customer call", "", "mentor", 10, 4}};
      draft.trainingProgramIds = {program.id};
      return t.create(draft).id;
    });
  }

  std::int64_t companyTemplate() {
    return templates([&](OnboardingTemplates& t) {
      OnboardingTemplate draft;
      draft.name = "Everyone";
      draft.orgUnitId = org_.company;
      draft.tasks = {{0, "Welcome day", "", "hr", 0, 1}};
      return t.create(draft).id;
    });
  }

  /// Hires Nia into the position and begins her plan, starting on `start`.
  OnboardingPlan hireIntoPosition(const std::string& start = "2026-03-02") {
    newHire_ = org_.hire("N1", "Nia", "Newcomer", org_.position, org_.manager);
    HireFacts hire;
    hire.employeeId = newHire_;
    hire.startDate = start;
    hire.positionId = org_.position;
    hire.orgUnitId = org_.team;
    hire.managerEmployeeId = org_.manager;
    return plans([&](OnboardingPlans& p) { return p.begin(hire); });
  }

  std::vector<PlanTask> tasksAs(const OnboardingPlan& plan, const Caller& caller) {
    return plans([&](OnboardingPlans& p) { return p.tasks(plan, caller); });
  }

  PlanTask taskTitled(const OnboardingPlan& plan, const std::string& title) {
    for (const auto& task : tasksAs(plan, hr())) {
      if (task.title == title) return task;
    }
    ADD_FAILURE() << "no task " << title;
    return {};
  }

  /// The status of what `work` throws as an HttpError; 0 when it throws none.
  template <typename Work>
  int statusOf(Work work) {
    try {
      work();
    } catch (const HttpError& e) {
      return e.status();
    }
    return 0;
  }

  bool published(const std::string& topic) {
    return std::any_of(db_.events.begin(), db_.events.end(),
                       [&](const std::string& e) { return e.rfind(topic + " ", 0) == 0; });
  }

  RecruitingDatabase db_;
  OnboardingOrg org_;
  std::int64_t newHire_ = 0;
};

TEST_P(OnboardingPlansTest, AHireBeginsThePlanOfItsPositionsTemplate) {
  companyTemplate();
  auto templateId = positionTemplate();
  auto plan = hireIntoPosition("2026-03-02");

  EXPECT_EQ(plan.templateId, templateId);
  EXPECT_EQ(plan.employeeId, newHire_);
  EXPECT_EQ(plan.managerEmployeeId, org_.manager);
  EXPECT_EQ(plan.startDate, "2026-03-02");
  EXPECT_EQ(plan.progress.tasks, 4);
  EXPECT_EQ(plan.progress.done, 0);
  std::vector<std::string> rows;
  for (const auto& t : tasksAs(plan, hr())) {
    rows.push_back(t.title + " " + t.ownerRole + " " + t.dueDate + " " +
                   (t.ownerEmployeeId ? std::to_string(*t.ownerEmployeeId) : "-"));
  }
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "Laptop and accounts it 2026-02-27 -",
                      "Read the handbook new_hire 2026-03-04 " + std::to_string(newHire_),
                      "First one-to-one manager 2026-03-07 " + std::to_string(org_.manager),
                      "Shadow a customer call mentor 2026-03-12 -"}));
  auto trainings = plans([&](OnboardingPlans& p) { return p.trainings(plan); });
  ASSERT_EQ(trainings.size(), 1u);
  EXPECT_EQ(trainings[0].code, "SALES-101");
  EXPECT_EQ(trainings[0].dueDate, "2026-03-16");
  EXPECT_TRUE(published("recruiting.onboarding-plan.created"));

  HireFacts again;
  again.employeeId = newHire_;
  again.startDate = "2026-03-02";
  EXPECT_EQ(plans([&](OnboardingPlans& p) { return p.begin(again); }).id, plan.id);
}

TEST_P(OnboardingPlansTest, TheNearestTemplateUpTheTreeWinsAndWithoutOneThePlanIsEmpty) {
  auto everyone = companyTemplate();
  auto plan = hireIntoPosition();
  EXPECT_EQ(plan.templateId, everyone);
  EXPECT_EQ(taskTitled(plan, "Welcome day").dueDate, "2026-03-02");

  auto elsewhere = db_.inTx([&](Transaction& tx) {
    return territory::OrgTree(tx)
        .create({"OTHER", "Other company", "company", std::nullopt, std::nullopt, "2020-01-01"})
        .id;
  });
  auto loner = org_.hire("L1", "Lee", "Loner", std::nullopt, std::nullopt);
  HireFacts hire;
  hire.employeeId = loner;
  hire.startDate = "2026-04-01";
  hire.orgUnitId = elsewhere;
  auto empty = plans([&](OnboardingPlans& p) { return p.begin(hire); });
  EXPECT_EQ(empty.templateId, std::nullopt);
  EXPECT_EQ(empty.progress.tasks, 0);
  EXPECT_EQ(empty.completedAt, std::nullopt);
}

TEST_P(OnboardingPlansTest, TheMentorNamedLaterTakesOverTheMentorsOpenTasks) {
  positionTemplate();
  auto plan = hireIntoPosition();
  PlanPeople self;
  self.mentorEmployeeId = std::optional<std::int64_t>(newHire_);
  EXPECT_EQ(
      statusOf([&] {
        plans([&](OnboardingPlans& p) { return p.assign(plan.id, plan.version, self, hr()); });
      }),
      422);
  PlanPeople chen;
  chen.mentorEmployeeId = std::optional<std::int64_t>(org_.colleague);
  EXPECT_EQ(statusOf([&] {
              plans([&](OnboardingPlans& p) {
                return p.assign(plan.id, plan.version, chen, as("chen", org_.colleague));
              });
            }),
            403);
  auto named = plans([&](OnboardingPlans& p) {
    return p.assign(plan.id, plan.version, chen, as("maria", org_.manager));
  });
  EXPECT_EQ(named.mentorEmployeeId, org_.colleague);
  EXPECT_EQ(named.version, plan.version + 1);
  EXPECT_EQ(taskTitled(plan, "Shadow a customer call").ownerEmployeeId, org_.colleague);
  EXPECT_EQ(
      statusOf([&] {
        plans([&](OnboardingPlans& p) { return p.assign(plan.id, plan.version, chen, hr()); });
      }),
      409);
  // The mentor now sees the whole plan.
  EXPECT_EQ(tasksAs(named, as("chen", org_.colleague)).size(), 4u);
}

TEST_P(OnboardingPlansTest, TasksAreTickedByWhoOwnsThemAndAllDoneCompletesThePlan) {
  positionTemplate();
  auto plan = hireIntoPosition();
  auto nia = as("nia", newHire_);
  auto maria = as("maria", org_.manager);
  auto own = tasksAs(plan, nia);
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].title, "Read the handbook");
  EXPECT_EQ(
      statusOf([&] {
        plans([&](OnboardingPlans& p) { return p.require(plan.id, as("chen", org_.colleague)); });
      }),
      403);

  auto mark = [&](const std::string& title, const Caller& caller,
                  std::optional<std::int64_t> version = std::nullopt, bool done = true) {
    auto id = taskTitled(plan, title).id;
    return plans(
        [&](OnboardingPlans& p) { return p.markTask(plan.id, id, done, version, caller); });
  };
  auto read = mark("Read the handbook", nia);
  EXPECT_EQ(read.doneBy, "nia");
  EXPECT_TRUE(read.doneAt.has_value());
  EXPECT_EQ(statusOf([&] { mark("First one-to-one", nia); }), 403);
  EXPECT_EQ(statusOf([&] { mark("Laptop and accounts", maria); }), 403);
  mark("First one-to-one", maria);
  mark("Shadow a customer call", maria);
  auto laptop = taskTitled(plan, "Laptop and accounts");
  EXPECT_EQ(statusOf([&] { mark("Laptop and accounts", hr(), laptop.version + 1); }), 409);
  mark("Laptop and accounts", hr(), laptop.version);

  auto all = plans([&](OnboardingPlans& p) { return p.require(plan.id, hr()); });
  EXPECT_EQ(all.progress.done, 4);
  EXPECT_EQ(all.completedAt, std::nullopt) << "the training is still to do";
  plans([&](OnboardingPlans& p) {
    return p.markTraining(plan.id, p.trainings(plan)[0].programId, true, maria);
  });
  auto completed = plans([&](OnboardingPlans& p) { return p.require(plan.id, hr()); });
  EXPECT_TRUE(completed.completedAt.has_value());
  EXPECT_TRUE(published("recruiting.onboarding-plan.completed"));

  mark("Read the handbook", nia, std::nullopt, false);
  auto reopened = plans([&](OnboardingPlans& p) { return p.require(plan.id, hr()); });
  EXPECT_EQ(reopened.completedAt, std::nullopt);
  EXPECT_EQ(reopened.progress.done, 3);
}

TEST_P(OnboardingPlansTest, OverdueTasksAreRemindedOnceToWhoeverOwnsThem) {
  positionTemplate();
  auto plan = hireIntoPosition("2020-02-03");
  auto nia = as("nia", newHire_);
  auto handbook = taskTitled(plan, "Read the handbook").id;
  plans([&](OnboardingPlans& p) { return p.markTask(plan.id, handbook, true, std::nullopt, nia); });
  RoleMailboxes mailboxes{"people@example.com", "helpdesk@example.com"};
  auto queued = db_.inTx(
      [&](Transaction& tx) { return queueOverdueReminders(tx, db_.org(), mailboxes, today()); });
  EXPECT_EQ(queued, 3);
  auto sent = db_.inTx([&](Transaction& tx) { return OutboxStore(tx).list(std::nullopt, 0, 10); });
  std::vector<std::string> rows;
  for (const auto& n : sent) rows.push_back(n.content.recipientEmail + " " + n.content.subject);
  std::sort(rows.begin(), rows.end());
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "helpdesk@example.com Overdue onboarding task: Laptop and accounts",
                      "m1@example.com Overdue onboarding task: First one-to-one",
                      "people@example.com Overdue onboarding task: Shadow a customer call"}));
  auto mentorless = std::find_if(sent.begin(), sent.end(), [](const QueuedNotification& n) {
    return n.content.recipientEmail == "people@example.com";
  });
  EXPECT_NE(mentorless->content.body.find("for Nia Newcomer was due on 2020-02-13"),
            std::string::npos)
      << mentorless->content.body;
  EXPECT_NE(mentorless->content.body.find("The plan names no mentor yet"), std::string::npos);
  EXPECT_EQ(db_.inTx([&](Transaction& tx) {
    return queueOverdueReminders(tx, db_.org(), mailboxes, today());
  }),
            0);
}

RECRUITING_ON_EVERY_ENGINE(OnboardingPlansTest);

TEST(HireEventTest, ThePayloadNamesTheHireAndAMalformedOneIsRefused) {
  auto hire = hireFactsFrom(
      R"({"applicationId":7,"employeeId":42,"requisitionId":3,"startDate":"2026-03-02",)"
      R"("positionId":11,"orgUnitId":5,"managerEmployeeId":null,"candidateId":9})");
  EXPECT_EQ(hire.applicationId, 7);
  EXPECT_EQ(hire.employeeId, 42);
  EXPECT_EQ(hire.requisitionId, 3);
  EXPECT_EQ(hire.startDate, "2026-03-02");
  EXPECT_EQ(hire.positionId, 11);
  EXPECT_EQ(hire.orgUnitId, 5);
  EXPECT_EQ(hire.managerEmployeeId, std::nullopt);
  EXPECT_THROW(hireFactsFrom(R"({"startDate":"2026-03-02"})"), std::invalid_argument);
  EXPECT_THROW(hireFactsFrom(R"({"employeeId":42,"startDate":"2026-02-30"})"),
               std::invalid_argument);
  EXPECT_THROW(hireFactsFrom(R"({"employeeId":"42","startDate":"2026-03-02"})"),
               std::invalid_argument);
  EXPECT_THROW(hireFactsFrom("[1]"), std::invalid_argument);
}

}  // namespace
}  // namespace cadre::recruiting::test
