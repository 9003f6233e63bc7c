#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/context.hpp"

namespace cadre::territory {

/// Disables the logins of people whose termination has taken effect: those terminated on a date
/// from `fromDate` to `toDate` (inclusive) with a linked user, or only `employeeId` when given.
/// Each is audited under the actor "territory". Returns how many logins it disabled.
int disableLeaverLogins(Transaction& tx, UserAccounts& users, AuditLog& audit,
                        const std::string& fromDate, const std::string& toDate,
                        std::optional<std::int64_t> employeeId = std::nullopt);

/// Subscribes to terminations (a termination effective today or earlier disables the login in
/// the same transaction) and adds the hourly job that catches future-dated ones when their day
/// comes (looking back a week, so that days the host was down are not missed).
void disableLoginsOfLeavers(PluginContext& context);

}  // namespace cadre::territory
