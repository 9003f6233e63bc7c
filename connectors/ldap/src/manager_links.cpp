// Manager references between directory entries: resolved after reading, checked for cycles, and
// the order in which people are written so that a manager exists before their reports.
#include "manager_links.hpp"

#include <unordered_map>
#include <unordered_set>

namespace cadre::ldap {
namespace {

/// Manager edges by directory id: the records' own, then (incremental) Cadre's for the rest.
using ManagerEdges = std::unordered_map<std::string, std::string>;

/// The manager cycles among the edges, each once, as the ids in order from the first one met
/// when the chains are followed from `starts` in turn. Each id is walked once: a chain stops
/// at an id a walk before went through.
std::vector<std::vector<std::string>> cyclesOf(const std::vector<std::string>& starts,
                                               const ManagerEdges& edges) {
  std::vector<std::vector<std::string>> cycles;
  std::unordered_set<std::string> walked;
  std::unordered_map<std::string, std::size_t> onPath;
  std::vector<std::string> path;
  for (const auto& start : starts) {
    path.clear();
    onPath.clear();
    std::string at = start;
    while (!at.empty() && !walked.count(at) && !onPath.count(at)) {
      onPath.emplace(at, path.size());
      path.push_back(at);
      auto next = edges.find(at);
      at = next == edges.end() ? "" : next->second;
    }
    if (!at.empty() && onPath.count(at)) {
      cycles.emplace_back(path.begin() + static_cast<std::ptrdiff_t>(onPath[at]), path.end());
    }
    walked.insert(path.begin(), path.end());
  }
  return cycles;
}

std::string describeCycle(const std::vector<std::string>& cycle,
                          const std::unordered_map<std::string, std::string>& dnOfId) {
  std::string text;
  for (const auto& id : cycle) text += dnOfId.at(id) + " → ";
  return text + dnOfId.at(cycle.front());
}

}  // namespace

ManagerLinks linkManagers(const std::vector<const DirectoryRecord*>& records,
                          const std::vector<territory::EmployeeRecord>& employees, SyncMode mode) {
  std::unordered_map<std::string, std::string> idOfDn;
  std::unordered_map<std::string, std::string> dnOfId;
  idOfDn.reserve(records.size());
  dnOfId.reserve(records.size());
  for (const auto* record : records) {
    idOfDn[record->dnKey] = record->directoryId;
    dnOfId[record->directoryId] = record->dn;
  }
  ManagerEdges edges;
  if (mode == SyncMode::Incremental) {
    // People not read this time stand where Cadre has them (by their last known DN).
    std::unordered_map<std::int64_t, std::string> idOfEmployee;
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
  std::vector<std::string> starts;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& record = *records[i];
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
    starts.push_back(record.directoryId);
  }
  std::unordered_set<std::string> inCycle;
  for (const auto& cycle : cyclesOf(starts, edges)) {
    inCycle.insert(cycle.begin(), cycle.end());
    auto text = describeCycle(cycle, dnOfId);
    for (const auto& id : cycle) {
      links.errors.push_back(
          {dnOfId.at(id), "manager cycle " + text + "; the manager is left as it is"});
    }
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (inCycle.count(records[i]->directoryId)) links.managerIds[i].clear();
  }
  return links;
}

std::vector<std::size_t> managersFirst(const std::vector<const DirectoryRecord*>& records,
                                       const std::vector<std::string>& managerIds) {
  std::unordered_map<std::string, std::size_t> indexOfId;
  indexOfId.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) indexOfId[records[i]->directoryId] = i;
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
