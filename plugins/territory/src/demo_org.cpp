// The demo org: units through OrgTree, people and their history through Workforce, so the demo
// obeys the same rules as the API. Every choice comes from DemoRandom with a fixed seed and
// every date is an offset from the anchor.
#include "demo_org.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "cadre/json_text.hpp"
#include "demo_layout.hpp"
#include "demo_store.hpp"
#include "org_tree.hpp"
#include "workforce.hpp"

namespace cadre::territory {

namespace {

constexpr std::int64_t kRepsPerTeam = 11;
constexpr std::int64_t kHistoryDays = 6 * 365;

struct BranchSpec {
  const char* code;
  const char* name;
  const char* region;
  const char* postal;
};

struct RegionSpec {
  const char* code;
  const char* name;
  DemoMarket market;
  BranchSpec branches[2];
};

const RegionSpec kRegions[] = {
    {"R-NORTH",
     "Miền Bắc (North Vietnam)",
     DemoMarket::Vietnam,
     {{"B-HAN", "Hà Nội", "VN-HN", "10"}, {"B-HPH", "Hải Phòng", "VN-HP", "18"}}},
    {"R-SOUTH",
     "Miền Nam (South Vietnam)",
     DemoMarket::Vietnam,
     {{"B-SGN", "Thành phố Hồ Chí Minh", "VN-SG", "70"}, {"B-VCA", "Cần Thơ", "VN-CT", "94"}}},
    {"R-INDO",
     "Indonesia",
     DemoMarket::Indonesia,
     {{"B-JKT", "Jakarta", "ID-JK", "10"}, {"B-SUB", "Surabaya", "ID-SB", "60"}}},
    {"R-CHINA",
     "大中华区 (Greater China)",
     DemoMarket::China,
     {{"B-SHA", "上海 (Shanghai)", "CN-SH", "200"}, {"B-SZX", "深圳 (Shenzhen)", "CN-SZ", "518"}}},
};

std::string teamLabel(DemoMarket market, const std::string& kind) {
  switch (market) {
    case DemoMarket::Vietnam:
      return kind == "KA" ? "Khách hàng lớn" : "Bán lẻ";
    case DemoMarket::Indonesia:
      return kind == "KA" ? "Key Account" : "Ritel";
    case DemoMarket::China:
      break;
  }
  return kind == "KA" ? "大客户部" : "零售部";
}

std::string phoneOf(DemoMarket market, std::int64_t serial) {
  std::string digits = std::to_string(1000000 + serial * 7919 % 9000000);
  switch (market) {
    case DemoMarket::Vietnam:
      return "+84 91 " + digits;
    case DemoMarket::Indonesia:
      return "+62 812 " + digits;
    case DemoMarket::China:
      break;
  }
  return "+86 138 " + digits;
}

/// Builds the org and its people in order: units, heads top-down, then the reps with their
/// histories (each person's changes are dated after their previous one, as Workforce demands).
class DemoOrgBuilder {
 public:
  DemoOrgBuilder(Transaction& tx, const AuditTrail& trail, const std::string& anchor)
      : tx_(tx),
        trail_(trail),
        tree_(tx),
        workforce_(tx, trail, "demo"),
        store_(tx),
        random_(20261126) {
    layout_.anchor = anchor;
    layout_.founded = demoAddDays(anchor, -kHistoryDays);
  }

  DemoLayout& layout() { return layout_; }
  DemoSummary& summary() { return summary_; }

