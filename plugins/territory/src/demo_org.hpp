#pragma once

#include <cstdint>
#include <string>

#include "cadre/audit_trail.hpp"
#include "cadre/context.hpp"

namespace cadre::territory {

/// What the demo seeded, for `cadre demo` and for tests.
struct DemoSummary {
  std::int64_t orgUnits = 0;
  std::int64_t positions = 0;
  std::int64_t employees = 0;
  std::int64_t terminated = 0;
  std::int64_t onLeave = 0;
  std::int64_t territories = 0;
  std::int64_t accounts = 0;
  std::int64_t repSeats = 0;
};

/// The code of the demo team whose head and first rep the demo logins "manager" and "employee"
/// are linked to.
inline constexpr const char* kDemoManagerTeam = "T-HAN-KA";

/// Seeds a sales organization in four markets (Vietnam north and south, Indonesia, Greater
/// China): a company, regions, branches and teams with heads, positions, about 200 people with
/// six years of hires, transfers, promotions, terminations, leave and one transfer planned a
/// month ahead, then the active territory model with a draft successor, accounts and rep seats.
/// Every date is an offset from `anchor` (normally today) and every choice comes from a fixed
/// seed, so the same anchor gives the same org. Org and people go through OrgTree and Workforce
/// (audited through `trail` as actor "demo"). When `users` is given, the host's demo logins
/// "manager" and "employee" (if they exist) are linked to a team head and a rep of that team.
/// Throws what the rules throw; the caller's transaction rolls back.
DemoSummary seedDemoOrg(Transaction& tx, const AuditTrail& trail, const std::string& anchor,
                        UserAccounts* users);

}  // namespace cadre::territory
