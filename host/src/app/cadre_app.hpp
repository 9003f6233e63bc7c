#pragma once

#include <memory>

#include <Poco/Util/ServerApplication.h>

#include "app/command_line.hpp"
#include "config/host_config.hpp"

namespace cadre {

/// The `cadre` executable. Poco's own option parsing is bypassed: the command line is parsed
/// before run() so that --config and --set may stand anywhere on a subcommand's line.
class CadreApp : public Poco::Util::ServerApplication {
 public:
  CadreApp(CommandLine line, std::string executableDir);

 protected:
  int main(const ArgVec& args) override;

 private:
  /// The configuration of this command line, with logging set up from it.
  std::unique_ptr<HostConfig> loadConfig() const;
  int dispatch();
  int serve();
  int migrate();
  int listPlugins();
  int demo();
  int configCheck();
  int user();
  /// `cadre help [SUBCOMMAND…]`: the host's usage, with the plugins' subcommands.
  int help();
  /// A subcommand a plugin added (`cadre sync ldap …`), or "unknown subcommand".
  int pluginCommand();

  CommandLine line_;
  std::string executableDir_;
};

/// The usage text of a subcommand ("" for the overview).
std::string usageOf(const std::string& subcommand);
/// Whether `subcommand` is one of the host's own.
bool isHostSubcommand(const std::string& subcommand);

}  // namespace cadre
