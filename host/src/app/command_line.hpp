#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cadre {

/// A parsed `cadre` command line: the subcommand's words, and the options every subcommand
/// takes anywhere on its line (--config FILE, --set KEY=VALUE, --help) plus its own
/// (--role ROLE, --name TEXT, --force). Options it does not know are kept for plugin
/// subcommands (`unknownOptions`); the host's own subcommands refuse them.
struct CommandLine {
  std::vector<std::string> words;
  /// Every argument but --config, --set and --help (and their values), in order: what a
  /// plugin's subcommand parses itself.
  std::vector<std::string> arguments;
  /// Options the host does not know ("--full"), in order.
  std::vector<std::string> unknownOptions;
  std::optional<std::string> configFile;
  std::map<std::string, std::string> overrides;
  std::map<std::string, std::string> options;
  bool help = false;

  /// Throws std::invalid_argument with a message for the user on a malformed --config, --set or
  /// host option.
  static CommandLine parse(const std::vector<std::string>& arguments);
  std::optional<std::string> option(const std::string& name) const;
};

}  // namespace cadre
