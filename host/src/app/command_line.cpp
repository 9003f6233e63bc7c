#include "app/command_line.hpp"

#include <set>
#include <stdexcept>

namespace cadre {
namespace {

/// Options of the subcommands that take a value, and flags that do not.
const std::set<std::string> kValueOptions = {"role", "name"};
const std::set<std::string> kFlags = {"force"};

}  // namespace

CommandLine CommandLine::parse(const std::vector<std::string>& arguments) {
  CommandLine line;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& arg = arguments[i];
    if (arg == "--help" || arg == "-h") {
      line.help = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) {
      line.words.push_back(arg);
      line.arguments.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    bool common = name == "config" || name == "set";
    bool takesValue = common || kValueOptions.count(name);
    if (!takesValue && !kFlags.count(name)) {
      // Perhaps a plugin subcommand's: it parses its arguments itself.
      line.unknownOptions.push_back("--" + name);
      line.arguments.push_back(arg);
      continue;
    }
    if (!common) line.arguments.push_back(arg);
    if (takesValue && !value) {
      if (i + 1 >= arguments.size()) throw std::invalid_argument("--" + name + " needs a value");
      value = arguments[++i];
      if (!common) line.arguments.push_back(*value);
    }
    if (name == "config") {
      line.configFile = *value;
    } else if (name == "set") {
      auto eq = value->find('=');
      if (eq == std::string::npos || eq == 0) {
        throw std::invalid_argument("--set takes KEY=VALUE, not '" + *value + "'");
      }
      line.overrides[value->substr(0, eq)] = value->substr(eq + 1);
    } else {
      line.options[name] = value.value_or("true");
    }
  }
  return line;
}

std::optional<std::string> CommandLine::option(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

}  // namespace cadre
