#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "application.hpp"
#include "application_store.hpp"
#include "cadre/audit_trail.hpp"
#include "change_log.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

/// Where a move goes: a stage of the application's requisition, by id or by code.
struct MoveTarget {
  std::optional<std::int64_t> stageId;
  std::optional<std::string> code;
};

/// The rules of applications and their stages. A candidate applies once to an open requisition
/// and starts in its first active stage. HR and the requisition's hiring manager move it: to any
/// active stage while the requisition is open (backwards too), to rejected or withdrawn from any
/// active stage with a reason, and back from rejected or withdrawn to an active stage (reopened,
/// with a reason). Only the hire (hire()) moves an application into the hired stage, and a hired
/// application moves no more. Every move records who, when and why, and keeps the furthest
/// stage reached. Interviewers see the applications they interview in; hiring managers those of
/// their requisitions. Each change is audited and published (recruiting.application.*) in the
/// caller's transaction. Throws cadre::HttpError (400, 403, 404, 409, 422) and leaves rollback
/// to the caller.
class Pipeline {
 public:
  Pipeline(Transaction& tx, AuditTrail trail, Caller caller);

  /// The application; 404 when unknown.
  Application require(std::int64_t id);
  /// The application if the caller may see it; 404 when unknown, 403 when not theirs.
  Application requireVisible(std::int64_t id);
  /// One page of the applications the caller may see (the filter's visibleTo is set here).
  std::vector<Application> list(ApplicationFilter filter);
  /// The moves of an application, oldest first.
  std::vector<StageMove> moves(std::int64_t applicationId);

  /// A candidate applies to a requisition (HR or its hiring manager records it); `note` is the
  /// reason of the arrival move. 409 when they applied already.
  Application apply(std::int64_t candidateId, std::int64_t requisitionId,
                    const std::optional<std::string>& note);
  /// Moves an application (its version as read) to a stage, with a reason (required to reject,
  /// withdraw or reopen).
  Application move(std::int64_t applicationId, std::int64_t version, const MoveTarget& target,
                   const std::optional<std::string>& reason);
  /// Moves an active application into its requisition's hired stage for the hire of
  /// `employeeId` (the offer flow calls this inside the hire's transaction; the caller's
  /// permission is the hire's to check). Publishes recruiting.application.hired.
  Application hire(std::int64_t applicationId, std::int64_t employeeId, const std::string& reason);

  /// The requisition if the caller may see its pipeline (HR or its hiring manager).
  RequisitionSummary requirePipelineOf(std::int64_t requisitionId);
  /// The stages of a requisition the caller may see the pipeline of.
  std::vector<Stage> stages(std::int64_t requisitionId);
  /// The pipeline board: every stage with its count and its first `cardsPerStage` applications.
  std::vector<BoardColumn> board(std::int64_t requisitionId, std::int64_t cardsPerStage);

 private:
  RequisitionSummary requireRequisition(std::int64_t id);
  bool worksOn(const RequisitionSummary& requisition) const;
  Stage targetStage(const Application& application, const MoveTarget& target);
  Application moveTo(const Application& before, const Stage& to,
                     const std::optional<std::string>& reason,
                     std::optional<std::int64_t> hiredEmployeeId, const std::string& what);

  Transaction& tx_;
  ApplicationStore store_;
  ChangeLog log_;
  Caller caller_;
};

}  // namespace cadre::recruiting
