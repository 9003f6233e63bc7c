#include "plugins/plugin_version.hpp"

#include <cctype>
#include <stdexcept>

namespace cadre::plugins {
namespace {

std::string trimmed(const std::string& text) {
  std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  std::size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

PluginDependency parseOne(const std::string& entry) {
  PluginDependency dependency{"", std::nullopt, entry};
  std::size_t op = entry.find(">=");
  dependency.name = trimmed(entry.substr(0, op));
  if (op != std::string::npos) {
    dependency.minimum = PluginVersion::parse(trimmed(entry.substr(op + 2)));
    if (!dependency.minimum)
      throw std::invalid_argument("dependency '" + entry + "' has a malformed version");
  }
  if (!isPluginName(dependency.name))
    throw std::invalid_argument("dependency '" + entry + "' does not start with a plugin name");
  return dependency;
}

}  // namespace

bool isPluginName(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!std::islower(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)) && c != '_' && c != '-')
      return false;
  }
  return true;
}

std::optional<PluginVersion> PluginVersion::parse(const std::string& text) {
  int parts[3] = {0, 0, 0};
  int count = 0;
  std::size_t i = 0;
  while (true) {
    std::size_t start = i;
    long value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      value = value * 10 + (text[i] - '0');
      if (value > 1000000) return std::nullopt;
      ++i;
    }
    if (i == start || count == 3) return std::nullopt;
    parts[count++] = static_cast<int>(value);
    if (i == text.size()) break;
    if (text[i] != '.') return std::nullopt;
    ++i;
  }
  return PluginVersion{parts[0], parts[1], parts[2]};
}

std::string PluginVersion::toString() const {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::vector<PluginDependency> parseDependencies(const std::string& list) {
  std::vector<PluginDependency> result;
  std::size_t start = 0;
  while (start <= list.size() && !trimmed(list).empty()) {
    std::size_t comma = list.find(',', start);
    std::string entry = trimmed(list.substr(start, comma - start));
    if (entry.empty())
      throw std::invalid_argument("dependency list '" + list + "' has an empty entry");
    result.push_back(parseOne(entry));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return result;
}

}  // namespace cadre::plugins
