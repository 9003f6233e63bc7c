#include "plugins/dependency_order.hpp"

#include <algorithm>
#include <set>

namespace cadre::plugins {
namespace {

/// The known dependencies of a node, in name order.
std::vector<std::string> edges(const DependencyGraph& graph, const std::string& node) {
  std::vector<std::string> result;
  for (const auto& to : graph.at(node))
    if (graph.count(to) > 0) result.push_back(to);
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

std::set<std::string> reachableFrom(const DependencyGraph& graph, const std::string& start) {
  std::set<std::string> seen;
  std::vector<std::string> stack = edges(graph, start);
  while (!stack.empty()) {
    std::string node = stack.back();
    stack.pop_back();
    if (!seen.insert(node).second) continue;
    for (const auto& to : edges(graph, node)) stack.push_back(to);
  }
  return seen;
}

/// Extends `path` along edges inside `members` until it returns to path.front().
bool closeCycle(const DependencyGraph& graph, const std::set<std::string>& members,
                std::vector<std::string>& path) {
  for (const auto& to : edges(graph, path.back())) {
    if (to == path.front()) {
      path.push_back(to);
      return true;
    }
    if (members.count(to) == 0 || std::find(path.begin(), path.end(), to) != path.end()) continue;
    path.push_back(to);
    if (closeCycle(graph, members, path)) return true;
    path.pop_back();
  }
  return false;
}

std::string describeCycle(const DependencyGraph& graph, const std::set<std::string>& members) {
  std::vector<std::string> path{*members.begin()};
  closeCycle(graph, members, path);
  std::string text = "dependency cycle: ";
  for (std::size_t i = 0; i < path.size(); ++i) text += (i ? " -> " : "") + path[i];
  return text;
}

void findCycles(const DependencyGraph& graph, DependencyOrder& result) {
  std::map<std::string, std::set<std::string>> reach;
  for (const auto& [node, deps] : graph) reach[node] = reachableFrom(graph, node);
  for (const auto& [node, reachable] : reach) {
    if (reachable.count(node) == 0 || result.cycles.count(node) > 0) continue;
    std::set<std::string> members;
    for (const auto& other : reachable)
      if (reach[other].count(node) > 0) members.insert(other);
    std::string description = describeCycle(graph, members);
    for (const auto& member : members) result.cycles[member] = description;
  }
}

void visit(const DependencyGraph& graph, const std::string& node, DependencyOrder& result,
           std::set<std::string>& done) {
  if (result.cycles.count(node) > 0 || !done.insert(node).second) return;
  for (const auto& to : edges(graph, node)) visit(graph, to, result, done);
  result.order.push_back(node);
}

}  // namespace

DependencyOrder orderByDependencies(const DependencyGraph& graph) {
  DependencyOrder result;
  findCycles(graph, result);
  std::set<std::string> done;
  for (const auto& [node, deps] : graph) visit(graph, node, result, done);
  return result;
}

}  // namespace cadre::plugins
