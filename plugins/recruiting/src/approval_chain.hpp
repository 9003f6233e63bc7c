#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "cadre/territory/org_directory.hpp"
#include "requisition.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

/// Who approves a requisition and in which order. The default chain is the hiring manager,
/// then their manager (the nearest one above them in the reporting lines today), then HR; a
/// requisition may name its own chain instead. Works in the caller's transaction.
class ApprovalChain {
 public:
  ApprovalChain(Transaction& tx, territory::OrgDirectory& org) : tx_(tx), org_(org) {}

  /// The pending steps of a new submission round of `requisition`, in order.
  std::vector<ApprovalStep> stepsFor(const Requisition& requisition, std::int64_t round);
  /// The first pending step of `round` among `steps`; std::nullopt when none waits.
  static std::optional<ApprovalStep> waiting(const std::vector<ApprovalStep>& steps,
                                             std::int64_t round);
  /// Whether `caller` is the approver of `step`: the employee it names, or for an HR step an
  /// admin or hr user.
  static bool isApprover(const Caller& caller, const ApprovalStep& step);
  /// "HR" or "employee 17 (the hiring manager)", for messages.
  static std::string describeApprover(const ApprovalStep& step);

 private:
  Transaction& tx_;
  territory::OrgDirectory& org_;
};

}  // namespace cadre::recruiting
