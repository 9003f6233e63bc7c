#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/context.hpp"
#include "cadre/territory/org_directory.hpp"

namespace cadre::recruiting {

/// Where mail for a role rather than a person goes: recruiting.notifications.hrEmail and
/// recruiting.notifications.itEmail (empty: such mail is not queued).
struct RoleMailboxes {
  std::string hr;
  std::string it;

  /// Throws std::invalid_argument naming a setting that is not a mail address.
  static RoleMailboxes fromConfig(const ConfigView& config);
};

/// Queues "approval waiting" to whoever the requisition's approval waits for now (the step's
/// employee, or the HR mailbox for an HR step), once per step. Does nothing when the requisition
/// waits for nobody or the approver has no mail address. Returns the notification's id when one
/// was queued.
std::optional<std::int64_t> queueApprovalWaiting(Transaction& tx, territory::OrgDirectory& org,
                                                 const RoleMailboxes& mailboxes,
                                                 std::int64_t requisitionId);

/// Queues one reminder for each onboarding task open past its due date on `today`, to its owner
/// (HR and IT tasks, and manager and mentor tasks without a person, to the role's mailbox),
/// once per task; at most `limit` tasks a call. Returns how many were queued.
std::int64_t queueOverdueReminders(Transaction& tx, territory::OrgDirectory& org,
                                   const RoleMailboxes& mailboxes, const std::string& today,
                                   std::int64_t limit = 500);

}  // namespace cadre::recruiting
