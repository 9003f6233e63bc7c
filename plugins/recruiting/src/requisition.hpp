#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cadre::recruiting {

/// One hiring standard: what every candidate of a requisition is measured against.
struct Criterion {
  std::int64_t id = 0;
  std::string name;
  std::string description;
  double weight = 1.0;
};

/// One approver of a chain configured for a requisition: an employee, or HR (any hr user).
struct ApproverSpec {
  /// employee or hr.
  std::string kind = "employee";
  std::optional<std::int64_t> employeeId;
};

/// What HR writes of a requisition: everything but its state and bookkeeping.
struct RequisitionDraft {
  std::string title;
  std::int64_t orgUnitId = 0;
  std::optional<std::int64_t> positionId;
  std::optional<std::string> newPositionTitle;
  std::optional<std::int64_t> territoryId;
  /// Unset: the head of the org unit.
  std::optional<std::int64_t> hiringManagerId;
  std::int64_t openings = 1;
  std::string employmentType = "full_time";
  double salaryMin = 0;
  double salaryMax = 0;
  std::string currency;
  std::string wantedStartDate;
  std::string description;
  std::vector<Criterion> criteria;
  /// Empty: the default chain (hiring manager, their manager, HR).
  std::vector<ApproverSpec> approvers;
};

/// A requisition as stored: the draft's content plus state and bookkeeping.
struct Requisition : RequisitionDraft {
  std::int64_t id = 0;
  std::int64_t filled = 0;
  /// draft, pending_approval, open, on_hold, filled or cancelled.
  std::string state = "draft";
  /// Why it was put on hold or cancelled.
  std::optional<std::string> stateReason;
  std::int64_t stageTemplateId = 0;
  /// The submission the approval steps belong to (0 before the first).
  std::int64_t approvalRound = 0;
  std::string createdAt;
  std::string createdBy;
  std::optional<std::string> submittedAt;
  std::optional<std::string> openedAt;
  std::optional<std::string> filledAt;
  std::optional<std::string> cancelledAt;
  /// Days from opening to the last opening filled.
  std::optional<std::int64_t> timeToFillDays;
  std::int64_t version = 0;
};

/// One step of an approval round: who decides, and what they decided.
struct ApprovalStep {
  std::int64_t id = 0;
  std::int64_t requisitionId = 0;
  std::int64_t round = 0;
  std::int64_t order = 0;
  /// hiring_manager, manager, employee (named in a configured chain) or hr.
  std::string approverRole;
  std::optional<std::int64_t> approverEmployeeId;
  /// pending, approved, rejected, or skipped (after a rejection earlier in the round).
  std::string decision = "pending";
  std::optional<std::string> comment;
  std::optional<std::string> decidedAt;
  std::optional<std::string> decidedBy;
};

/// A recorded HR decision to go beyond an org unit's headcount plan.
struct HeadcountOverride {
  std::int64_t id = 0;
  std::int64_t requisitionId = 0;
  std::int64_t orgUnitId = 0;
  std::optional<std::int64_t> planId;
  std::optional<std::int64_t> plannedPositions;
  std::optional<std::int64_t> headcount;
  /// Openings still to fill in the unit's other live requisitions when it was granted.
  std::int64_t committedOpenings = 0;
  std::int64_t requestedOpenings = 0;
  std::string reason;
  std::string grantedBy;
  std::string grantedAt;
};

/// Filters of a requisition list; unset ones do not filter.
struct RequisitionFilter {
  std::optional<std::string> state;
  std::optional<std::int64_t> orgUnitId;
  std::optional<std::int64_t> hiringManagerId;
  /// Only those this employee manages as hiring manager or approves (a manager's view).
  std::optional<std::int64_t> visibleTo;
  std::int64_t afterId = 0;
  std::int64_t limit = 50;
};

}  // namespace cadre::recruiting
