#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <Poco/Logger.h>

#include "cadre/database.hpp"
#include "cadre/export.hpp"
#include "cadre/http.hpp"
#include "cadre/user.hpp"

namespace cadre {

/// Services one plugin offers another, by name ("territory.OrgDirectory"). The providing plugin
/// declares the interface in a public header of its own; the caller includes that header and
/// never links the provider. Thread-safe.
class CADRE_SDK_API ServiceRegistry {
 public:
  virtual ~ServiceRegistry() = default;
  template <typename T>
  void provide(const std::string& name, std::shared_ptr<T> service) {
    provideAny(name, std::static_pointer_cast<void>(std::move(service)));
  }
  /// The service, or null when no running plugin provides it.
  template <typename T>
  std::shared_ptr<T> find(const std::string& name) const {
    return std::static_pointer_cast<T>(findAny(name));
  }
  /// The service; throws std::runtime_error naming it when absent.
  template <typename T>
  std::shared_ptr<T> require(const std::string& name) const {
    auto service = find<T>(name);
    if (!service)
      throw std::runtime_error("service '" + name + "' is not provided by any running plugin");
    return service;
  }

 protected:
  /// Throws std::invalid_argument when the name is taken.
  virtual void provideAny(const std::string& name, std::shared_ptr<void> service) = 0;
  virtual std::shared_ptr<void> findAny(const std::string& name) const = 0;
};

/// Something that happened, published by a write inside its transaction.
struct CADRE_SDK_API Event {
  std::string topic;
  std::string payloadJson;
};

/// Runs inside the publishing transaction; throwing rolls the whole write back.
using EventHandler = std::function<void(Transaction&, const Event&)>;

/// A recurring job. On PostgreSQL each run takes an advisory lock named after the job, so only
/// one of several hosts runs it at a time; the others skip that run.
struct CADRE_SDK_API JobSpec {
  std::string name;
  std::chrono::seconds interval{3600};
  std::function<void()> run;
};

/// A page a plugin adds to the web shell's navigation. `module` is a file in the plugin's `web/`
/// folder, served at /web/<plugin>/<module>, exporting `render(element, api)`.
struct CADRE_SDK_API WebPage {
  std::string id;
  std::string title;
  std::string module;
  std::set<Role> roles;
};

/// A subcommand of `cadre` that a plugin adds, e.g. `cadre sync ldap`. The host finds it after
/// its own subcommands, with the plugins loaded and started as `cadre serve` would (no HTTP
/// server, no jobs), and lists it in `cadre help`.
struct CADRE_SDK_API CommandSpec {
  /// The words that select it, separated by single spaces ("sync ldap"); the first must not be
  /// a subcommand of the host.
  std::string name;
  /// The synopsis and options, printed by `cadre help NAME` and `cadre NAME --help`.
  std::string usage;
  /// One line for the overview of `cadre help`.
  std::string summary;
  /// Runs it with the arguments after the name words, in order (options included, --config,
  /// --set and --help taken out); returns the exit code (0 done, 1 failed, 64 usage). An
  /// exception is printed on `err` and exits 1. Called on the CLI's thread.
  std::function<int(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)>
      run;
};

/// A check of `cadre config check` (e.g. "ldap": connect, bind, count the matching entries).
/// Returns what to print after "NAME: " when it passes (e.g. "ok (120 entries match)"); throws
/// with the reason when it fails, which is printed as "NAME: FAILED: reason".
using ConfigCheck = std::function<std::string()>;

/// One change for the audit log: what was done to which object, with before and after as JSON
/// ("" when there is none).
struct CADRE_SDK_API AuditEntry {
  std::string action;
  std::string objectType;
  std::string objectId;
  std::string beforeJson;
  std::string afterJson;
  std::string outcome = "ok";
};

/// Writes the audit log, inside the caller's transaction so that the entry commits or rolls back
/// with the change it records. Thread-safe.
class CADRE_SDK_API AuditLog {
 public:
  virtual ~AuditLog() = default;
  /// Records a change made for a request (actor, address and request id come from it).
  virtual void record(Transaction& tx, const Request& request, const AuditEntry& entry) = 0;
  /// Records a change made by the system itself (a job, a sync, the CLI) under `actor`.
  virtual void recordSystem(Transaction& tx, const std::string& actor, const AuditEntry& entry) = 0;
  /// Records many changes made by the system under `actor`, in order, as recordSystem does one
  /// by one (which is what this default does; the host's log writes them in few statements).
  virtual void recordSystemMany(Transaction& tx, const std::string& actor,
                                const std::vector<AuditEntry>& entries) {
    for (const auto& entry : entries) recordSystem(tx, actor, entry);
  }
};

/// Read-only view of the host's configuration (file, then environment, then --set).
class CADRE_SDK_API ConfigView {
 public:
  virtual ~ConfigView() = default;
  virtual bool has(const std::string& key) const = 0;
  virtual std::string getString(const std::string& key, const std::string& fallback) const = 0;
  virtual std::int64_t getInt(const std::string& key, std::int64_t fallback) const = 0;
  virtual bool getBool(const std::string& key, bool fallback) const = 0;
  /// A secret: the value of `key`, or the trimmed content of the file named by `key`File
  /// (e.g. ldap.bindPasswordFile). Never logged. std::nullopt when neither is set.
  virtual std::optional<std::string> secret(const std::string& key) const = 0;
};

/// The result of asking a login provider about a username and password.
struct CADRE_SDK_API LoginOutcome {
  enum class Kind { NotMine, Accepted, Rejected };
  Kind kind = Kind::NotMine;
  std::string displayName;
  Role role = Role::Employee;
  /// Why it was rejected, for the audit log; never shown to the caller.
  std::string reason;
};

/// Checks a password somewhere other than the local user table (e.g. an LDAP bind). The host
/// never passes an empty password. Called from request threads: thread-safe.
class CADRE_SDK_API LoginProvider {
 public:
  virtual ~LoginProvider() = default;
  virtual std::string name() const = 0;
  virtual LoginOutcome authenticate(const std::string& username, const std::string& password) = 0;
};

/// The org seen by the security layer: who a user is as an employee and whom they manage.
/// The territory plugin provides it; without it, managers manage nobody.
class CADRE_SDK_API ScopeHook {
 public:
  virtual ~ScopeHook() = default;
  /// The employee record of a user, if any.
  virtual std::optional<std::int64_t> employeeOf(const User& user) = 0;
  /// Whether `user` manages employee `employeeId` (directly or indirectly) on `isoDate`.
  virtual bool manages(const User& user, std::int64_t employeeId, const std::string& isoDate) = 0;
};

/// The host's user accounts, for plugins that create or update logins (hiring, directory sync).
class CADRE_SDK_API UserAccounts {
 public:
  virtual ~UserAccounts() = default;
  virtual std::optional<User> findByUsername(Transaction& tx, const std::string& username) = 0;
  /// The user with this id, std::nullopt when there is none.
  virtual std::optional<User> findById(Transaction& tx, std::int64_t id) = 0;
  /// Creates or updates a user whose password lives elsewhere (source = a provider's name).
  virtual User upsertExternal(Transaction& tx, const std::string& username,
                              const std::string& displayName, Role role,
                              const std::string& source) = 0;
  virtual void setDisabled(Transaction& tx, std::int64_t userId, bool disabled) = 0;
};

/// Everything a plugin may use of the host, and the only way it registers anything. Valid from
/// registerWith until stop returns.
class CADRE_SDK_API PluginContext {
 public:
  virtual ~PluginContext() = default;
  virtual const std::string& pluginName() const = 0;
  /// Adds a route. Throws std::invalid_argument for a route without a permission, a malformed
  /// pattern, or one that another route already has.
  virtual void addRoute(Route route) = 0;
  virtual void subscribe(const std::string& topic, EventHandler handler) = 0;
  virtual void addJob(JobSpec job) = 0;
  virtual void addPage(WebPage page) = 0;
  virtual void addLoginProvider(std::shared_ptr<LoginProvider> provider) = 0;
  /// Installs the org's scope hook; a second one is refused with std::invalid_argument.
  virtual void setScopeHook(std::shared_ptr<ScopeHook> hook) = 0;
  virtual ScopeHook& scope() = 0;
  virtual Database& database() = 0;
  virtual ServiceRegistry& services() = 0;
  virtual AuditLog& audit() = 0;
  virtual UserAccounts& users() = 0;
  virtual const ConfigView& config() const = 0;
  /// The plugin's logger, "cadre.<plugin>".
  virtual Poco::Logger& logger() = 0;
  /// Adds a `cadre` subcommand. Throws std::invalid_argument for a command without a name or a
  /// run function, or a name that another plugin's command has already.
  virtual void addCommand(CommandSpec command) = 0;
  /// Adds a check that `cadre config check` runs after the host's own. Throws
  /// std::invalid_argument for an empty name or check.
  virtual void addCheck(const std::string& name, ConfigCheck check) = 0;
};

}  // namespace cadre
