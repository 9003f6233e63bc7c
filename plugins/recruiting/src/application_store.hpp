#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "application.hpp"
#include "cadre/database.hpp"

namespace cadre::recruiting {

/// The SQL of applications, their stage moves and the pipeline board. Works in the caller's
/// transaction; checks no rules.
class ApplicationStore {
 public:
  explicit ApplicationStore(Transaction& tx) : tx_(tx) {}

  std::optional<RequisitionSummary> requisition(std::int64_t id);
  /// The requisition's stages in their order.
  std::vector<Stage> stages(std::int64_t requisitionId);

  std::optional<Application> find(std::int64_t id);
  /// The candidate's application to the requisition, if any.
  std::optional<std::int64_t> findId(std::int64_t candidateId, std::int64_t requisitionId);
  /// One page in id order (the board's order within a stage).
  std::vector<Application> list(const ApplicationFilter& filter);
  /// Whether employee `employeeId` may see the application: they are its requisition's hiring
  /// manager or one of its interviewers.
  bool visibleTo(std::int64_t applicationId, std::int64_t employeeId);
  /// How many applications each stage of a requisition holds, by stage id.
  std::map<std::int64_t, std::int64_t> countsByStage(std::int64_t requisitionId);

  std::int64_t insert(const Application& application);
  /// Writes the stage, its entry time, the furthest order, the closing reason and the hired
  /// employee, bumping the version; 409 when `application.version` is no longer current.
  void updateStage(const Application& application);
  std::int64_t insertMove(const StageMove& move);
  /// The moves of an application, oldest first.
  std::vector<StageMove> moves(std::int64_t applicationId);

 private:
  Transaction& tx_;
};

}  // namespace cadre::recruiting
