#include "approval_chain.hpp"

#include "cadre/dates.hpp"

namespace cadre::recruiting {

namespace {

ApprovalStep step(const Requisition& r, std::int64_t round, const std::string& role,
                  std::optional<std::int64_t> employeeId) {
  ApprovalStep s;
  s.requisitionId = r.id;
  s.round = round;
  s.approverRole = role;
  s.approverEmployeeId = employeeId;
  return s;
}

}  // namespace

std::vector<ApprovalStep> ApprovalChain::stepsFor(const Requisition& r, std::int64_t round) {
  std::vector<ApprovalStep> steps;
  if (!r.approvers.empty()) {
    for (const auto& a : r.approvers) {
      steps.push_back(step(r, round, a.kind == "hr" ? "hr" : "employee", a.employeeId));
    }
  } else {
    steps.push_back(step(r, round, "hiring_manager", r.hiringManagerId));
    auto chain = org_.managerChain(tx_, *r.hiringManagerId, today());
    if (!chain.empty()) steps.push_back(step(r, round, "manager", chain.front()));
    steps.push_back(step(r, round, "hr", std::nullopt));
  }
  std::int64_t order = 0;
  for (auto& s : steps) s.order = ++order;
  return steps;
}

std::optional<ApprovalStep> ApprovalChain::waiting(const std::vector<ApprovalStep>& steps,
                                                   std::int64_t round) {
  for (const auto& s : steps) {
    if (s.round == round && s.decision == "pending") return s;
  }
  return std::nullopt;
}

bool ApprovalChain::isApprover(const Caller& caller, const ApprovalStep& step) {
  if (step.approverRole == "hr") return caller.hr;
  return caller.is(step.approverEmployeeId);
}

std::string ApprovalChain::describeApprover(const ApprovalStep& step) {
  if (step.approverRole == "hr") return "HR";
  std::string who = "employee " + std::to_string(step.approverEmployeeId.value_or(0));
  if (step.approverRole == "hiring_manager") return who + " (the hiring manager)";
  if (step.approverRole == "manager") return who + " (the hiring manager's manager)";
  return who;
}

}  // namespace cadre::recruiting
