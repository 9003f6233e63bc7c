// Manager references between directory entries: resolved after reading, checked for cycles, and
// the order in which people are written so that a manager exists before their reports.
#include "manager_links.hpp"

#include <map>
#include <set>

namespace cadre::ldap {
namespace {

/// Manager edges by directory id: the records' own, then (incremental) Cadre's for the rest.
using ManagerEdges = std::map<std::string, std::string>;

/// Follows the manager edges from `start`; returns the ids of the cycle it runs into (in
/// order), or nothing when the chain ends.
std::vector<std::string> cycleFrom(const std::string& start, const ManagerEdges& edges) {
  std::vector<std::string> path;
  std::map<std::string, std::size_t> position;
  std::string at = start;
  while (!at.empty() && !position.count(at)) {
    position[at] = path.size();
    path.push_back(at);
    auto next = edges.find(at);
    at = next == edges.end() ? "" : next->second;
  }
  if (at.empty()) return {};
  return std::vector<std::string>(path.begin() + static_cast<std::ptrdiff_t>(position[at]),
                                  path.end());
}

std::string describeCycle(const std::vector<std::string>& cycle,
                          const std::map<std::string, std::string>& dnOfId) {
  std::string text;
  for (const auto& id : cycle) text += dnOfId.at(id) + " → ";
  return text + dnOfId.at(cycle.front());
}

}  // namespace

ManagerLinks linkManagers(const std::vector<DirectoryRecord>& records,
                          const std::vector<territory::EmployeeRecord>& employees, SyncMode mode) {
  std::map<std::string, std::string> idOfDn;
  std::map<std::string, std::string> dnOfId;
  for (const auto& record : records) {
    idOfDn[record.dnKey] = record.directoryId;
    dnOfId[record.directoryId] = record.dn;
  }
  ManagerEdges edges;
  if (mode == SyncMode::Incremental) {
    // People not read this time stand where Cadre has them (by their last known DN).
    std::map<std::int64_t, std::string> idOfEmployee;
    for (const auto& e : employees) idOfEmployee[e.id] = e.directoryId;
    for (const auto& e : employees) {
      if (dnOfId.count(e.directoryId) || e.status == "terminated") continue;
      idOfDn.emplace(dnKey(e.directoryDn), e.directoryId);
      dnOfId[e.directoryId] = e.directoryDn;
      if (e.managerId && idOfEmployee.count(*e.managerId))
        edges[e.directoryId] = idOfEmployee[*e.managerId];
    }
  }
  ManagerLinks links;
  links.managerIds.resize(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& record = records[i];
    if (record.managerDnKey.empty()) continue;
    auto manager = idOfDn.find(record.managerDnKey);
    if (manager == idOfDn.end()) {
      links.errors.push_back({record.dn, "manager '" + record.managerDn +
                                             "' is not among the synced entries; the manager is "
                                             "left as it is"});
      continue;
    }
    links.managerIds[i] = manager->second;
    edges[record.directoryId] = manager->second;
  }
  std::set<std::string> inCycle;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (links.managerIds[i].empty() || inCycle.count(records[i].directoryId)) continue;
    auto cycle = cycleFrom(records[i].directoryId, edges);
    if (cycle.empty()) continue;
    for (const auto& id : cycle) inCycle.insert(id);
    auto text = describeCycle(cycle, dnOfId);
    for (const auto& id : cycle) {
      links.errors.push_back(
          {dnOfId.at(id), "manager cycle " + text + "; the manager is left as it is"});
    }
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (inCycle.count(records[i].directoryId)) links.managerIds[i].clear();
  }
  return links;
}

std::vector<std::size_t> managersFirst(const std::vector<DirectoryRecord>& records,
                                       const std::vector<std::string>& managerIds) {
  std::map<std::string, std::size_t> indexOfId;
  for (std::size_t i = 0; i < records.size(); ++i) indexOfId[records[i].directoryId] = i;
  std::vector<std::size_t> order;
  order.reserve(records.size());
  std::vector<bool> placed(records.size(), false);
  std::vector<std::size_t> chain;
  for (std::size_t start = 0; start < records.size(); ++start) {
    // Walk up to the first manager already placed (or the top), then place downwards. The
    // links have no cycles left, and `placed` stops a walk at any record seen before.
    chain.clear();
    for (std::size_t at = start; !placed[at];) {
      placed[at] = true;
      chain.push_back(at);
      auto manager = indexOfId.find(managerIds[at]);
      if (managerIds[at].empty() || manager == indexOfId.end()) break;
      at = manager->second;
    }
    order.insert(order.end(), chain.rbegin(), chain.rend());
  }
  return order;
}

}  // namespace cadre::ldap
