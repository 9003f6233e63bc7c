#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cadre::recruiting {

/// One stage as configured: in a template, or asked for a requisition.
struct StageSpec {
  /// Lower-case letters, digits and underscores, unique within the list ("screening").
  std::string code;
  std::string name;
  /// active (worked through in order), hired, rejected or withdrawn (each ends an application;
  /// rejected and withdrawn are reachable from any active stage, with a reason).
  std::string kind = "active";
};

/// A stage of one requisition's pipeline.
struct Stage {
  std::int64_t id = 0;
  std::int64_t requisitionId = 0;
  std::string code;
  std::string name;
  std::int64_t order = 0;
  std::string kind;
};

/// A named list of stages that requisitions copy; the default one is copied at creation.
struct StageTemplate {
  std::int64_t id = 0;
  std::string name;
  bool isDefault = false;
  std::vector<StageSpec> stages;
  std::int64_t version = 0;
};

/// What the pipeline needs of a requisition.
struct RequisitionSummary {
  std::int64_t id = 0;
  std::string title;
  /// draft, pending_approval, open, on_hold, filled or cancelled.
  std::string state;
  std::int64_t hiringManagerId = 0;
  std::int64_t stageTemplateId = 0;
  std::int64_t version = 0;
};

/// A candidate's application to a requisition, in its current stage.
struct Application {
  std::int64_t id = 0;
  std::int64_t candidateId = 0;
  std::int64_t requisitionId = 0;
  Stage stage;
  /// When it entered its current stage (ISO-8601 UTC).
  std::string stageEnteredAt;
  /// The order of the furthest active (or hired) stage it ever reached.
  std::int64_t furthestOrder = 0;
  /// Why it was rejected or withdrawn.
  std::optional<std::string> closedReason;
  std::string appliedAt;
  std::string createdBy;
  std::optional<std::int64_t> hiredEmployeeId;
  std::int64_t version = 0;
  /// The candidate's names, for lists and cards.
  std::string givenName;
  std::string familyName;
};

/// One move of an application between stages: who, when and why. The first move of an
/// application (from no stage) is its arrival.
struct StageMove {
  std::int64_t id = 0;
  std::int64_t applicationId = 0;
  std::optional<Stage> from;
  Stage to;
  std::string movedAt;
  std::string movedBy;
  std::optional<std::string> reason;
};

/// Filters of an application list; unset ones do not filter.
struct ApplicationFilter {
  std::optional<std::int64_t> requisitionId;
  std::optional<std::int64_t> candidateId;
  std::optional<std::int64_t> stageId;
  /// true: in an active stage; false: hired, rejected or withdrawn.
  std::optional<bool> open;
  /// Only those this employee may see as hiring manager or interviewer (a non-HR view).
  std::optional<std::int64_t> visibleTo;
  std::int64_t afterId = 0;
  std::int64_t limit = 50;
};

/// One column of a requisition's pipeline board: a stage, how many applications are in it, and
/// the first of them (by id).
struct BoardColumn {
  Stage stage;
  std::int64_t count = 0;
  std::vector<Application> cards;
};

}  // namespace cadre::recruiting
