#pragma once

#include "routes.hpp"

namespace cadre::recruiting {

/// The routes of onboarding templates and training programs (onboarding_template_routes.cpp).
void registerOnboardingTemplateRoutes(const RouteContext& context);
/// The routes of onboarding plans, their tasks and trainings (onboarding_plan_routes.cpp).
void registerOnboardingPlanRoutes(const RouteContext& context);

}  // namespace cadre::recruiting
