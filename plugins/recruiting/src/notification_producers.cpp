#include "notification_producers.hpp"

#include <map>
#include <stdexcept>

#include "notification_outbox.hpp"
#include "onboarding_plan_store.hpp"

namespace cadre::recruiting {

namespace {

std::string mailbox(const ConfigView& config, const std::string& key) {
  auto address = config.getString(key, "");
  if (!address.empty() && !isMailAddress(address)) {
    throw std::invalid_argument(key + " must be a mail address, not '" + address + "'");
  }
  return address;
}

/// Mail addresses and names of employees, each looked up once.
class People {
 public:
  People(Transaction& tx, territory::OrgDirectory& org) : tx_(tx), org_(org) {}

  std::optional<std::string> address(std::int64_t employeeId) {
    const auto& person = find(employeeId);
    if (!person || !isMailAddress(person->email)) return std::nullopt;
    return person->email;
  }

  std::string name(std::int64_t employeeId) {
    const auto& person = find(employeeId);
    if (!person) return "employee " + std::to_string(employeeId);
    return person->givenName + " " + person->familyName;
  }

 private:
  const std::optional<territory::EmployeeRecord>& find(std::int64_t employeeId) {
    auto found = cache_.find(employeeId);
    if (found == cache_.end()) {
      found = cache_.emplace(employeeId, org_.findEmployee(tx_, employeeId, "")).first;
    }
    return found->second;
  }

  Transaction& tx_;
  territory::OrgDirectory& org_;
  std::map<std::int64_t, std::optional<territory::EmployeeRecord>> cache_;
};

std::optional<std::string> roleMailbox(const RoleMailboxes& mailboxes, const std::string& role) {
  const std::string& address = role == "it" ? mailboxes.it : mailboxes.hr;
  if (address.empty()) return std::nullopt;
  return address;
}

std::string approverLabel(const std::string& role) {
  if (role == "hiring_manager") return "hiring manager";
  if (role == "manager") return "the hiring manager's manager";
  if (role == "hr") return "HR";
  return "named approver";
}

}  // namespace

RoleMailboxes RoleMailboxes::fromConfig(const ConfigView& config) {
  return {mailbox(config, "recruiting.notifications.hrEmail"),
          mailbox(config, "recruiting.notifications.itEmail")};
}

std::optional<std::int64_t> queueApprovalWaiting(Transaction& tx, territory::OrgDirectory& org,
                                                 const RoleMailboxes& mailboxes,
                                                 std::int64_t requisitionId) {
  auto step = tx.queryOne(
      "SELECT s.id, s.step_order, s.approver_role, s.approver_employee_id, r.title, r.openings, "
      "r.approval_round FROM recruiting_requisitions r JOIN recruiting_approval_steps s ON "
      "s.requisition_id = r.id AND s.approval_round = r.approval_round WHERE r.id = ? AND "
      "r.state = 'pending_approval' AND s.decision = 'pending' ORDER BY s.step_order LIMIT 1",
      {requisitionId});
  if (!step) return std::nullopt;
  const std::string role = step->getString(2);
  auto approver = step->getOptionalInt(3);
  People people(tx, org);
  auto recipient = approver ? people.address(*approver) : roleMailbox(mailboxes, "hr");
  if (!recipient) return std::nullopt;
  const std::string title = step->getString(4);
  const std::string id = std::to_string(requisitionId);
  Notification n;
  n.kind = "approval_waiting";
  n.recipientEmail = *recipient;
  n.subject = "Approval waiting: requisition " + id + " " + title;
  n.body = "Requisition " + id + " \"" + title + "\" (" + std::to_string(step->getInt(5)) +
           " opening(s)) waits for your approval as " + approverLabel(role) + ", step " +
           std::to_string(step->getInt(1)) + " of approval round " +
           std::to_string(step->getInt(6)) +
           ".\n\nPlease approve or reject it in Cadre: Recruiting, Requisitions, " + id + ".\n";
  n.dedupeKey = "approval-waiting:" + std::to_string(step->getInt(0));
  return queueNotification(tx, n);
}

std::int64_t queueOverdueReminders(Transaction& tx, territory::OrgDirectory& org,
                                   const RoleMailboxes& mailboxes, const std::string& today,
                                   std::int64_t limit) {
  People people(tx, org);
  std::int64_t queued = 0;
  for (const auto& overdue : OnboardingPlanStore(tx).overdue(today, limit)) {
    const auto& task = overdue.task;
    auto recipient = task.ownerEmployeeId ? people.address(*task.ownerEmployeeId)
                                          : roleMailbox(mailboxes, task.ownerRole);
    if (!recipient) continue;
    Notification n;
    n.kind = "overdue_task";
    n.recipientEmail = *recipient;
    n.subject = "Overdue onboarding task: " + task.title;
    n.body = "The onboarding task \"" + task.title + "\" for " + people.name(overdue.employeeId) +
             " was due on " + task.dueDate + " and is not done yet.\n\n" +
             (task.description.empty() ? "" : task.description + "\n\n") + "Onboarding plan " +
             std::to_string(task.planId) + ", task " + std::to_string(task.id) + ".\n";
    if (!task.ownerEmployeeId && (task.ownerRole == "mentor" || task.ownerRole == "manager")) {
      n.body += "The plan names no " + task.ownerRole + " yet: please name one.\n";
    }
    n.dedupeKey = "overdue-task:" + std::to_string(task.id);
    if (queueNotification(tx, n)) ++queued;
  }
  return queued;
}

}  // namespace cadre::recruiting
