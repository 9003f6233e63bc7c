#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "onboarding.hpp"

namespace cadre::recruiting {

/// Filters of a template list; unset ones do not filter.
struct TemplateFilter {
  std::optional<std::int64_t> orgUnitId;
  std::optional<std::int64_t> positionId;
  std::int64_t afterId = 0;
  std::int64_t limit = 50;
};

/// The SQL of onboarding templates (with their tasks and training programs) and of training
/// programs.
class OnboardingTemplateStore {
 public:
  explicit OnboardingTemplateStore(Transaction& tx) : tx_(tx) {}

  /// The template with its tasks (in order) and training programs.
  std::optional<OnboardingTemplate> find(std::int64_t id);
  /// Templates without their tasks and programs, by id.
  std::vector<OnboardingTemplate> list(const TemplateFilter& filter);
  /// The template of exactly this position, or of exactly this org unit.
  std::optional<std::int64_t> forPosition(std::int64_t positionId);
  std::optional<std::int64_t> forOrgUnit(std::int64_t orgUnitId);
  /// Inserts the template, its tasks and programs; returns its id (version 1).
  std::int64_t insert(const OnboardingTemplate& draft);
  /// Replaces name, scope, tasks and programs when the stored version is `version`; returns
  /// false (and changes nothing) when it is not.
  bool replace(std::int64_t id, std::int64_t version, const OnboardingTemplate& draft);
  void remove(std::int64_t id);
  /// How many plans were made from the template.
  std::int64_t planCount(std::int64_t id);

  std::optional<TrainingProgram> findProgram(std::int64_t id);
  std::optional<TrainingProgram> findProgramByCode(const std::string& code);
  std::vector<TrainingProgram> programs(std::int64_t afterId, std::int64_t limit);
  std::int64_t insertProgram(const TrainingProgram& program);
  /// Updates when the stored version is `version`; false otherwise.
  bool updateProgram(const TrainingProgram& program, std::int64_t version);

 private:
  void insertParts(std::int64_t id, const OnboardingTemplate& draft);
  Transaction& tx_;
};

}  // namespace cadre::recruiting
