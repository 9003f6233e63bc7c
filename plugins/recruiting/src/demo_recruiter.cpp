// The demo's hiring story, step by step through the domain classes the API uses.
#include "demo_recruiter.hpp"

#include "application_access.hpp"
#include "approval_chain.hpp"
#include "candidates.hpp"
#include "change_log.hpp"
#include "hiring.hpp"
#include "interview_schedule.hpp"
#include "offers.hpp"
#include "onboarding_plan_store.hpp"
#include "onboarding_plans.hpp"
#include "onboarding_templates.hpp"
#include "pipeline.hpp"
#include "requisitions.hpp"
#include "scorecards.hpp"

namespace cadre::recruiting {

namespace {

constexpr const char* kActor = "demo";

const std::vector<Criterion>& demoCriteria() {
  static const std::vector<Criterion> criteria{
      {0, "Customer rapport", "Builds trust with buyers and store owners", 2.0},
      {0, "Market knowledge", "Knows the channel, the competitors and the prices", 1.5},
      {0, "Pipeline discipline", "Plans visits, logs them and follows up", 1.0}};
  return criteria;
}

std::string twoDigits(int value) {
  return (value < 10 ? "0" : "") + std::to_string(value);
}

bool interviewedFirst(DemoOutcome outcome) {
  return outcome == DemoOutcome::InterviewScored || outcome == DemoOutcome::OfferExtended ||
         outcome == DemoOutcome::OfferAwaitingApproval || outcome == DemoOutcome::Hired;
}

}  // namespace

DemoRecruiter::DemoRecruiter(Transaction& tx, territory::OrgDirectory& org, AuditTrail trail,
                             std::string anchor)
    : tx_(tx),
      org_(org),
      trail_(std::move(trail)),
      anchor_(std::move(anchor)),
      hr_{kActor, Role::Hr, true, std::nullopt} {}

std::string DemoRecruiter::day(int offset) const {
  return addDays(anchor_, offset);
}

void DemoRecruiter::prepareOnboarding(std::int64_t companyId) {
  OnboardingTemplates templates(tx_, org_, trail_);
  auto crm = templates.createProgram(
      {0, "CRM-101", "CRM and visit logging", "Accounts, visits and the daily journal", 7, 0});
  auto catalogue = templates.createProgram(
      {0, "PRODUCT-101", "Product catalogue", "Ranges, prices and promotions", 30, 0});
  OnboardingTemplate company;
  company.name = "Sales onboarding";
  company.orgUnitId = companyId;
  company.tasks = {{0, "Prepare the employment contract", "", "hr", -7, 1},
                   {0, "Laptop, phone, CRM and ERP accounts", "", "it", -3, 2},
                   {0, "Welcome meeting and first-week plan", "", "manager", 0, 3},
                   {0, "Ride along on three customer visits", "", "mentor", 10, 4},
                   {0, "Product catalogue self-study", "", "new_hire", 14, 5},
                   {0, "30-day review", "", "manager", 30, 6},
                   {0, "End-of-probation review", "", "hr", 60, 7}};
  company.trainingProgramIds = {crm.id, catalogue.id};
  templates.create(company);
}

Requisition DemoRecruiter::requisition(const DemoOpening& opening, const DemoTeam& team) {
  RequisitionDraft draft;
  draft.title = opening.title;
  draft.orgUnitId = team.unitId;
  draft.newPositionTitle = opening.newPositionTitle;
  draft.openings = opening.openings;
  draft.salaryMin = opening.salaryMin;
  draft.salaryMax = opening.salaryMax;
  draft.currency = opening.currency;
  draft.wantedStartDate = day(opening.startInDays);
  draft.description = opening.description;
  draft.criteria = demoCriteria();
  Requisitions requisitions(tx_, org_, trail_, hr_);
  auto made = requisitions.create(draft);
  made = requisitions.submit(made.id, std::nullopt);
  ++counts_.requisitions;
  if (opening.state == DemoRequisitionState::PendingApproval) return made;
  // Each step is decided by its own approver: the hiring manager, their manager, then HR.
  while (auto step =
             ApprovalChain::waiting(RequisitionStore(tx_).steps(made.id), made.approvalRound)) {
    Caller approver = step->approverRole == "hr"
                          ? hr_
                          : Caller{kActor, Role::Manager, false, step->approverEmployeeId};
    made = Requisitions(tx_, org_, trail_, approver)
               .approve(made.id, std::string("Budgeted in this year's plan"));
  }
  return made;
}

void DemoRecruiter::candidate(const DemoOpening& opening, const Requisition& requisition,
                              const DemoTeam& team, const DemoCandidate& c, int serial) {
  NewCandidate input;
  auto& p = input.profile;
  p.givenName = c.givenName;
  p.familyName = c.familyName;
  p.email = c.email;
  p.phone = c.phone;
  p.source = c.source;
  if (!c.sourceDetail.empty()) p.sourceDetail = c.sourceDetail;
  if (c.source == "referral") p.referrerEmployeeId = team.reps.back();
  if (c.sourceCost > 0) {
    p.sourceCost = c.sourceCost;
    p.sourceCurrency = opening.currency;
  }
  p.retentionUntil = day(730);
  input.consent = true;
  auto candidate = Candidates(tx_, org_, trail_, hr_).create(input);
  ++counts_.candidates;
  auto application =
      Pipeline(tx_, trail_, hr_).apply(candidate.id, requisition.id, "Applied through " + c.source);
  ++counts_.applications;
  const auto id = application.id;
  switch (c.outcome) {
    case DemoOutcome::Applied:
      return;
    case DemoOutcome::Withdrawn:
      return moveTo(id, "withdrawn", c.reason);
    case DemoOutcome::Rejected:
      moveTo(id, "screening");
      return moveTo(id, "rejected", c.reason);
    default:
      break;
  }
  moveTo(id, "screening");
  if (c.outcome == DemoOutcome::Screening) return;
  moveTo(id, "interview");
  if (c.outcome == DemoOutcome::InterviewScheduled) {
    schedule(id, team, day(2 + serial % 3), serial % 2 ? 7 : 3);
    return;
  }
  if (interviewedFirst(c.outcome)) {
    interviewed(id, requisition, team, serial, c.outcome != DemoOutcome::InterviewScored);
  }
  if (c.outcome == DemoOutcome::InterviewScored) return;
  moveTo(id, "offer");
  offer(opening, id, c.outcome);
  if (c.outcome == DemoOutcome::Hired) onboard(id, team);
}

void DemoRecruiter::moveTo(std::int64_t applicationId, const std::string& stage,
                           const std::string& reason) {
  Pipeline pipeline(tx_, trail_, hr_);
  auto version = pipeline.require(applicationId).version;
  MoveTarget target;
  target.code = stage;
  pipeline.move(applicationId, version, target,
                reason.empty() ? std::nullopt : std::optional<std::string>(reason));
}

Interview DemoRecruiter::schedule(std::int64_t applicationId, const DemoTeam& team,
                                  const std::string& date, int hourUtc) {
  InterviewPlan plan;
  plan.applicationId = applicationId;
  plan.startsAt = date + "T" + twoDigits(hourUtc) + ":00:00Z";
  plan.endsAt = date + "T" + twoDigits(hourUtc + 1) + ":00:00Z";
  plan.location = "Meeting room · " + team.name;
  plan.meetingLink = "https://meet.example.com/cadre-demo-" + std::to_string(applicationId);
  // The hiring manager and the team's first rep (the demo login "employee" in Hà Nội).
  plan.interviewerIds = {team.headId, team.reps.front()};
  ChangeLog log(tx_, trail_);
  auto facts = *findApplication(tx_, applicationId);
  ++counts_.interviews;
  return InterviewSchedule(tx_, org_, log, kActor).schedule(facts, plan).interview;
}

void DemoRecruiter::interviewed(std::int64_t applicationId, const Requisition& requisition,
                                const DemoTeam& team, int serial, bool convinced) {
  auto held = schedule(applicationId, team, day(-4 - serial % 3), 3);
  ChangeLog log(tx_, trail_);
  auto done = InterviewSchedule(tx_, org_, log, kActor).complete(held);
  auto facts = *findApplication(tx_, applicationId);
  const std::int64_t base = convinced ? 4 : 3;
  for (std::size_t who = 0; who < done.interviewerIds.size(); ++who) {
    ScorecardContent content;
    for (std::size_t k = 0; k < requisition.criteria.size(); ++k) {
      auto rating = base + static_cast<std::int64_t>((serial + k + who) % 2);
      content.ratings.push_back({requisition.criteria[k].id, rating, std::nullopt});
    }
    if (convinced) {
      content.recommendation = who == 0 ? "strong_yes" : "yes";
    } else {
      content.recommendation = who == 0 ? "yes" : "no";
    }
    content.notes = convinced ? std::string("Knows the customers; ready to start")
                              : std::string("Promising; wants a second conversation");
    Scorecards(tx_, log).write(done, facts, done.interviewerIds[who], content, true);
    ++counts_.scorecards;
  }
}

void DemoRecruiter::offer(const DemoOpening& opening, std::int64_t applicationId,
                          DemoOutcome outcome) {
  OfferTerms terms;
  bool aboveBand = outcome == DemoOutcome::OfferAwaitingApproval;
  terms.salary = aboveBand ? opening.salaryMax * 1.15 : (opening.salaryMin + opening.salaryMax) / 2;
  terms.currency = opening.currency;
  terms.startDate = day(outcome == DemoOutcome::Hired ? opening.hireStartInDays : 30);
  terms.terms = "Full time; two months' probation; phone and travel allowance";
  terms.expiresOn = day(7);
  ChangeLog log(tx_, trail_);
  Offers offers(tx_, log, kActor);
  auto made = offers.make(*findApplication(tx_, applicationId), terms);
  ++counts_.offers;
  if (aboveBand) return;  // waits for an approver other than its author
  made = offers.extend(*findApplication(tx_, applicationId), made);
  if (outcome != DemoOutcome::Hired) return;
  offers.accept(made);
  Hiring(tx_, org_, trail_, hr_).hire(*findApplication(tx_, applicationId), HireDetails{});
  ++counts_.hires;
}

void DemoRecruiter::onboard(std::int64_t applicationId, const DemoTeam& team) {
  // The plan was begun by the hire's event; without its handler there is nothing to advance.
  auto planId = OnboardingPlanStore(tx_).forApplication(applicationId);
  if (!planId) return;
  OnboardingPlans plans(tx_, org_, trail_);
  auto plan = plans.require(*planId, hr_);
  PlanPeople people;
  people.mentorEmployeeId = std::optional<std::int64_t>(team.reps.front());
  plan = plans.assign(plan.id, plan.version, people, hr_);
  // What was due by today is done, except the mentor's ride-along: one task is overdue.
  for (const auto& task : plans.tasks(plan, hr_)) {
    if (task.dueDate <= anchor_ && task.ownerRole != "mentor") {
      plans.markTask(plan.id, task.id, true, std::nullopt, hr_);
    }
  }
  for (const auto& training : plans.trainings(plan)) {
    if (training.dueDate && *training.dueDate < anchor_) {
      plans.markTraining(plan.id, training.programId, true, hr_);
    }
  }
}

}  // namespace cadre::recruiting
