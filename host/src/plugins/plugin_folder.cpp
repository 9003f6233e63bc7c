#include "plugins/plugin_folder.hpp"

#include <algorithm>
#include <cstdio>

namespace cadre::plugins {

namespace fs = std::filesystem;

std::vector<fs::path> listPluginFiles(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".so" && entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string writableByOthers(const fs::path& path, const std::string& what) {
  std::error_code error;
  fs::perms perms = fs::status(path, error).permissions();
  if (error) return what + " '" + path.string() + "' cannot be checked: " + error.message();
  if ((perms & (fs::perms::group_write | fs::perms::others_write)) == fs::perms::none) return "";
  char mode[8];
  std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(perms & fs::perms::mask));
  return what + " '" + path.string() + "' is writable by group or others (mode " + mode +
         "; expected no write bit for group or others)";
}

}  // namespace cadre::plugins
