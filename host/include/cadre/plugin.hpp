#pragma once

#include <boost/dll/alias.hpp>

#include "cadre/abi.hpp"
#include "cadre/database.hpp"
#include "cadre/export.hpp"

namespace cadre {

class PluginContext;

/// The SDK API version this header describes. A plugin built against another is refused.
inline constexpr int kSdkApiVersion = 1;

/// What a plugin says about itself, as plain data the host reads and checks before it calls any
/// of the plugin's code. Strings point into the plugin library and are copied at once.
struct PluginDescriptor {
  int sdkApiVersion;
  const char* name;
  /// This plugin's version, "MAJOR.MINOR.PATCH".
  const char* version;
  /// The oldest version this one can stand in for: a dependant asking for V is satisfied when
  /// compatVersion <= V <= version.
  const char* compatVersion;
  const char* abiTag;
  /// Comma-separated "name>=version" (or bare "name") entries; empty for none.
  const char* dependencies;
};

/// A feature plugin. The host owns the object, calls it from one thread at a time during the
/// lifecycle (migrations → registerWith → start … stop), deletes it before it unloads the library,
/// and never calls it again after stop(). What it registers (routes, handlers, jobs) may be called
/// from any request thread afterwards and must be thread-safe.
class CADRE_SDK_API Plugin {
 public:
  virtual ~Plugin() = default;
  /// The plugin's schema steps, in ascending version order; run before registerWith.
  virtual std::vector<Migration> migrations() const { return {}; }
  /// Declares routes, services, event handlers, jobs, pages and hooks through the context.
  /// If it throws, nothing it declared is kept and the plugin is marked failed.
  virtual void registerWith(PluginContext& context) = 0;
  /// Called after every plugin has registered, in dependency order.
  virtual void start(PluginContext& /*context*/) {}
  /// Called in reverse dependency order at shutdown. Must not throw.
  virtual void stop() noexcept {}
  /// Seeds believable demo data (`cadre demo`) inside the given transaction.
  virtual void seedDemo(PluginContext& /*context*/, Transaction& /*tx*/) {}
};

/// The factory signature exported under the alias `cadre_plugin_factory`.
using PluginFactory = Plugin*();

}  // namespace cadre

#ifndef CADRE_PLUGIN_ABI_TAG
#define CADRE_PLUGIN_ABI_TAG ::cadre::kAbiTag
#endif
#ifndef CADRE_PLUGIN_SDK_API
#define CADRE_PLUGIN_SDK_API ::cadre::kSdkApiVersion
#endif

/// Declares the plugin class of a library: exports its descriptor (from the name, version and
/// dependencies given to cadre_add_plugin in CMake) and its factory under the fixed aliases
/// `cadre_plugin_descriptor` and `cadre_plugin_factory`. Use once per plugin, at namespace scope.
#define CADRE_PLUGIN(PluginType)                                                          \
  namespace cadre_plugin_entry {                                                          \
  const ::cadre::PluginDescriptor descriptor{CADRE_PLUGIN_SDK_API, CADRE_PLUGIN_NAME,     \
                                             CADRE_PLUGIN_VERSION, CADRE_PLUGIN_COMPAT,   \
                                             CADRE_PLUGIN_ABI_TAG, CADRE_PLUGIN_DEPENDS}; \
  ::cadre::Plugin* create() {                                                             \
    return new PluginType();                                                              \
  }                                                                                       \
  }                                                                                       \
  BOOST_DLL_ALIAS(cadre_plugin_entry::descriptor, cadre_plugin_descriptor)                \
  BOOST_DLL_ALIAS(cadre_plugin_entry::create, cadre_plugin_factory)
