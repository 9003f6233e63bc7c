#include "interview_schedule.hpp"

#include <set>

#include <Poco/UUIDGenerator.h>

#include "cadre/dates.hpp"
#include "cadre/http.hpp"
#include "interview_json.hpp"
#include "interview_store.hpp"

namespace cadre::recruiting {

void InterviewSchedule::check(const InterviewPlan& plan) {
  if (plan.endsAt <= plan.startsAt) {
    throw HttpError::badRequest("an interview must end after it starts",
                                {{"endsAt", "not after startsAt"}});
  }
  if (plan.interviewerIds.empty()) {
    throw HttpError::badRequest("an interview needs at least one interviewer",
                                {{"interviewerIds", "empty"}});
  }
  const std::string day = plan.startsAt.substr(0, 10);
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < plan.interviewerIds.size(); ++i) {
    auto id = plan.interviewerIds[i];
    const std::string field = "interviewerIds[" + std::to_string(i) + "]";
    if (!seen.insert(id).second) {
      throw HttpError::badRequest("employee " + std::to_string(id) + " is named twice",
                                  {{field, "named twice"}});
    }
    auto employee = org_.findEmployee(tx_, id, day);
    if (!employee) {
      throw HttpError::unprocessable("there is no employee " + std::to_string(id),
                                     {{field, "no such employee"}});
    }
    if (employee->status == "terminated" || employee->hireDate > day) {
      throw HttpError::unprocessable(
          "employee " + std::to_string(id) + " is not employed on " + day,
          {{field, "not employed on " + day}});
    }
  }
}

void InterviewSchedule::requireScheduled(const Interview& interview, const std::string& what) {
  if (interview.state != "scheduled") {
    throw HttpError::unprocessable("interview " + std::to_string(interview.id) + " is " +
                                   interview.state + " and cannot be " + what);
  }
}

ScheduledInterview InterviewSchedule::written(std::int64_t id) {
  InterviewStore store(tx_);
  auto interview = *store.find(id);
  return {interview, store.overlapping(interview.interviewerIds, interview.startsAt,
                                       interview.endsAt, interview.id)};
}

ScheduledInterview InterviewSchedule::schedule(const ApplicationFacts& application,
                                               const InterviewPlan& plan) {
  requireActive(application);
  check(plan);
  Interview interview;
  static_cast<InterviewPlan&>(interview) = plan;
  interview.icsUid =
      Poco::UUIDGenerator::defaultGenerator().createRandom().toString() + "@cadre.recruiting";
  interview.createdAt = nowTimestamp();
  interview.createdBy = actor_;
  auto result = written(InterviewStore(tx_).insert(interview));
  log_.record("interview", "scheduled", result.interview.id, nullptr,
              interviewJson(result.interview));
  return result;
}

ScheduledInterview InterviewSchedule::change(const ApplicationFacts& application,
                                             const Interview& before,
                                             const InterviewChange& change) {
  requireScheduled(before, "changed");
  requireActive(application);
  Interview after = before;
  if (change.startsAt) after.startsAt = *change.startsAt;
  if (change.endsAt) after.endsAt = *change.endsAt;
  if (change.location) after.location = *change.location;
  if (change.meetingLink) after.meetingLink = *change.meetingLink;
  if (change.interviewerIds) after.interviewerIds = *change.interviewerIds;
  check(after);
  std::set<std::int64_t> oldPanel(before.interviewerIds.begin(), before.interviewerIds.end());
  std::set<std::int64_t> newPanel(after.interviewerIds.begin(), after.interviewerIds.end());
  if (after.startsAt == before.startsAt && after.endsAt == before.endsAt &&
      after.location == before.location && after.meetingLink == before.meetingLink &&
      oldPanel == newPanel) {
    throw HttpError::unprocessable("the change leaves interview " + std::to_string(before.id) +
                                   " as it is");
  }
  after.icsSequence = before.icsSequence + 1;
  InterviewStore(tx_).update(after);
  auto result = written(before.id);
  log_.record("interview", "changed", before.id, interviewJson(before),
              interviewJson(result.interview));
  return result;
}

Interview InterviewSchedule::cancel(const Interview& before) {
  requireScheduled(before, "cancelled");
  Interview after = before;
  after.state = "cancelled";
  after.icsSequence = before.icsSequence + 1;
  InterviewStore store(tx_);
  store.update(after);
  auto stored = *store.find(before.id);
  log_.record("interview", "cancelled", before.id, interviewJson(before), interviewJson(stored));
  return stored;
}

Interview InterviewSchedule::complete(const Interview& before) {
  requireScheduled(before, "completed");
  if (before.startsAt > nowTimestamp()) {
    throw HttpError::unprocessable("interview " + std::to_string(before.id) +
                                   " has not begun yet (it starts at " + before.startsAt + ")");
  }
  Interview after = before;
  after.state = "done";
  InterviewStore store(tx_);
  store.update(after);
  auto stored = *store.find(before.id);
  log_.record("interview", "completed", before.id, interviewJson(before), interviewJson(stored));
  return stored;
}

}  // namespace cadre::recruiting
