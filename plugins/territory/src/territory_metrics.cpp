#include "territory_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "account_store.hpp"
#include "employee_store.hpp"
#include "rep_seat_store.hpp"
#include "territory_models.hpp"

namespace cadre::territory {

namespace {

/// The accounts of a model on a date, by territory, with what each is.
struct ModelBook {
  std::map<std::int64_t, std::vector<Account>> accountsOf;
  std::map<std::int64_t, std::set<std::int64_t>> repsOf;
};

ModelBook bookOf(Transaction& tx, const TerritoryModel& model, const std::string& asOf) {
  auto date = planDate(model, asOf);
  AccountStore accounts(tx);
  AccountFilter all;
  all.limit = INT64_MAX;
  std::map<std::int64_t, Account> byId;
  for (auto& a : accounts.list(all)) byId[a.id] = a;
  ModelBook book;
  for (const auto& a : accounts.assignmentsIn(model.id, date))
    book.accountsOf[a.territoryId].push_back(byId.at(a.accountId));
  for (const auto& s : RepSeatStore(tx).inModel(model.id, date))
    book.repsOf[s.territoryId].insert(s.employeeId);
  return book;
}

void add(Coverage& c, const Account& a) {
  ++c.accounts;
  if (a.status == "prospect") ++c.prospects;
  if (a.status == "active") ++c.activeCustomers;
  c.potential += a.potential;
}

}  // namespace

std::vector<TerritoryFigures> territoryMetrics(Transaction& tx, const TerritoryModel& model,
                                               const std::string& asOf) {
  TerritoryModelStore store(tx);
  auto book = bookOf(tx, model, asOf);
  std::vector<TerritoryFigures> result;
  for (const auto& t : store.territories(model.id)) {
    TerritoryFigures f{t, {}, {}};
    for (const auto& a : book.accountsOf[t.id]) add(f.own, a);
    f.own.reps = static_cast<std::int64_t>(book.repsOf[t.id].size());
    std::set<std::int64_t> reps;
    for (auto id : store.subtree(t.id)) {
      for (const auto& a : book.accountsOf[id]) add(f.subtree, a);
      reps.insert(book.repsOf[id].begin(), book.repsOf[id].end());
    }
    f.subtree.reps = static_cast<std::int64_t>(reps.size());
    result.push_back(f);
  }
  return result;
}

Spread spreadOf(const std::vector<double>& values) {
  Spread s;
  if (values.empty()) return s;
  s.min = *std::min_element(values.begin(), values.end());
  s.max = *std::max_element(values.begin(), values.end());
  double sum = 0;
  for (auto v : values) sum += v;
  s.mean = sum / static_cast<double>(values.size());
  double squares = 0;
  for (auto v : values) squares += (v - s.mean) * (v - s.mean);
  s.stddev = std::sqrt(squares / static_cast<double>(values.size()));
  if (s.min > 0) s.maxMinRatio = s.max / s.min;
  return s;
}

BalanceReport balanceReport(Transaction& tx, const TerritoryModel& model,
                            const std::vector<std::int64_t>& team, const std::string& asOf) {
  auto date = planDate(model, asOf);
  auto book = bookOf(tx, model, asOf);
  TerritoryModelStore territories(tx);
  EmployeeStore employees(tx);
  RepSeatStore seats(tx);
  std::map<std::int64_t, std::vector<std::int64_t>> seatsOf;
  for (const auto& s : seats.inModel(model.id, date))
    seatsOf[s.employeeId].push_back(s.territoryId);
  BalanceReport report;
  std::vector<std::int64_t> members = team;
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  for (auto id : members) {
    if (!seatsOf.count(id)) {
      report.withoutSeat.push_back(id);
      continue;
    }
    RepFigures rep;
    rep.employeeId = id;
    if (auto e = employees.find(id, asOf)) {
      rep.employeeNumber = e->employeeNumber;
      rep.name = e->givenName + " " + e->familyName;
    }
    std::set<std::int64_t> counted;
    std::set<std::string> codes;
    for (auto territoryId : seatsOf[id]) {
      if (auto t = territories.territory(territoryId)) codes.insert(t->code);
      for (const auto& a : book.accountsOf[territoryId]) {
        if (counted.insert(a.id).second) add(rep.coverage, a);
      }
    }
    rep.coverage.reps = 1;
    rep.territoryCodes.assign(codes.begin(), codes.end());
    report.reps.push_back(rep);
  }
  std::vector<double> accounts, prospects, active, potential;
  for (const auto& r : report.reps) {
    accounts.push_back(static_cast<double>(r.coverage.accounts));
    prospects.push_back(static_cast<double>(r.coverage.prospects));
    active.push_back(static_cast<double>(r.coverage.activeCustomers));
    potential.push_back(r.coverage.potential);
  }
  report.spread["accounts"] = spreadOf(accounts);
  report.spread["prospects"] = spreadOf(prospects);
  report.spread["activeCustomers"] = spreadOf(active);
  report.spread["potential"] = spreadOf(potential);
  return report;
}

}  // namespace cadre::territory
