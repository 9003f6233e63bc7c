#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cadre {

/// A parsed `cadre` command line: the subcommand's words, and the options every subcommand
/// takes anywhere on its line (--config FILE, --set KEY=VALUE, --help) plus its own
/// (--role ROLE, --name TEXT, --force).
struct CommandLine {
  std::vector<std::string> words;
  std::optional<std::string> configFile;
  std::map<std::string, std::string> overrides;
  std::map<std::string, std::string> options;
  bool help = false;

  /// Throws std::invalid_argument with a message for the user on a malformed line.
  static CommandLine parse(const std::vector<std::string>& arguments);
  std::optional<std::string> option(const std::string& name) const;
};

}  // namespace cadre
