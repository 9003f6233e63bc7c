#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "application.hpp"
#include "cadre/audit_trail.hpp"
#include "cadre/http.hpp"
#include "change_log.hpp"
#include "stage_store.hpp"

namespace cadre::recruiting {

/// The problems of a stage list, each naming its field ("stages[2].code"): at most 30 stages;
/// codes of lower-case letters, digits and underscores (starting with a letter, up to 40),
/// unique; at least one active stage; exactly one hired, one rejected and one withdrawn stage;
/// the active stages first (the list's order is the pipeline's).
std::vector<FieldError> stageListProblems(const std::vector<StageSpec>& stages);

/// Stage templates and the stages of each requisition. A template is a named stage list; the
/// default one (there is always exactly one) is what new requisitions copy. A requisition's
/// stages change by code: a kept code keeps its stage (and the applications in it), a new code
/// adds one, and a stage that holds or ever held an application can neither go nor change its
/// kind. Changes are audited and published (recruiting.stage_template.*,
/// recruiting.requisition.stages_changed) in the caller's transaction. Throws cadre::HttpError
/// (400, 404, 409, 422) and leaves rollback to the caller.
class StageTemplates {
 public:
  StageTemplates(Transaction& tx, AuditTrail trail);

  std::vector<StageTemplate> list();
  StageTemplate require(std::int64_t id);
  /// `draft.stages` must be free of stageListProblems.
  StageTemplate create(const StageTemplate& draft);
  /// Replaces name, default flag and stages of a template (its version as read).
  StageTemplate edit(std::int64_t id, std::int64_t version, const StageTemplate& draft);
  /// Gives a requisition (its version as read) these stages, or its template's when `stages` is
  /// empty and `templateId` set.
  std::vector<Stage> setRequisitionStages(std::int64_t requisitionId, std::int64_t version,
                                          std::vector<StageSpec> stages,
                                          std::optional<std::int64_t> templateId);

 private:
  void checkName(const StageTemplate& draft, std::int64_t exceptId);

  Transaction& tx_;
  StageStore store_;
  ChangeLog log_;
};

}  // namespace cadre::recruiting
