#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "interview.hpp"

namespace cadre::recruiting {

/// The SQL of interviews and their interviewers.
class InterviewStore {
 public:
  explicit InterviewStore(Transaction& tx) : tx_(tx) {}

  std::optional<Interview> find(std::int64_t id);
  /// In id order, at most filter.limit.
  std::vector<Interview> list(const InterviewFilter& filter);
  /// Inserts the interview and its interviewers; returns the id.
  std::int64_t insert(const Interview& interview);
  /// Writes times, place, link, state and calendar sequence, replaces the interviewers and
  /// bumps the version.
  void update(const Interview& interview);
  /// Scheduled interviews other than `exceptId` of these employees that overlap [startsAt,
  /// endsAt), by interviewer and start.
  std::vector<DoubleBooking> overlapping(const std::vector<std::int64_t>& employeeIds,
                                         const std::string& startsAt, const std::string& endsAt,
                                         std::int64_t exceptId);

 private:
  std::vector<std::int64_t> interviewersOf(std::int64_t interviewId);
  void writeInterviewers(std::int64_t interviewId, const std::vector<std::int64_t>& employeeIds);
  Transaction& tx_;
};

}  // namespace cadre::recruiting
