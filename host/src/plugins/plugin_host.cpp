#include "plugins/plugin_host.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include <Poco/Logger.h>

#include "plugins/dependency_order.hpp"
#include "plugins/plugin_context_impl.hpp"
#include "plugins/plugin_folder.hpp"
#include "plugins/plugin_library.hpp"

namespace cadre::plugins {

/// One plugin file and what the host made of it. Members are released explicitly by stopAll(),
/// objects before libraries.
struct PluginEntry {
  PluginStatus status;
  std::vector<PluginDependency> dependencies;
  std::unique_ptr<PluginLibrary> library;
  std::unique_ptr<PluginContextImpl> context;
  std::unique_ptr<Plugin> plugin;
};

namespace {

namespace fs = std::filesystem;

Poco::Logger& log() {
  return Poco::Logger::get("cadre.plugins");
}

/// Runs plugin code; returns "" or "<what> threw: <message>".
template <typename Work>
std::string guarded(const std::string& what, Work&& work) {
  try {
    work();
    return "";
  } catch (const std::exception& e) {
    return what + " threw: " + e.what();
  } catch (...) {
    return what + " threw an exception that is not a std::exception";
  }
}

std::string versionMismatch(const PluginDependency& wanted, const PluginRecord& found) {
  if (!wanted.minimum) return "";
  if (found.compatVersion <= *wanted.minimum && *wanted.minimum <= found.version) return "";
  return "needs '" + wanted.name + "' >= " + wanted.minimum->toString() + ", found '" + found.name +
         "' " + found.versionText + " (compatible down to " + found.compatVersionText + ")";
}

}  // namespace

PluginHost::PluginHost(HostFacilities facilities) : facilities_(std::move(facilities)) {}

PluginHost::~PluginHost() {
  stopAll();
}

void PluginHost::discover(const std::string& folder) {
  std::vector<fs::path> files;
  try {
    files = listPluginFiles(folder);
  } catch (const std::exception& e) {
    log().warning("no plugins loaded: plugin folder '%s' cannot be read (%s)", folder,
                  std::string(e.what()));
    return;
  }
  std::string folderProblem = writableByOthers(folder, "plugin folder");
  for (const auto& file : files) discoverFile(file.string(), folderProblem);
  resolve();
}

void PluginHost::discoverFile(const std::string& file, const std::string& folderProblem) {
  auto owned = std::make_unique<PluginEntry>();
  PluginEntry& entry = *owned;
  entry.status.file = file;
  entry.status.name = fs::path(file).stem().string();
  {
    std::lock_guard lock(mutex_);
    entries_.push_back(std::move(owned));
  }
  std::string problem =
      folderProblem.empty() ? writableByOthers(file, "plugin file") : folderProblem;
  if (!problem.empty()) return fail(entry, problem);
  try {
    entry.library = std::make_unique<PluginLibrary>(file);
  } catch (const PluginRefused& e) {
    if (!e.pluginName().empty()) {
      std::lock_guard lock(mutex_);
      entry.status.name = e.pluginName();
    }
    return fail(entry, e.what());
  }
  const PluginRecord& record = entry.library->record();
  entry.dependencies = record.dependencies;
  std::lock_guard lock(mutex_);
  entry.status.name = record.name;
  entry.status.version = record.versionText;
  entry.status.compatVersion = record.compatVersionText;
  for (const auto& dependency : record.dependencies)
    entry.status.dependencies.push_back(dependency.text);
  entry.status.state = "read";
}

PluginEntry* PluginHost::find(const std::string& name) const {
  for (const auto& entry : entries_)
    if (entry->status.name == name) return entry.get();
  return nullptr;
}

void PluginHost::resolve() {
  for (const auto& entry : entries_) {
    PluginEntry* first = find(entry->status.name);
    if (first != entry.get() && entry->status.state == "read") {
      entry->library.reset();
      fail(*entry, "'" + fs::path(entry->status.file).filename().string() +
                       "' declares the name '" + entry->status.name + "', which '" +
                       fs::path(first->status.file).filename().string() + "' declared first");
    }
  }
  for (const auto& entry : entries_)
    if (entry->status.state == "read") checkDependencies(*entry);
  orderAndCreate();
}

void PluginHost::checkDependencies(PluginEntry& entry) {
  for (const auto& dependency : entry.dependencies) {
    PluginEntry* provider = find(dependency.name);
    if (!provider)
      return fail(entry, "depends on '" + dependency.name + "', which is not installed");
    if (!provider->library) continue;  // failed: reported as "because" once ordered
    std::string mismatch = versionMismatch(dependency, provider->library->record());
    if (!mismatch.empty()) return fail(entry, mismatch);
  }
}

void PluginHost::orderAndCreate() {
  DependencyGraph graph;
  for (const auto& entry : entries_) {
    if (entry->status.state != "read") continue;
    auto& edges = graph[entry->status.name];
    for (const auto& dependency : entry->dependencies) edges.push_back(dependency.name);
  }
  DependencyOrder ordered = orderByDependencies(graph);
  for (const auto& [name, cycle] : ordered.cycles) fail(*find(name), cycle);
  for (const auto& name : ordered.order) {
    PluginEntry& entry = *find(name);
    order_.push_back(&entry);
    if (failIfDependencyFailed(entry)) continue;
    setState(entry, "resolved");
    std::string error = guarded("the factory", [&] { entry.plugin = entry.library->create(); });
    if (!error.empty()) {
      fail(entry, error);
      continue;
    }
    entry.context = std::make_unique<PluginContextImpl>(entry.status.name, facilities_);
    setState(entry, "loaded");
  }
}

bool PluginHost::failIfDependencyFailed(PluginEntry& entry) {
  for (const auto& dependency : entry.dependencies) {
    PluginEntry* provider = find(dependency.name);
    if (provider && provider->status.state == "failed") {
      withdrawAndFail(entry, "because '" + dependency.name + "' failed");
      return true;
    }
  }
  return false;
}

void PluginHost::migrate(
    const std::function<void(const std::string& owner, const std::vector<Migration>&)>& apply) {
  for (PluginEntry* entry : order_) {
    if (entry->status.state != "loaded" || failIfDependencyFailed(*entry)) continue;
    std::vector<Migration> migrations;
    std::string error = guarded("migrations()", [&] { migrations = entry->plugin->migrations(); });
    if (!error.empty()) {
      fail(*entry, error);
      continue;
    }
    apply(entry->status.name, migrations);
    setState(*entry, "migrated");
  }
}

void PluginHost::registerAll() {
  for (PluginEntry* entry : order_) {
    if (entry->status.state != "migrated" || failIfDependencyFailed(*entry)) continue;
    std::string error =
        guarded("registerWith", [&] { entry->plugin->registerWith(*entry->context); });
    if (!error.empty()) {
      withdrawAndFail(*entry, error);
      continue;
    }
    setState(*entry, "registered");
  }
}

void PluginHost::startAll() {
  for (PluginEntry* entry : order_) {
    if (entry->status.state != "registered" || failIfDependencyFailed(*entry)) continue;
    std::string error = guarded("start", [&] { entry->plugin->start(*entry->context); });
    if (!error.empty()) {
      withdrawAndFail(*entry, error);
      continue;
    }
    setState(*entry, "running");
    log().information("plugin '%s' %s is running", entry->status.name, entry->status.version);
  }
}

void PluginHost::stopAll() noexcept {
  if (stopped_) return;
  stopped_ = true;
  for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
    if ((*it)->status.state != "running") continue;
    (*it)->plugin->stop();
    setState(**it, "stopped");
  }
  // What a plugin registered holds its code (handlers, services): gone before the objects, and
  // the objects before the libraries.
  for (auto it = order_.rbegin(); it != order_.rend(); ++it)
    if ((*it)->context) (*it)->context->withdrawAll();
  for (auto it = order_.rbegin(); it != order_.rend(); ++it) (*it)->plugin.reset();
  for (auto it = order_.rbegin(); it != order_.rend(); ++it) (*it)->context.reset();
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) (*it)->library.reset();
}

