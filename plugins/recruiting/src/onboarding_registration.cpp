// Onboarding in the plugin: its routes, and the plan a hire begins.
#include "cadre/audit_trail.hpp"
#include "hiring.hpp"
#include "onboarding_hire.hpp"
#include "onboarding_plans.hpp"
#include "onboarding_routes.hpp"

namespace cadre::recruiting {

void registerOnboarding(const RouteContext& context) {
  registerOnboardingTemplateRoutes(context);
  registerOnboardingPlanRoutes(context);
  PluginContext& plugin = context.plugin;
  auto org = context.org;
  plugin.subscribe(kHireCompleted, [&plugin, org](Transaction& tx, const Event& event) {
    OnboardingPlans(tx, *org, systemTrail(plugin.audit(), "recruiting.hire"))
        .begin(hireFactsFrom(event.payloadJson));
  });
}

}  // namespace cadre::recruiting
