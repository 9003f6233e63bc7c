#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "requisition.hpp"

namespace cadre::recruiting {

/// The SQL of requisitions, their criteria, configured approvers, approval steps, headcount
/// overrides and stages. Works in the caller's transaction; checks no rules.
class RequisitionStore {
 public:
  explicit RequisitionStore(Transaction& tx) : tx_(tx) {}

  /// The requisition with its criteria and configured approvers.
  std::optional<Requisition> find(std::int64_t id);
  /// One page in id order (no criteria or approvers filled in).
  std::vector<Requisition> list(const RequisitionFilter& filter);
  /// Inserts a draft with its criteria, approvers and the stages of the default template.
  std::int64_t insert(const Requisition& requisition);
  /// Writes every column and bumps the version (409 when the version read is stale); leaves
  /// criteria and approvers as they are.
  void update(const Requisition& requisition);
  /// Replaces the criteria (new ids) and the configured approvers: for drafts only, whose
  /// criteria no scorecard rates yet.
  void replaceStandards(const Requisition& requisition);

  std::vector<ApprovalStep> steps(std::int64_t requisitionId);
  void insertStep(const ApprovalStep& step);
  void decide(const ApprovalStep& step);

  /// Openings still to fill in the org unit's requisitions that count against its plan
  /// (pending approval, open, on hold), other than `exceptId`.
  std::int64_t committedOpenings(std::int64_t orgUnitId, std::int64_t exceptId);
  std::vector<HeadcountOverride> overrides(std::int64_t requisitionId);
  std::int64_t insertOverride(const HeadcountOverride& grant);

 private:
  void writeCriteria(std::int64_t id, const std::vector<Criterion>& criteria);
  void writeApprovers(std::int64_t id, const std::vector<ApproverSpec>& approvers);
  Transaction& tx_;
};

}  // namespace cadre::recruiting
