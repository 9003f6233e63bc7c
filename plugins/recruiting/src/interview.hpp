#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cadre::recruiting {

/// What HR or the hiring manager writes of an interview. Times are UTC instants
/// ("2026-11-26T09:30:00Z"); a place, a link or both.
struct InterviewPlan {
  std::int64_t applicationId = 0;
  std::string startsAt;
  std::string endsAt;
  std::optional<std::string> location;
  std::optional<std::string> meetingLink;
  /// Employees of the territory plugin, at least one, each once.
  std::vector<std::int64_t> interviewerIds;
};

/// An interview as stored.
struct Interview : InterviewPlan {
  std::int64_t id = 0;
  /// scheduled, cancelled or done.
  std::string state = "scheduled";
  /// The calendar UID of its invitation; the sequence grows with each change a calendar must
  /// pick up (a new time or place, a cancellation).
  std::string icsUid;
  std::int64_t icsSequence = 0;
  std::string createdAt;
  std::string createdBy;
  std::int64_t version = 0;
};

/// A change to an interview; unset members keep their value.
struct InterviewChange {
  std::optional<std::string> startsAt;
  std::optional<std::string> endsAt;
  /// An engaged optional holding std::nullopt clears the value.
  std::optional<std::optional<std::string>> location;
  std::optional<std::optional<std::string>> meetingLink;
  std::optional<std::vector<std::int64_t>> interviewerIds;
};

/// Another interview of an interviewer that overlaps the one being scheduled: a warning, not a
/// refusal (people do move meetings).
struct DoubleBooking {
  std::int64_t interviewerId = 0;
  std::int64_t interviewId = 0;
  std::string startsAt;
  std::string endsAt;
};

/// Filters of an interview list; unset ones do not filter.
struct InterviewFilter {
  std::optional<std::int64_t> applicationId;
  std::optional<std::int64_t> interviewerId;
  std::optional<std::string> state;
  /// Interviews starting at or after this instant, and before `startsBefore`.
  std::optional<std::string> startsFrom;
  std::optional<std::string> startsBefore;
  /// Only those this employee interviews for or runs as hiring manager (a non-HR view).
  std::optional<std::int64_t> visibleTo;
  std::int64_t afterId = 0;
  std::int64_t limit = 50;
};

}  // namespace cadre::recruiting
