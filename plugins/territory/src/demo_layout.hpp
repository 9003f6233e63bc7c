#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "demo_names.hpp"
#include "demo_org.hpp"

namespace cadre::territory {

/// One team of the demo org as seeded: where it sits and who leads it.
struct DemoTeam {
  std::int64_t unitId = 0;
  std::string code;
  std::string name;
  /// "KA" (key accounts: large customers) or "RT" (retail: small and medium ones).
  std::string kind;
  std::int64_t headId = 0;
  std::int64_t branchIndex = 0;
};

/// One branch: the market its people and accounts come from and the account region code.
struct DemoBranch {
  std::int64_t unitId = 0;
  std::string code;
  std::string name;
  std::string accountRegion;
  std::string postalPrefix;
  DemoMarket market = DemoMarket::Vietnam;
  std::int64_t regionIndex = 0;
};

/// One region of the demo org.
struct DemoRegion {
  std::int64_t unitId = 0;
  std::string code;
  std::string name;
};

/// The org the demo built, for seeding the sales side on top of it.
struct DemoLayout {
  std::string founded;
  std::string anchor;
  std::vector<DemoRegion> regions;
  std::vector<DemoBranch> branches;
  std::vector<DemoTeam> teams;
  /// Employee id → whether they head a unit (heads own their team territory, reps sit in it).
  std::map<std::int64_t, bool> heads;
  std::vector<std::int64_t> reps;
};

/// Seeds territory models, territories, rules, accounts and rep seats on the demo org through
/// DemoStore's SQL (see there why), adding what it wrote to `summary`.
void seedDemoSales(Transaction& tx, const DemoLayout& layout, DemoSummary& summary);

}  // namespace cadre::territory
