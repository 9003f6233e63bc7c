#pragma once

#include <memory>

#include "cadre/context.hpp"
#include "cadre/territory/org_directory.hpp"

namespace cadre::recruiting {

/// What every recruiting route needs: the host's context and the territory plugin's org
/// directory (looked up once at registration; the territory plugin starts first).
struct RouteContext {
  PluginContext& plugin;
  std::shared_ptr<territory::OrgDirectory> org;
};

/// Each declares one area's routes under /api/v1/recruiting/. The handlers keep the context,
/// valid until the plugin stops. recruiting_plugin.cpp calls every one of them.
void registerRequisitionRoutes(const RouteContext& context);
void registerCandidateRoutes(const RouteContext& context);
void registerApplicationRoutes(const RouteContext& context);
void registerStageRoutes(const RouteContext& context);
void registerAnalyticsRoutes(const RouteContext& context);

/// Adds the daily job that erases candidates whose retention date has passed.
void addCandidateRetentionJob(const RouteContext& context);
void registerInterviewRoutes(const RouteContext& context);
void registerScorecardRoutes(const RouteContext& context);
/// Offers, and the hourly job that expires extended offers past their last day.
void registerOfferRoutes(const RouteContext& context);
void registerHireRoutes(const RouteContext& context);
/// Onboarding templates, training programs and plans, and the plan a hire begins (on the event
/// kHireCompleted of hiring.hpp).
void registerOnboarding(const RouteContext& context);
/// The notification outbox: its routes, the SMTP sender job, "approval waiting" when a
/// requisition's approval step comes due, interview invitations, and reminders of overdue
/// onboarding tasks.
void registerNotifications(const RouteContext& context);

}  // namespace cadre::recruiting
