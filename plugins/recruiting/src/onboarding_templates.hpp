#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/audit_trail.hpp"
#include "cadre/territory/org_directory.hpp"
#include "onboarding.hpp"
#include "onboarding_template_store.hpp"

namespace cadre::recruiting {

/// The rules of onboarding templates and training programs: a template belongs to exactly one
/// org unit or position that exists, one template per unit or position, its programs exist. A
/// hire's template is the position's, else the nearest org unit's up the tree. Every change is
/// audited and published (recruiting.onboarding-template.*, recruiting.training-program.*)
/// through the caller's transaction. Broken rules throw HttpError (404, 409, 422 naming the
/// field).
class OnboardingTemplates {
 public:
  OnboardingTemplates(Transaction& tx, territory::OrgDirectory& org, AuditTrail trail)
      : tx_(tx), org_(org), trail_(std::move(trail)), store_(tx) {}

  OnboardingTemplate require(std::int64_t id);
  OnboardingTemplate create(const OnboardingTemplate& draft);
  /// Replaces the template when `version` is current (409 otherwise). Plans made from it keep
  /// the tasks they copied.
  OnboardingTemplate replace(std::int64_t id, std::int64_t version,
                             const OnboardingTemplate& draft);
  /// Deletes a template no plan was made from (422 otherwise: its plans name it).
  void remove(std::int64_t id, std::int64_t version);

  /// The template for a hire into a position and/or org unit on a date, if any.
  std::optional<OnboardingTemplate> match(const std::optional<std::int64_t>& positionId,
                                          const std::optional<std::int64_t>& orgUnitId,
                                          const std::string& asOf);

  TrainingProgram requireProgram(std::int64_t id);
  TrainingProgram createProgram(const TrainingProgram& draft);
  TrainingProgram updateProgram(std::int64_t id, std::int64_t version,
                                const TrainingProgram& draft);

 private:
  void check(const OnboardingTemplate& draft, std::int64_t exceptId);
  Transaction& tx_;
  territory::OrgDirectory& org_;
  AuditTrail trail_;
  OnboardingTemplateStore store_;
};

}  // namespace cadre::recruiting
