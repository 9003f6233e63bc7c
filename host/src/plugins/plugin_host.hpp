#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "plugins/host_facilities.hpp"

namespace cadre::plugins {

/// What `cadre plugins`, GET /api/v1/plugins and /metrics show of one plugin.
struct PluginStatus {
  /// The descriptor's name; the file's stem when the descriptor could not be read.
  std::string name;
  std::string version;
  std::string compatVersion;
  /// The library's path.
  std::string file;
  /// "read", "resolved", "loaded", "migrated", "registered", "running", "stopped" or "failed".
  std::string state;
  /// Why it failed, naming what was expected and what was found; "" unless failed.
  std::string error;
  /// The descriptor's dependency entries as written ("alpha>=1.0").
  std::vector<std::string> dependencies;
};

struct PluginEntry;

/// Loads the plugins of a folder and runs their lifecycle: discover → migrate → registerAll →
/// startAll … stopAll. A plugin that is refused or throws is marked failed (with a warning on the
/// "cadre.plugins" logger) and its dependants fail "because 'x' failed"; nothing but a failed
/// migration is thrown out. A library outlives every object it made. The lifecycle runs on one
/// thread; statuses() and failedCount() may be called from any thread.
class PluginHost {
 public:
  /// Everything in `facilities` must outlive the host.
  explicit PluginHost(HostFacilities facilities);
  /// Stops everything still running (stopAll).
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  /// Reads every `*.so` directly in `folder` (in name order), refuses the folder or any file
  /// that group or others can write, checks each descriptor, resolves dependencies and creates
  /// the plugin objects. Call once.
  void discover(const std::string& folder);
  /// Calls `apply` with each loaded plugin's migrations, in dependency order. What `apply`
  /// throws propagates (a failed migration stops the host); a plugin whose migrations() throws
  /// is failed.
  void migrate(
      const std::function<void(const std::string& owner, const std::vector<Migration>&)>& apply);
  /// Calls registerWith of each migrated plugin in dependency order. One that throws (e.g. a
  /// route without permission) is failed and what it registered is withdrawn.
  void registerAll();
  /// Starts each registered plugin in dependency order. One that throws is failed, its
  /// registrations withdrawn, and its dependants fail "because 'x' failed" without starting.
  void startAll();
  /// Stops running plugins in reverse dependency order, withdraws every registration, deletes
  /// the plugin objects and only then unloads the libraries. Idempotent.
  void stopAll() noexcept;
  /// Seeds demo data: each running plugin, in dependency order, in a transaction of its own that
  /// is committed. Throws std::runtime_error naming the plugin whose seeding threw (its
  /// transaction rolled back; earlier ones stay committed).
  void seedDemo();

  /// Every plugin file found, in discovery (name) order.
  std::vector<PluginStatus> statuses() const;
  std::size_t failedCount() const;

 private:
  void discoverFile(const std::string& file, const std::string& folderProblem);
  void resolve();
  void checkDependencies(PluginEntry& entry);
  void orderAndCreate();
  bool failIfDependencyFailed(PluginEntry& entry);
  PluginEntry* find(const std::string& name) const;
  void setState(PluginEntry& entry, const std::string& state);
  void fail(PluginEntry& entry, const std::string& error);
  void withdrawAndFail(PluginEntry& entry, const std::string& error);

  HostFacilities facilities_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<PluginEntry>> entries_;
  /// The entries that passed discovery, each after the plugins it depends on.
  std::vector<PluginEntry*> order_;
  bool stopped_ = false;
};

}  // namespace cadre::plugins
