#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "cadre/context.hpp"

namespace cadre {

/// The host's ServiceRegistry: services by name with the plugin that provided each.
class ServiceTable : public ServiceRegistry {
 public:
  /// Provides a service on behalf of `owner` (the plugin host's per-plugin registry calls this;
  /// provide() through the ServiceRegistry interface provides as "host"). Throws
  /// std::invalid_argument for an empty name, a null service or a taken name.
  void provideAs(const std::string& owner, const std::string& name, std::shared_ptr<void> service);
  /// Removes every service of an owner.
  void withdraw(const std::string& owner);
  /// The names of the services provided, in name order.
  std::vector<std::string> names() const;

 protected:
  void provideAny(const std::string& name, std::shared_ptr<void> service) override;
  std::shared_ptr<void> findAny(const std::string& name) const override;

 private:
  mutable std::shared_mutex mutex_;
  std::map<std::string, std::pair<std::string, std::shared_ptr<void>>> services_;
};

/// Event handlers by topic. dispatch() runs them in subscription order inside the caller's
/// transaction; the first that throws stops the rest and the exception rolls the write back.
class EventBus {
 public:
  void subscribe(const std::string& owner, const std::string& topic, EventHandler handler);
  void withdraw(const std::string& owner);
  void dispatch(Transaction& tx, const std::string& topic, const std::string& payloadJson) const;

 private:
  struct Subscription {
    std::string owner;
    std::string topic;
    EventHandler handler;
  };
  mutable std::shared_mutex mutex_;
  std::vector<Subscription> subscriptions_;
};

/// Web pages of the plugins, for the shell's navigation.
class PageRegistry {
 public:
  struct Entry {
    std::string owner;
    WebPage page;
  };
  /// Throws std::invalid_argument for a page without id, title or module, a module path that
  /// leaves the plugin's web folder (absolute or with ".."), or a taken id.
  void add(const std::string& owner, WebPage page);
  void withdraw(const std::string& owner);
  /// The pages a role may open (a page without roles is open to every role), in registration
  /// order.
  std::vector<Entry> visibleTo(Role role) const;

 private:
  mutable std::shared_mutex mutex_;
  std::vector<Entry> pages_;
};

/// The words of a command name ("sync ldap" → {"sync", "ldap"}).
std::vector<std::string> commandWords(const std::string& name);

/// The plugins' `cadre` subcommands and `config check` checks, in registration order.
class CommandRegistry {
 public:
  struct Entry {
    std::string owner;
    CommandSpec command;
  };
  struct Check {
    std::string owner;
    std::string name;
    ConfigCheck check;
  };
  /// Throws std::invalid_argument for a command without name or run, or a taken name.
  void add(const std::string& owner, CommandSpec command);
  /// Throws std::invalid_argument for an empty name or check.
  void addCheck(const std::string& owner, const std::string& name, ConfigCheck check);
  void withdraw(const std::string& owner);
  /// The command whose name words begin `words` (the longest such name), if any.
  std::optional<Entry> match(const std::vector<std::string>& words) const;
  std::vector<Entry> commands() const;
  std::vector<Check> checks() const;

 private:
  mutable std::shared_mutex mutex_;
  std::vector<Entry> commands_;
  std::vector<Check> checks_;
};

/// Login providers in registration order, and the one scope hook.
class AuthExtensions {
 public:
  void addLoginProvider(const std::string& owner, std::shared_ptr<LoginProvider> provider);
  /// Throws std::invalid_argument when another plugin installed one already.
  void setScopeHook(const std::string& owner, std::shared_ptr<ScopeHook> hook);
  void withdraw(const std::string& owner);
  std::vector<std::shared_ptr<LoginProvider>> loginProviders() const;
  /// The installed hook, or one that knows no employees and lets managers manage nobody.
  ScopeHook& scope();

 private:
  mutable std::shared_mutex mutex_;
  std::vector<std::pair<std::string, std::shared_ptr<LoginProvider>>> providers_;
  std::string scopeOwner_;
  std::shared_ptr<ScopeHook> scope_;
};

}  // namespace cadre
