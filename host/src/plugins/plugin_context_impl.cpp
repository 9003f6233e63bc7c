#include "plugins/plugin_context_impl.hpp"

#include <stdexcept>

namespace cadre::plugins {

void PluginContextImpl::OwnedServices::provideAny(const std::string& name,
                                                  std::shared_ptr<void> service) {
  table_.provideAs(owner_, name, std::move(service));
}

std::shared_ptr<void> PluginContextImpl::OwnedServices::findAny(const std::string& name) const {
  return table_.find<void>(name);
}

PluginContextImpl::PluginContextImpl(std::string pluginName, HostFacilities& facilities)
    : name_(std::move(pluginName)),
      facilities_(facilities),
      services_(name_, facilities.services) {}

void PluginContextImpl::addRoute(Route route) {
  facilities_.router.add(name_, std::move(route));
}

void PluginContextImpl::subscribe(const std::string& topic, EventHandler handler) {
  facilities_.events.subscribe(name_, topic, std::move(handler));
}

void PluginContextImpl::addJob(JobSpec job) {
  if (!facilities_.addJob)
    throw std::logic_error("job '" + job.name + "' of '" + name_ + "': this host runs no jobs");
  facilities_.addJob(name_, std::move(job));
}

void PluginContextImpl::addPage(WebPage page) {
  facilities_.pages.add(name_, std::move(page));
}

void PluginContextImpl::addLoginProvider(std::shared_ptr<LoginProvider> provider) {
  facilities_.auth.addLoginProvider(name_, std::move(provider));
}

void PluginContextImpl::setScopeHook(std::shared_ptr<ScopeHook> hook) {
  facilities_.auth.setScopeHook(name_, std::move(hook));
}

ScopeHook& PluginContextImpl::scope() {
  return facilities_.auth.scope();
}

Database& PluginContextImpl::database() {
  return facilities_.database;
}

AuditLog& PluginContextImpl::audit() {
  return facilities_.audit;
}

UserAccounts& PluginContextImpl::users() {
  return facilities_.users;
}

const ConfigView& PluginContextImpl::config() const {
  return facilities_.config;
}

Poco::Logger& PluginContextImpl::logger() {
  return Poco::Logger::get("cadre." + name_);
}

void PluginContextImpl::addCommand(CommandSpec command) {
  facilities_.commands.add(name_, std::move(command));
}

void PluginContextImpl::addCheck(const std::string& name, ConfigCheck check) {
  facilities_.commands.addCheck(name_, name, std::move(check));
}

void PluginContextImpl::withdrawAll() {
  facilities_.router.withdraw(name_);
  facilities_.services.withdraw(name_);
  facilities_.events.withdraw(name_);
  facilities_.pages.withdraw(name_);
  facilities_.auth.withdraw(name_);
  facilities_.commands.withdraw(name_);
  if (facilities_.withdrawJobs) facilities_.withdrawJobs(name_);
}

}  // namespace cadre::plugins
