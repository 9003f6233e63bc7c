// The recruiting benchmark's data: one requisition with 50,000 applications (and a few smaller
// ones beside it), their candidates and stage moves, written with plain SQL into a database the
// host has migrated.
#pragma once

#include <cstdint>
#include <string>

namespace cadre::bench {

/// Applications of the big requisition (id 1).
constexpr std::int64_t kBigApplications = 50000;
/// The other requisitions (ids 2..) and the applications of each.
constexpr std::int64_t kOtherRequisitions = 20;
constexpr std::int64_t kOtherApplications = 500;

/// What was written.
struct RecruitingFixture {
  std::int64_t requisitions = 0;
  std::int64_t applications = 0;
  std::int64_t moves = 0;
};

/// Fills a freshly migrated database (no recruiting rows yet) in one transaction; deterministic:
/// every application enters "applied" and goes on by fixed chances (screening, interview,
/// offer, hired; rejected or withdrawn on the way; some back to an earlier stage). Throws
/// std::runtime_error on any SQLite error.
RecruitingFixture generateRecruiting(const std::string& databasePath);

}  // namespace cadre::bench
