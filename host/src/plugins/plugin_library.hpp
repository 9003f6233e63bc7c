#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/dll/shared_library.hpp>

#include "cadre/plugin.hpp"
#include "plugins/plugin_version.hpp"

namespace cadre::plugins {

/// A file that is not loaded as a plugin, and why (naming what was expected and what was found).
class PluginRefused : public std::runtime_error {
 public:
  /// `pluginName` is the descriptor's name when the descriptor could be read, else "".
  explicit PluginRefused(const std::string& message, std::string pluginName = "");
  const std::string& pluginName() const { return pluginName_; }

 private:
  std::string pluginName_;
};

/// A plugin's descriptor, copied out of its library and checked.
struct PluginRecord {
  std::string name;
  PluginVersion version;
  PluginVersion compatVersion;
  /// The version strings as the plugin wrote them.
  std::string versionText;
  std::string compatVersionText;
  std::string abiTag;
  std::vector<PluginDependency> dependencies;
};

/// One loaded plugin library. Refuses (without running any of its code) a file that does not
/// export both aliases, then loads it and refuses a descriptor built for another SDK API version
/// or ABI, or one whose name, versions or dependencies are malformed. The factory is called only
/// by create(). The object must outlive every Plugin it creates. Not thread-safe.
class PluginLibrary {
 public:
  /// Throws PluginRefused.
  explicit PluginLibrary(const std::string& file);
  PluginLibrary(const PluginLibrary&) = delete;
  PluginLibrary& operator=(const PluginLibrary&) = delete;

  const PluginRecord& record() const { return record_; }
  /// Calls the factory. Throws what it throws, or std::runtime_error when it returns null.
  std::unique_ptr<Plugin> create();

 private:
  boost::dll::shared_library library_;
  PluginRecord record_;
};

/// Whether a file exports both `cadre_plugin_descriptor` and `cadre_plugin_factory`, read from
/// its symbol table without loading it. Throws PluginRefused when the file is not a shared
/// library of this platform.
bool exportsPluginEntry(const std::string& file);

}  // namespace cadre::plugins
