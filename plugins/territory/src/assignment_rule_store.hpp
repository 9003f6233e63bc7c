#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"

namespace cadre::territory {

/// A rule that assigns matching accounts to a territory. Every criterion given must match; the
/// rule with the lowest priority (then the lowest id) among the matching ones wins.
struct AssignmentRule {
  std::int64_t id = 0;
  std::int64_t modelId = 0;
  std::int64_t territoryId = 0;
  std::int64_t priority = 0;
  std::optional<std::string> region;
  /// Matches postal codes that begin with it.
  std::optional<std::string> postalPrefix;
  std::optional<std::string> industry;
  std::optional<std::string> size;
  std::int64_t version = 0;
};

/// The SQL of assignment rules.
class AssignmentRuleStore {
 public:
  explicit AssignmentRuleStore(Transaction& tx) : tx_(tx) {}

  /// The rules of a model in the order they are tried.
  std::vector<AssignmentRule> ofModel(std::int64_t modelId);
  std::optional<AssignmentRule> find(std::int64_t id);
  std::int64_t insert(const AssignmentRule& rule);
  /// Writes every field and bumps the version.
  void update(const AssignmentRule& rule);
  void remove(std::int64_t id);

 private:
  Transaction& tx_;
};

}  // namespace cadre::territory
