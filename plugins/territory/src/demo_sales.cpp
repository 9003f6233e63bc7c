// The sales side of the demo: an active territory model with a geo hierarchy mirroring the org,
// a draft successor to compare it with, accounts placed by rules, and rep seats that follow each
// person's assignments. Written through DemoStore until the territory API has rules of its own.
#include "cadre/dates.hpp"
#include "demo_layout.hpp"
#include "demo_store.hpp"
#include "employee_store.hpp"

namespace cadre::territory {

namespace {

constexpr std::int64_t kAccounts = 300;

const char* const kIndustries[] = {"retail",    "manufacturing", "food",
                                   "logistics", "construction",  "electronics"};

/// One model's territories: the root, one per region, per branch and per team, same codes in
/// every model so that the comparison lines them up.
struct ModelTree {
  std::int64_t modelId = 0;
  std::vector<std::int64_t> branchTerritories;
  std::vector<std::int64_t> teamTerritories;
};

ModelTree addTree(DemoStore& store, const DemoLayout& layout, std::int64_t modelId, bool draft,
                  DemoSummary& summary) {
  ModelTree tree;
  tree.modelId = modelId;
  auto add = [&](std::optional<std::int64_t> parent, const std::string& code,
                 const std::string& name) {
    ++summary.territories;
    return store.addTerritory({modelId, parent, code, name, "geo"});
  };
  auto root = add(std::nullopt, "ASIA", "Lotus Asia");
  std::vector<std::int64_t> regions;
  for (const auto& region : layout.regions) {
    regions.push_back(add(root, "G" + region.code.substr(1), region.name));
  }
  for (const auto& branch : layout.branches) {
    tree.branchTerritories.push_back(add(regions[static_cast<std::size_t>(branch.regionIndex)],
                                         "G" + branch.code.substr(1), branch.name));
  }
  for (const auto& team : layout.teams) {
    std::string name = team.name;
    // The draft plan renames one territory and opens a new one, so the comparison shows both.
    if (draft && team.code == "T-JKT-RT") name = "Jakarta · Ritel & UKM";
    tree.teamTerritories.push_back(
        add(tree.branchTerritories[static_cast<std::size_t>(team.branchIndex)], team.code, name));
  }
  if (draft) add(regions[2], "G-BDG", "Bandung");
  return tree;
}

/// Rules: per team territory, its branch's region and the account sizes its team serves.
std::vector<std::vector<std::int64_t>> addRules(DemoStore& store, const DemoLayout& layout,
                                                const ModelTree& tree) {
  std::vector<std::vector<std::int64_t>> rules(layout.teams.size());
  std::int64_t priority = 0;
  for (std::size_t t = 0; t < layout.teams.size(); ++t) {
    const auto& team = layout.teams[t];
    const auto& region = layout.branches[static_cast<std::size_t>(team.branchIndex)].accountRegion;
    for (const std::string& size : team.kind == "KA"
                                       ? std::vector<std::string>{"large"}
                                       : std::vector<std::string>{"medium", "small"}) {
      rules[t].push_back(
          store.addRule(tree.modelId, tree.teamTerritories[t], ++priority, region, size));
    }
  }
  return rules;
}

void addAccounts(DemoStore& store, const DemoLayout& layout, const ModelTree& tree,
                 DemoSummary& summary) {
  auto rules = addRules(store, layout, tree);
  DemoRandom random(7);
  auto recordedAt = nowTimestamp();
  for (std::int64_t i = 0; i < kAccounts; ++i) {
    auto b = static_cast<std::size_t>(i % static_cast<std::int64_t>(layout.branches.size()));
    const auto& branch = layout.branches[b];
    std::string size = i % 3 == 0 ? "large" : i % 3 == 1 ? "medium" : "small";
    auto teamIndex = b * 2 + (size == "large" ? 0 : 1);
    char external[32];
    std::snprintf(external, sizeof external, "ERP-%05lld", static_cast<long long>(10001 + i));
    auto postal = branch.postalPrefix + std::to_string(1000 + random.below(9000));
    auto id = store.addAccount({demoAccountName(branch.market, random), branch.accountRegion,
                                postal.substr(0, 6), kIndustries[random.below(6)], size, external,
                                static_cast<double>(50000 + random.below(40) * 25000)});
    auto rule = rules[teamIndex][size == "small" ? 1 : 0];
    auto from = demoAddDays(layout.founded, random.below(365 * 5));
    store.assignAccount(tree.teamTerritories[teamIndex], id, rule, from, recordedAt);
    ++summary.accounts;
  }
}

/// Seats follow the org: a rep sits in their team's territory for each assignment they had, a
/// team head owns it.
void addSeats(Transaction& tx, DemoStore& store, const DemoLayout& layout, const ModelTree& tree,
              DemoSummary& summary) {
  std::map<std::int64_t, std::int64_t> territoryOfUnit;
  for (std::size_t t = 0; t < layout.teams.size(); ++t) {
    territoryOfUnit[layout.teams[t].unitId] = tree.teamTerritories[t];
  }
  auto recordedAt = nowTimestamp();
  for (const auto& team : layout.teams) {
    store.addRepSeat(territoryOfUnit[team.unitId], team.headId, "owner", layout.founded, kOpenEnd,
                     recordedAt);
    ++summary.repSeats;
  }
  EmployeeStore employees(tx);
  for (auto rep : layout.reps) {
    for (const auto& a : employees.assignments(rep)) {
      if (a.validFrom >= a.validTo || !territoryOfUnit.count(a.orgUnitId)) continue;
      store.addRepSeat(territoryOfUnit[a.orgUnitId], rep, "rep", a.validFrom, a.validTo,
                       recordedAt);
      ++summary.repSeats;
    }
  }
}

}  // namespace

void seedDemoSales(Transaction& tx, const DemoLayout& layout, DemoSummary& summary) {
  DemoStore store(tx);
  auto year = std::stoi(layout.anchor.substr(0, 4));
  auto active =
      store.addModel("Coverage " + std::to_string(year), "active", std::nullopt, layout.founded);
  auto draft = store.addModel("Coverage " + std::to_string(year + 1), "draft", active, "");
  auto activeTree = addTree(store, layout, active, false, summary);
  auto draftTree = addTree(store, layout, draft, true, summary);
  addAccounts(store, layout, activeTree, summary);
  addRules(store, layout, draftTree);
  addSeats(tx, store, layout, activeTree, summary);
}

}  // namespace cadre::territory
