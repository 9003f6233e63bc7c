#include "core/registries.hpp"

#include <algorithm>
#include <stdexcept>

namespace cadre {
namespace {

template <typename Container, typename Owner>
void eraseOwned(Container& items, const std::string& owner, Owner ownerOf) {
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&](const auto& item) { return ownerOf(item) == owner; }),
              items.end());
}

/// The scope hook in force until the org plugin installs one: nobody is an employee, so
/// managers manage nobody.
class NoOrgScope : public ScopeHook {
 public:
  std::optional<std::int64_t> employeeOf(const User& /*user*/) override { return std::nullopt; }
  bool manages(const User& /*user*/, std::int64_t /*employeeId*/,
               const std::string& /*isoDate*/) override {
    return false;
  }
};

bool leavesFolder(const std::string& module) {
  if (module.front() == '/' || module.find('\\') != std::string::npos) return true;
  std::size_t start = 0;
  while (start <= module.size()) {
    std::size_t slash = module.find('/', start);
    if (slash == std::string::npos) slash = module.size();
    if (module.compare(start, slash - start, "..") == 0) return true;
    start = slash + 1;
  }
  return false;
}

}  // namespace

std::vector<std::string> commandWords(const std::string& name) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < name.size()) {
    std::size_t space = name.find(' ', start);
    if (space == std::string::npos) space = name.size();
    if (space > start) words.push_back(name.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

// ServiceTable

void ServiceTable::provideAs(const std::string& owner, const std::string& name,
                             std::shared_ptr<void> service) {
  if (name.empty()) throw std::invalid_argument("a service needs a name (from '" + owner + "')");
  if (!service) throw std::invalid_argument("service '" + name + "' from '" + owner + "' is null");
  std::unique_lock lock(mutex_);
  auto existing = services_.find(name);
  if (existing != services_.end()) {
    throw std::invalid_argument("service '" + name + "' from '" + owner +
                                "' is already provided by '" + existing->second.first + "'");
  }
  services_.emplace(name, std::make_pair(owner, std::move(service)));
}

void ServiceTable::withdraw(const std::string& owner) {
  std::unique_lock lock(mutex_);
  for (auto it = services_.begin(); it != services_.end();) {
    it = it->second.first == owner ? services_.erase(it) : std::next(it);
  }
}

std::vector<std::string> ServiceTable::names() const {
  std::shared_lock lock(mutex_);
  std::vector<std::string> result;
  for (const auto& [name, entry] : services_) result.push_back(name);
  return result;
}

void ServiceTable::provideAny(const std::string& name, std::shared_ptr<void> service) {
  provideAs("host", name, std::move(service));
}

std::shared_ptr<void> ServiceTable::findAny(const std::string& name) const {
  std::shared_lock lock(mutex_);
  auto it = services_.find(name);
  return it == services_.end() ? nullptr : it->second.second;
}

// EventBus

void EventBus::subscribe(const std::string& owner, const std::string& topic, EventHandler handler) {
  if (topic.empty()) throw std::invalid_argument("a subscription of '" + owner + "' has no topic");
  if (!handler)
    throw std::invalid_argument("the subscription of '" + owner + "' to '" + topic +
                                "' has no handler");
  std::unique_lock lock(mutex_);
  subscriptions_.push_back({owner, topic, std::move(handler)});
}

void EventBus::withdraw(const std::string& owner) {
  std::unique_lock lock(mutex_);
  eraseOwned(subscriptions_, owner, [](const Subscription& s) { return s.owner; });
}

void EventBus::dispatch(Transaction& tx, const std::string& topic,
                        const std::string& payloadJson) const {
  // Copied out of the lock: a handler may publish another event, which dispatches again.
  std::vector<EventHandler> handlers;
  {
    std::shared_lock lock(mutex_);
    for (const auto& s : subscriptions_)
      if (s.topic == topic) handlers.push_back(s.handler);
  }
  const Event event{topic, payloadJson};
  for (const auto& handler : handlers) handler(tx, event);
}

// PageRegistry

void PageRegistry::add(const std::string& owner, WebPage page) {
  if (page.id.empty() || page.title.empty() || page.module.empty())
    throw std::invalid_argument("a page of '" + owner + "' lacks an id, a title or a module");
  if (leavesFolder(page.module))
    throw std::invalid_argument("page '" + page.id + "' of '" + owner + "' names module '" +
                                page.module + "' outside the plugin's web folder");
  std::unique_lock lock(mutex_);
  for (const auto& entry : pages_) {
    if (entry.page.id == page.id)
      throw std::invalid_argument("page '" + page.id + "' of '" + owner +
                                  "' is already added by '" + entry.owner + "'");
  }
  pages_.push_back({owner, std::move(page)});
}

void PageRegistry::withdraw(const std::string& owner) {
  std::unique_lock lock(mutex_);
  eraseOwned(pages_, owner, [](const Entry& e) { return e.owner; });
}

std::vector<PageRegistry::Entry> PageRegistry::visibleTo(Role role) const {
  std::shared_lock lock(mutex_);
  std::vector<Entry> result;
  for (const auto& entry : pages_) {
    if (entry.page.roles.empty() || entry.page.roles.count(role) > 0) result.push_back(entry);
  }
  return result;
}

// CommandRegistry

void CommandRegistry::add(const std::string& owner, CommandSpec command) {
  if (commandWords(command.name).empty() || !command.run)
    throw std::invalid_argument("a command of '" + owner + "' lacks a name or a run function");
  std::unique_lock lock(mutex_);
  for (const auto& entry : commands_) {
    if (commandWords(entry.command.name) == commandWords(command.name))
      throw std::invalid_argument("command '" + command.name + "' of '" + owner +
                                  "' is already added by '" + entry.owner + "'");
  }
  commands_.push_back({owner, std::move(command)});
}

void CommandRegistry::addCheck(const std::string& owner, const std::string& name,
                               ConfigCheck check) {
  if (name.empty() || !check)
    throw std::invalid_argument("a config check of '" + owner + "' lacks a name or a function");
  std::unique_lock lock(mutex_);
  checks_.push_back({owner, name, std::move(check)});
}

void CommandRegistry::withdraw(const std::string& owner) {
  std::unique_lock lock(mutex_);
  eraseOwned(commands_, owner, [](const Entry& e) { return e.owner; });
  eraseOwned(checks_, owner, [](const Check& c) { return c.owner; });
}

std::optional<CommandRegistry::Entry> CommandRegistry::match(
    const std::vector<std::string>& words) const {
  std::shared_lock lock(mutex_);
  std::optional<Entry> best;
  std::size_t bestLength = 0;
  for (const auto& entry : commands_) {
    auto name = commandWords(entry.command.name);
    if (name.size() > words.size() || name.size() <= bestLength) continue;
    if (std::equal(name.begin(), name.end(), words.begin())) {
      best = entry;
      bestLength = name.size();
    }
  }
  return best;
}

std::vector<CommandRegistry::Entry> CommandRegistry::commands() const {
  std::shared_lock lock(mutex_);
  return commands_;
}

std::vector<CommandRegistry::Check> CommandRegistry::checks() const {
  std::shared_lock lock(mutex_);
  return checks_;
}

// AuthExtensions

void AuthExtensions::addLoginProvider(const std::string& owner,
                                      std::shared_ptr<LoginProvider> provider) {
  if (!provider) throw std::invalid_argument("the login provider of '" + owner + "' is null");
  std::unique_lock lock(mutex_);
  providers_.emplace_back(owner, std::move(provider));
}

void AuthExtensions::setScopeHook(const std::string& owner, std::shared_ptr<ScopeHook> hook) {
  if (!hook) throw std::invalid_argument("the scope hook of '" + owner + "' is null");
  std::unique_lock lock(mutex_);
  if (scope_)
    throw std::invalid_argument("a scope hook from '" + owner + "' is refused: '" + scopeOwner_ +
                                "' installed one already");
  scopeOwner_ = owner;
  scope_ = std::move(hook);
}

void AuthExtensions::withdraw(const std::string& owner) {
  std::unique_lock lock(mutex_);
  eraseOwned(providers_, owner, [](const auto& p) { return p.first; });
  if (scope_ && scopeOwner_ == owner) {
    scope_.reset();
    scopeOwner_.clear();
  }
}

std::vector<std::shared_ptr<LoginProvider>> AuthExtensions::loginProviders() const {
  std::shared_lock lock(mutex_);
  std::vector<std::shared_ptr<LoginProvider>> result;
  for (const auto& [owner, provider] : providers_) result.push_back(provider);
  return result;
}

ScopeHook& AuthExtensions::scope() {
  static NoOrgScope noOrg;
  std::shared_lock lock(mutex_);
  return scope_ ? *scope_ : static_cast<ScopeHook&>(noOrg);
}

}  // namespace cadre
