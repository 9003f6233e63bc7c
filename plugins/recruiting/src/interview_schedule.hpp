#pragma once

#include <string>
#include <vector>

#include "application_access.hpp"
#include "cadre/territory/org_directory.hpp"
#include "change_log.hpp"
#include "interview.hpp"

namespace cadre::recruiting {

/// An interview as written, with the interviewers it double-books.
struct ScheduledInterview {
  Interview interview;
  std::vector<DoubleBooking> doubleBookings;
};

/// The rules of interviews: scheduled for an application still in the pipeline, with
/// interviewers who are employed on the day, ending after they start; a change of time, place,
/// link or interviewers (and a cancellation) is a new sequence of the calendar invitation.
/// Double-booked interviewers are reported, not refused. Every change goes to the change log
/// (recruiting.interview.scheduled, .changed, .cancelled, .completed). Throws HttpError (400
/// naming the field, 422 a rule) and leaves rollback to the caller's transaction.
class InterviewSchedule {
 public:
  InterviewSchedule(Transaction& tx, territory::OrgDirectory& org, ChangeLog& log,
                    std::string actor)
      : tx_(tx), org_(org), log_(log), actor_(std::move(actor)) {}

  ScheduledInterview schedule(const ApplicationFacts& application, const InterviewPlan& plan);
  ScheduledInterview change(const ApplicationFacts& application, const Interview& before,
                            const InterviewChange& change);
  Interview cancel(const Interview& before);
  /// Marks a scheduled interview done once it has begun.
  Interview complete(const Interview& before);

 private:
  void check(const InterviewPlan& plan);
  ScheduledInterview written(std::int64_t id);
  void requireScheduled(const Interview& interview, const std::string& what);
  Transaction& tx_;
  territory::OrgDirectory& org_;
  ChangeLog& log_;
  std::string actor_;
};

}  // namespace cadre::recruiting