  void buildUnits() {
    companyId_ = unit("HQ", "Lotus Trading Asia", "company", std::nullopt);
    for (const auto& region : kRegions) {
      auto regionId = unit(region.code, region.name, "region", companyId_);
      layout_.regions.push_back({regionId, region.code, region.name});
      for (const auto& branch : region.branches) {
        auto branchId = unit(branch.code, branch.name, "branch", regionId);
        layout_.branches.push_back({branchId, branch.code, branch.name, branch.region,
                                    branch.postal, region.market,
                                    static_cast<std::int64_t>(layout_.regions.size() - 1)});
        for (const char* kind : {"KA", "RT"}) {
          std::string code = "T-" + std::string(branch.code).substr(2) + "-" + kind;
          std::string name = std::string(branch.name) + " · " + teamLabel(region.market, kind);
          auto teamId = unit(code, name, "team", branchId);
          layout_.teams.push_back({teamId, code, name, kind, 0,
                                   static_cast<std::int64_t>(layout_.branches.size() - 1)});
        }
      }
    }
  }

  void hireHeads() {
    auto founded = layout_.founded;
    headOf(companyId_, "Managing Director", DemoMarket::Vietnam, 42000);
    for (std::size_t r = 0; r < layout_.regions.size(); ++r) {
      headOf(layout_.regions[r].unitId, "Regional Sales Director", kRegions[r].market, 30000);
    }
    for (const auto& branch : layout_.branches) {
      headOf(branch.unitId, "Branch Manager", branch.market, 22000);
    }
    for (auto& team : layout_.teams) {
      auto market = layout_.branches[static_cast<std::size_t>(team.branchIndex)].market;
      team.headId = headOf(team.unitId, "Team Lead", market, 16000);
      store_.addPosition(team.unitId, "Account Executive", 9000, founded);  // a vacancy
      seniors_.push_back(
          store_.addPosition(team.unitId, "Senior Account Executive", 12000, founded));
      summary_.positions += 2;
    }
  }

  void hireReps() {
    for (std::size_t t = 0; t < layout_.teams.size(); ++t) {
      for (std::int64_t j = 0; j < kRepsPerTeam; ++j) hireRep(t, j);
    }
  }

  void linkLogins(UserAccounts& users) {
    for (const auto& team : layout_.teams) {
      if (team.code != kDemoManagerTeam) continue;
      link(users, "manager", team.headId);
      link(users, "employee", firstRep_.at(team.unitId));
    }
  }

 private:
  std::int64_t unit(const std::string& code, const std::string& name, const std::string& type,
                    std::optional<std::int64_t> parent) {
    ++summary_.orgUnits;
    auto id = tree_.create({code, name, type, parent, std::nullopt, layout_.founded}).id;
    auto after = orderedObject();
    after->set("code", code);
    after->set("name", name);
    after->set("type", type);
    trail_(tx_, {"territory.org-unit.create", "org_unit", std::to_string(id), "", toJson(after)});
    return id;
  }

  NewEmployee person(DemoMarket market) {
    auto [given, family] = demoPersonName(market, random_);
    char number[32];
    std::snprintf(number, sizeof number, "E%04lld", static_cast<long long>(++serial_));
    return {number, given,         family,      demoMailbox(number), phoneOf(market, serial_),
            "",     std::string(), std::nullopt};
  }

  std::int64_t headOf(std::int64_t unitId, const std::string& title, DemoMarket market,
                      double cost) {
    auto position = store_.addPosition(unitId, title, cost, layout_.founded);
    ++summary_.positions;
    auto id =
        workforce_
            .hire(person(market),
                  {position, std::nullopt, std::nullopt, "full_time", layout_.founded, "hire"},
                  std::nullopt)
            .id;
    tree_.change(unitId, {std::nullopt, std::nullopt, std::optional<std::int64_t>(id),
                          layout_.founded, "head"});
    trail_(tx_, {"territory.org-unit.head", "org_unit", std::to_string(unitId), "",
                 "{\"headEmployeeId\":" + std::to_string(id) + "}"});
    layout_.heads[id] = true;
    ++summary_.employees;
    return id;
  }

  /// A date in [from, to] (to is clamped up to from).
  std::string between(const std::string& from, const std::string& to) {
    auto span = std::max<std::int64_t>(0, demoDaysBetween(from, to));
    return demoAddDays(from, random_.below(span + 1));
  }

