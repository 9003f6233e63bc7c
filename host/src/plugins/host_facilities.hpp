#pragma once

#include <functional>
#include <string>

#include "cadre/context.hpp"
#include "cadre/database.hpp"
#include "core/registries.hpp"
#include "http/router.hpp"

namespace cadre::plugins {

/// What the host lends its plugins. Everything referred to must outlive the PluginHost.
struct HostFacilities {
  Database& database;
  http::Router& router;
  ServiceTable& services;
  EventBus& events;
  PageRegistry& pages;
  AuthExtensions& auth;
  CommandRegistry& commands;
  AuditLog& audit;
  UserAccounts& users;
  const ConfigView& config;
  /// Schedules a plugin's job (the job scheduler's add); empty when this host runs no jobs, in
  /// which case addJob is refused.
  std::function<void(const std::string& owner, JobSpec job)> addJob;
  /// Removes every job of a plugin; may be empty.
  std::function<void(const std::string& owner)> withdrawJobs;
};

}  // namespace cadre::plugins
