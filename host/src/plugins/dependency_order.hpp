#pragma once

#include <map>
#include <string>
#include <vector>

namespace cadre::plugins {

/// Plugins and the plugins each depends on. Edges to names that are not keys are ignored.
using DependencyGraph = std::map<std::string, std::vector<std::string>>;

/// The outcome of ordering a graph.
struct DependencyOrder {
  /// Every plugin not in a cycle, each after the plugins it depends on (edges into a cycle are
  /// left out): a depth-first walk that visits plugins and their dependencies in name order.
  std::vector<std::string> order;
  /// Plugins in a cycle, each with the cycle described as "a -> b -> a" (starting from the
  /// cycle's first name in name order).
  std::map<std::string, std::string> cycles;
};

/// Orders a graph so that dependencies come first and finds its cycles.
DependencyOrder orderByDependencies(const DependencyGraph& graph);

}  // namespace cadre::plugins