  /// Hires rep `j` of team `t`; by their place in the team some have a history: the third moves
  /// to a sister team, the sixth is promoted, the ninth of every other team leaves, two go on
  /// leave and one is to move a month after the anchor. Counts are fixed; dates are drawn.
  void hireRep(std::size_t t, std::int64_t j) {
    const auto& team = layout_.teams[t];
    auto market = layout_.branches[static_cast<std::size_t>(team.branchIndex)].market;
    auto k = static_cast<std::int64_t>(t) * kRepsPerTeam + j;
    bool eventful = j == 2 || j == 5 || (j == 8 && t % 2 == 0);
    auto latestHire = demoAddDays(layout_.anchor, eventful ? -500 : -60);
    auto hired = between(demoAddDays(layout_.founded, 30), latestHire);
    std::string type = k % 13 == 12 ? "contractor" : k % 9 == 4 ? "part_time" : "full_time";
    auto id =
        workforce_
            .hire(person(market), {std::nullopt, team.unitId, std::nullopt, type, hired, "hire"},
                  std::nullopt)
            .id;
    layout_.reps.push_back(id);
    ++summary_.employees;
    if (j == 0) firstRep_[team.unitId] = id;
    auto later = [&](std::int64_t afterDays) {
      return between(demoAddDays(hired, afterDays), demoAddDays(layout_.anchor, -30));
    };
    const auto& anchor = layout_.anchor;
    if (j == 2) {
      // To the same kind of team in the region's other branch: people move within their market.
      auto target = layout_.teams[t / 4 * 4 + (t + 2) % 4].unitId;
      workforce_.transfer(id, {std::nullopt, target, std::nullopt, "", later(120), "transfer"});
    } else if (j == 5) {
      workforce_.transfer(id,
                          {seniors_[t], std::nullopt, std::nullopt, "", later(180), "promotion"});
    } else if (j == 8 && t % 2 == 0) {
      static const char* kWhy[] = {"resignation", "end of contract", "relocation"};
      workforce_.terminate(id, later(90), kWhy[random_.below(3)]);
      ++summary_.terminated;
    } else if (k == 10 || k == 21) {
      workforce_.changeStatus(id, "on_leave", demoAddDays(anchor, -20), "parental leave");
      ++summary_.onLeave;
    } else if (k == 33) {
      auto target = layout_.teams[t ^ 1U].unitId;  // the branch's other team
      workforce_.transfer(
          id, {std::nullopt, target, std::nullopt, "", demoAddDays(anchor, 30), "transfer"});
    }
  }

  void link(UserAccounts& users, const std::string& username, std::int64_t employeeId) {
    auto user = users.findByUsername(tx_, username);
    if (!user) return;
    MasterDataEdit edit;
    edit.userId = std::optional<std::int64_t>(user->id);
    workforce_.editMasterData(employeeId, edit);
  }

  Transaction& tx_;
  AuditTrail trail_;
  OrgTree tree_;
  Workforce workforce_;
  DemoStore store_;
  DemoRandom random_;
  DemoLayout layout_;
  DemoSummary summary_;
  std::int64_t companyId_ = 0;
  std::int64_t serial_ = 0;
  /// The first rep hired into each team, by the team's unit id.
  std::map<std::int64_t, std::int64_t> firstRep_;
  std::vector<std::int64_t> seniors_;
};

}  // namespace

DemoSummary seedDemoOrg(Transaction& tx, const AuditTrail& trail, const std::string& anchor,
                        UserAccounts* users) {
  DemoOrgBuilder builder(tx, trail, anchor);
  builder.buildUnits();
  builder.hireHeads();
  builder.hireReps();
  if (users) builder.linkLogins(*users);
  seedDemoSales(tx, builder.layout(), builder.summary());
  return builder.summary();
}

}  // namespace cadre::territory
