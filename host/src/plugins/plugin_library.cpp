#include "plugins/plugin_library.hpp"

#include <algorithm>

#include "plugins/elf_exports.hpp"

namespace cadre::plugins {
namespace {

constexpr const char* kDescriptorAlias = "cadre_plugin_descriptor";
constexpr const char* kFactoryAlias = "cadre_plugin_factory";

std::string copied(const char* text) {
  return text ? std::string(text) : std::string();
}

PluginVersion checkedVersion(const std::string& name, const char* what, const std::string& text) {
  auto version = PluginVersion::parse(text);
  if (!version)
    throw PluginRefused(std::string(what) + " '" + text + "' is not MAJOR.MINOR.PATCH", name);
  return *version;
}

/// Copies and checks the descriptor; its SDK API version was checked already, so the layout is
/// this host's.
PluginRecord readRecord(const PluginDescriptor& descriptor) {
  PluginRecord record;
  record.name = copied(descriptor.name);
  record.versionText = copied(descriptor.version);
  record.compatVersionText = copied(descriptor.compatVersion);
  record.abiTag = copied(descriptor.abiTag);
  std::string dependencies = copied(descriptor.dependencies);
  if (!isPluginName(record.name))
    throw PluginRefused("name '" + record.name + "' is not lower-case letters, digits, '_' or '-'");
  if (record.abiTag != kAbiTag)
    throw PluginRefused("ABI tag '" + record.abiTag + "' differs from the host's '" + kAbiTag + "'",
                        record.name);
  record.version = checkedVersion(record.name, "version", record.versionText);
  record.compatVersion =
      checkedVersion(record.name, "compatible version", record.compatVersionText);
  if (record.version < record.compatVersion)
    throw PluginRefused("compatible version " + record.compatVersionText +
                            " is newer than version " + record.versionText,
                        record.name);
  try {
    record.dependencies = parseDependencies(dependencies);
  } catch (const std::invalid_argument& e) {
    throw PluginRefused(e.what(), record.name);
  }
  return record;
}

}  // namespace

PluginRefused::PluginRefused(const std::string& message, std::string pluginName)
    : std::runtime_error(message), pluginName_(std::move(pluginName)) {}

bool exportsPluginEntry(const std::string& file) {
  std::vector<std::string> symbols;
  try {
    symbols = exportedSymbols(file);
  } catch (const std::exception& e) {
    throw PluginRefused(std::string("not a shared library this host can read (") + e.what() + ")");
  }
  auto has = [&](const char* name) {
    return std::find(symbols.begin(), symbols.end(), name) != symbols.end();
  };
  return has(kDescriptorAlias) && has(kFactoryAlias);
}

PluginLibrary::PluginLibrary(const std::string& file) {
  if (!exportsPluginEntry(file))
    throw PluginRefused(std::string("exports no '") + kDescriptorAlias + "' and '" + kFactoryAlias +
                        "' (not a Cadre plugin)");
  try {
    library_.load(file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    throw PluginRefused(std::string("cannot be loaded: ") + e.what());
  }
  const auto& descriptor = library_.get_alias<const PluginDescriptor>(kDescriptorAlias);
  // Only the first field is read before the API version is known to match: the rest of another
  // API version's layout may differ.
  if (descriptor.sdkApiVersion != kSdkApiVersion)
    throw PluginRefused("built for SDK API " + std::to_string(descriptor.sdkApiVersion) +
                        ", host provides " + std::to_string(kSdkApiVersion));
  record_ = readRecord(descriptor);
}

std::unique_ptr<Plugin> PluginLibrary::create() {
  auto& factory = library_.get_alias<PluginFactory>(kFactoryAlias);
  std::unique_ptr<Plugin> plugin(factory());
  if (!plugin) throw std::runtime_error("the factory returned no plugin");
  return plugin;
}

}  // namespace cadre::plugins
