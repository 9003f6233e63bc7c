// The subcommands plugins add (`cadre sync ldap`), and `cadre help`, which lists them.
#include <iostream>

#include "app/cadre_app.hpp"
#include "app/host_runtime.hpp"

namespace cadre {
namespace {

/// The arguments of a line without the words that named the command.
std::vector<std::string> argumentsAfter(const std::vector<std::string>& arguments,
                                        const std::vector<std::string>& name) {
  std::vector<std::string> rest;
  std::size_t matched = 0;
  for (const auto& arg : arguments) {
    if (matched < name.size() && arg == name[matched]) {
      ++matched;
      continue;
    }
    rest.push_back(arg);
  }
  return rest;
}

std::string pluginOverview(HostRuntime& runtime) {
  std::string text;
  for (const auto& entry : runtime.commands().commands()) {
    std::string name = entry.command.name;
    if (name.size() < 16) name.resize(16, ' ');
    text += "  " + name + " " + entry.command.summary + " (" + entry.owner + ")\n";
  }
  return text.empty() ? "" : "\nSubcommands of the plugins:\n" + text;
}

}  // namespace

int CadreApp::help() {
  std::vector<std::string> topic(line_.words.begin() + 1, line_.words.end());
  if (!topic.empty() && isHostSubcommand(topic[0])) {
    std::cout << usageOf(topic[0]);
    return 0;
  }
  auto config = loadConfig();
  HostRuntime runtime(*config);
  std::string plugins;
  try {
    runtime.openDatabase();
    runtime.loadPlugins();
  } catch (const std::exception& e) {
    std::cout << usageOf("") << "\n(the plugins' subcommands are not listed: " << e.what() << ")\n";
    return topic.empty() ? 0 : 64;
  }
  if (!topic.empty()) {
    if (auto entry = runtime.commands().match(topic)) {
      std::cout << entry->command.usage;
      return 0;
    }
    std::cerr << "cadre: no subcommand '" << topic[0] << "'\n";
  }
  std::cout << usageOf("") << pluginOverview(runtime);
  return topic.empty() ? 0 : 64;
}

int CadreApp::pluginCommand() {
  auto config = loadConfig();
  HostRuntime runtime(*config);
  runtime.openDatabase();
  runtime.loadPlugins();
  auto entry = runtime.commands().match(line_.words);
  if (!entry) {
    std::cerr << "cadre: unknown subcommand '" << line_.words[0] << "'\n"
              << usageOf("") << pluginOverview(runtime);
    return 64;
  }
  if (line_.help) {
    std::cout << entry->command.usage;
    return 0;
  }
  int code = 1;
  try {
    code = entry->command.run(argumentsAfter(line_.arguments, commandWords(entry->command.name)),
                              std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "cadre " << entry->command.name << ": " << e.what() << "\n";
  }
  std::cout.flush();
  return code;
}

}  // namespace cadre
