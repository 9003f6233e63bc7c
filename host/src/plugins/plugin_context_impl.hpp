#pragma once

#include <string>

#include "cadre/context.hpp"
#include "plugins/host_facilities.hpp"

namespace cadre::plugins {

/// The context one plugin receives: forwards every registration to the host's facilities,
/// tagged with the plugin's name, so that withdrawAll() can take them back.
class PluginContextImpl : public PluginContext {
 public:
  /// `facilities` must outlive the context.
  PluginContextImpl(std::string pluginName, HostFacilities& facilities);
  PluginContextImpl(const PluginContextImpl&) = delete;
  PluginContextImpl& operator=(const PluginContextImpl&) = delete;

  const std::string& pluginName() const override { return name_; }
  void addRoute(Route route) override;
  void subscribe(const std::string& topic, EventHandler handler) override;
  /// Throws std::logic_error when the host runs no jobs.
  void addJob(JobSpec job) override;
  void addPage(WebPage page) override;
  void addLoginProvider(std::shared_ptr<LoginProvider> provider) override;
  void setScopeHook(std::shared_ptr<ScopeHook> hook) override;
  ScopeHook& scope() override;
  Database& database() override;
  ServiceRegistry& services() override { return services_; }
  AuditLog& audit() override;
  UserAccounts& users() override;
  const ConfigView& config() const override;
  Poco::Logger& logger() override;
  void addCommand(CommandSpec command) override;
  void addCheck(const std::string& name, ConfigCheck check) override;

  /// Removes everything registered through this context (routes, services, subscriptions,
  /// jobs, pages, login providers, scope hook, commands, checks). Idempotent.
  void withdrawAll();

 private:
  /// The service registry as the plugin sees it: what it provides is owned by the plugin.
  class OwnedServices : public ServiceRegistry {
   public:
    OwnedServices(const std::string& owner, ServiceTable& table) : owner_(owner), table_(table) {}

   protected:
    void provideAny(const std::string& name, std::shared_ptr<void> service) override;
    std::shared_ptr<void> findAny(const std::string& name) const override;

   private:
    const std::string& owner_;
    ServiceTable& table_;
  };

  std::string name_;
  HostFacilities& facilities_;
  OwnedServices services_;
};

}  // namespace cadre::plugins
