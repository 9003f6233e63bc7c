#include <map>
#include <string>

#include "app/cadre_app.hpp"

namespace cadre {

bool isHostSubcommand(const std::string& subcommand) {
  return subcommand == "serve" || subcommand == "migrate" || subcommand == "plugins" ||
         subcommand == "demo" || subcommand == "config" || subcommand == "user";
}

std::string usageOf(const std::string& subcommand) {
  static const std::string kCommon =
      "\nEvery subcommand takes:\n"
      "  --config FILE      read settings from a properties file\n"
      "  --set KEY=VALUE    override one setting (beats CADRE_KEY_NAME variables and the file)\n";
  static const std::map<std::string, std::string> kUsage = {
      {"",
       "usage: cadre SUBCOMMAND [options]\n\n"
       "  serve            run the HTTP server with the plugins\n"
       "  migrate          bring the host's and the plugins' schemas up to date\n"
       "  plugins          list the plugins with version, state and error\n"
       "  user add NAME --role ROLE [--name DISPLAY]   add a local user\n"
       "  user passwd NAME    set a local user's password\n"
       "  user disable NAME   disable a user and end their sessions\n"
       "  user enable NAME    enable a user again\n"
       "  user list           list the users\n"
       "  config check     show the settings in effect and check the database and plugins\n"
       "  demo             create the admin login and each plugin's demo data\n"
       "\n`cadre SUBCOMMAND --help` tells more; `cadre help` lists the plugins' subcommands "
       "too.\n"},
      {"serve",
       "usage: cadre serve [--config FILE] [--set KEY=VALUE]...\n"
       "Serves the API, the web shell and the plugins' pages until SIGINT or SIGTERM.\n"},
      {"migrate",
       "usage: cadre migrate [--config FILE] [--set KEY=VALUE]...\n"
       "Applies the host's and every plugin's pending schema steps, then exits.\n"},
      {"plugins",
       "usage: cadre plugins [--config FILE] [--set KEY=VALUE]...\n"
       "Loads the plugins as `serve` would and lists name, version, state and error.\n"
       "Exits 1 when any plugin failed.\n"},
      {"user",
       "usage: cadre user add NAME --role admin|hr|manager|employee [--name DISPLAY]\n"
       "       cadre user passwd NAME\n"
       "       cadre user disable NAME | enable NAME\n"
       "       cadre user list\n"
       "The password is read from standard input when it is not a terminal (one line),\n"
       "otherwise asked for twice without echo. At least 12 characters.\n"},
      {"config",
       "usage: cadre config check [--config FILE] [--set KEY=VALUE]...\n"
       "Prints every setting with where it came from (secrets masked), then checks\n"
       "the database and the plugins folder, loads the plugins (naming those that fail)\n"
       "and runs their checks (e.g. the directory's). Exits 1 when a check fails.\n"},
      {"demo",
       "usage: cadre demo [--config FILE] [--set KEY=VALUE]...\n"
       "Creates the admin login (password from admin.password, or a random one that is\n"
       "printed) and asks each plugin to seed its demo data. Does nothing twice.\n"},
  };
  auto it = kUsage.find(subcommand);
  return (it == kUsage.end() ? kUsage.at("") : it->second) + kCommon;
}

}  // namespace cadre
