#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cadre::plugins {

/// A plugin version, "MAJOR.MINOR.PATCH". Compares component by component.
struct PluginVersion {
  int major = 0;
  int minor = 0;
  int patch = 0;

  /// Parses "MAJOR[.MINOR[.PATCH]]" (missing components are 0, so "1.0" is 1.0.0);
  /// std::nullopt for anything else (signs, letters, empty components, more than three).
  static std::optional<PluginVersion> parse(const std::string& text);
  /// "MAJOR.MINOR.PATCH".
  std::string toString() const;

  friend bool operator<(const PluginVersion& a, const PluginVersion& b) {
    if (a.major != b.major) return a.major < b.major;
    if (a.minor != b.minor) return a.minor < b.minor;
    return a.patch < b.patch;
  }
  friend bool operator<=(const PluginVersion& a, const PluginVersion& b) { return !(b < a); }
  friend bool operator==(const PluginVersion& a, const PluginVersion& b) {
    return !(a < b) && !(b < a);
  }
};

/// One entry of a descriptor's dependencies: "name>=version" or a bare "name".
struct PluginDependency {
  std::string name;
  /// The version asked for; std::nullopt for a bare name (any version will do).
  std::optional<PluginVersion> minimum;
  /// The entry as written.
  std::string text;
};

/// Whether a name is a valid plugin name: lower-case letters, digits, '_' and '-', not empty.
bool isPluginName(const std::string& name);

/// Parses a descriptor's comma-separated dependency list ("" is none). Throws
/// std::invalid_argument naming the entry that is malformed.
std::vector<PluginDependency> parseDependencies(const std::string& list);

}  // namespace cadre::plugins