void PluginHost::seedDemo() {
  for (PluginEntry* entry : order_) {
    if (entry->status.state != "running") continue;
    std::string error = guarded("seedDemo", [&] {
      auto tx = facilities_.database.begin(TxMode::Write);
      entry->plugin->seedDemo(*entry->context, *tx);
      tx->commit();
    });
    if (!error.empty()) throw std::runtime_error("plugin '" + entry->status.name + "': " + error);
  }
}

std::vector<PluginStatus> PluginHost::statuses() const {
  std::lock_guard lock(mutex_);
  std::vector<PluginStatus> result;
  for (const auto& entry : entries_) result.push_back(entry->status);
  return result;
}

std::size_t PluginHost::failedCount() const {
  std::lock_guard lock(mutex_);
  return static_cast<std::size_t>(std::count_if(
      entries_.begin(), entries_.end(), [](const auto& e) { return e->status.state == "failed"; }));
}

void PluginHost::setState(PluginEntry& entry, const std::string& state) {
  std::lock_guard lock(mutex_);
  entry.status.state = state;
}

void PluginHost::fail(PluginEntry& entry, const std::string& error) {
  {
    std::lock_guard lock(mutex_);
    entry.status.state = "failed";
    entry.status.error = error;
  }
  log().warning("plugin '%s' (%s) failed: %s", entry.status.name, entry.status.file, error);
}

void PluginHost::withdrawAndFail(PluginEntry& entry, const std::string& error) {
  if (entry.context) entry.context->withdrawAll();
  fail(entry, error);
}

}  // namespace cadre::plugins
