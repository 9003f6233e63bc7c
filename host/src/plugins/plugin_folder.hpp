#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace cadre::plugins {

/// The `*.so` files directly in a folder (regular files, links followed), in name order.
/// Throws std::filesystem::filesystem_error when the folder cannot be read.
std::vector<std::filesystem::path> listPluginFiles(const std::filesystem::path& folder);

/// Why someone other than its owner could replace what `path` holds, or "" when nobody can:
/// "plugin folder '/x' is writable by group or others (mode 0775; expected no write bit for
/// group or others)". `what` names the thing ("plugin folder", "plugin file").
std::string writableByOthers(const std::filesystem::path& path, const std::string& what);

}  // namespace cadre::plugins
