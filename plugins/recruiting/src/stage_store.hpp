#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "application.hpp"
#include "cadre/database.hpp"

namespace cadre::recruiting {

/// The SQL of stage templates and of the stages each requisition has. Works in the caller's
/// transaction; checks no rules.
class StageStore {
 public:
  explicit StageStore(Transaction& tx) : tx_(tx) {}

  /// Every template with its stages, in id order.
  std::vector<StageTemplate> templates();
  std::optional<StageTemplate> findTemplate(std::int64_t id);
  /// Whether another template than `exceptId` has this name.
  bool templateNameTaken(const std::string& name, std::int64_t exceptId);
  std::int64_t insertTemplate(const StageTemplate& stageTemplate);
  /// Writes name, default flag and stages, bumping the version; 409 when stale.
  void updateTemplate(const StageTemplate& stageTemplate);
  /// Makes every template but `id` not the default.
  void clearDefaultExcept(std::int64_t id);

  /// Whether an application is, or ever was, in the stage.
  bool stageUsed(std::int64_t stageId);
  void insertStage(std::int64_t requisitionId, const StageSpec& spec, std::int64_t order);
  void updateStage(std::int64_t stageId, const StageSpec& spec, std::int64_t order);
  void deleteStage(std::int64_t stageId);
  /// Sets each application's furthest order from its moves under the current stage orders.
  void recomputeFurthest(std::int64_t requisitionId);
  /// Records the template a requisition's stages came from and bumps its version; 409 when
  /// `version` is no longer current.
  void touchRequisition(std::int64_t requisitionId, std::int64_t templateId, std::int64_t version);

 private:
  void writeTemplateStages(std::int64_t templateId, const std::vector<StageSpec>& stages);
  Transaction& tx_;
};

}  // namespace cadre::recruiting
