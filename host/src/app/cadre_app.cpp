#include "app/cadre_app.hpp"

#include <sys/stat.h>

#include <iostream>

#include <Poco/Logger.h>

#include "app/host_runtime.hpp"
#include "app/logging_setup.hpp"
#include "cadre/abi.hpp"
#include "db/migrator.hpp"

namespace cadre {
namespace {

void printPlugins(plugins::PluginHost& host) {
  std::printf("%-16s %-10s %-11s %s\n", "NAME", "VERSION", "STATE", "ERROR");
  for (const auto& status : host.statuses()) {
    std::printf("%-16s %-10s %-11s %s\n", status.name.c_str(), status.version.c_str(),
                status.state.c_str(), status.error.c_str());
  }
}

/// Loads the plugins, says which failed, and runs the checks the others added; returns how
/// many failed.
int runPluginChecks(HostRuntime& runtime) {
  int failures = 0;
  try {
    runtime.loadPlugins();
  } catch (const std::exception& e) {
    std::printf("plugins: FAILED: %s\n", e.what());
    return 1;
  }
  for (const auto& status : runtime.plugins().statuses()) {
    if (status.state != "failed") continue;
    std::printf("plugin %s: FAILED: %s\n", status.name.c_str(), status.error.c_str());
    ++failures;
  }
  for (const auto& check : runtime.commands().checks()) {
    try {
      std::string result = check.check();
      std::printf("%s: %s\n", check.name.c_str(), result.c_str());
    } catch (const std::exception& e) {
      std::printf("%s: FAILED: %s\n", check.name.c_str(), e.what());
      ++failures;
    }
  }
  return failures;
}

}  // namespace

CadreApp::CadreApp(CommandLine line, std::string executableDir)
    : line_(std::move(line)), executableDir_(std::move(executableDir)) {}

std::unique_ptr<HostConfig> CadreApp::loadConfig() const {
  auto config = std::make_unique<HostConfig>(line_.configFile, line_.overrides, executableDir_);
  setUpLogging(*config);
  return config;
}

int CadreApp::main(const ArgVec&) {
  try {
    return dispatch();
  } catch (const db::MigrationError& e) {
    std::cerr << "cadre: " << e.what() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "cadre: " << e.what() << "\n";
    return 1;
  }
}

int CadreApp::dispatch() {
  std::string command = line_.words.empty() ? "" : line_.words[0];
  if (command == "help") return help();
  if (!command.empty() && !isHostSubcommand(command)) return pluginCommand();
  if (!line_.unknownOptions.empty()) {
    std::cerr << "cadre: unknown option " << line_.unknownOptions.front() << "\n"
              << usageOf(command);
    return 64;
  }
  if (line_.help || command.empty()) {
    std::cout << usageOf(command);
    return command.empty() && !line_.help ? 64 : 0;
  }
  if (command == "serve") return serve();
  if (command == "migrate") return migrate();
  if (command == "plugins") return listPlugins();
  if (command == "demo") return demo();
  if (command == "config") return configCheck();
  return user();
}

int CadreApp::serve() {
  auto config = loadConfig();
  HostRuntime runtime(*config);
  runtime.openDatabase();
  runtime.loadPlugins();
  std::uint16_t port = runtime.serve();
  auto& log = Poco::Logger::get("cadre");
  log.notice("Cadre %s listening on http://%s:%hu/ (database %s, %z plugins, %z failed)",
             std::string(kCadreVersion), config->get("http.address"), port,
             runtime.database().describe(), runtime.plugins().statuses().size(),
             runtime.plugins().failedCount());
  std::cout << "cadre: listening on http://" << config->get("http.address") << ":" << port << "/"
            << std::endl;
  waitForTerminationRequest();
  log.notice("stopping");
  runtime.stop();
  return 0;
}

int CadreApp::migrate() {
  auto config = loadConfig();
  HostRuntime runtime(*config);
  runtime.openDatabase();
  runtime.loadPlugins();
  for (const auto& [owner, version] : db::Migrator(runtime.database()).versions()) {
    std::printf("%-16s schema version %d\n", owner.c_str(), version);
  }
  return 0;
}

int CadreApp::listPlugins() {
  auto config = loadConfig();
  HostRuntime runtime(*config);
  runtime.openDatabase();
  runtime.loadPlugins();
  printPlugins(runtime.plugins());
  return runtime.plugins().failedCount() == 0 ? 0 : 1;
}

int CadreApp::configCheck() {
  if (line_.words.size() != 2 || line_.words[1] != "check") {
    std::cerr << usageOf("config");
    return 64;
  }
  auto config = loadConfig();
  for (const auto& key : hostConfigKeys()) {
    std::string value = config->get(key.key);
    if (key.secret && !value.empty()) value = "***";
    std::printf("%-20s %-40s (%s)\n", key.key.c_str(), value.c_str(),
                config->sourceOf(key.key).c_str());
  }
  int failures = 0;
  HostRuntime runtime(*config);
  bool databaseOk = false;
  try {
    runtime.openDatabase();
    std::printf("database: ok (%s)\n", runtime.database().describe().c_str());
    databaseOk = true;
  } catch (const std::exception& e) {
    std::printf("database: FAILED: %s\n", e.what());
    ++failures;
  }
  struct stat info {};
  std::string dir = config->get("plugins.dir");
  if (stat(dir.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    std::printf("plugins.dir: FAILED: %s is not a folder\n", dir.c_str());
    ++failures;
  } else if (info.st_mode & (S_IWGRP | S_IWOTH)) {
    std::printf("plugins.dir: FAILED: %s is writable by others\n", dir.c_str());
    ++failures;
  } else {
    std::printf("plugins.dir: ok (%s)\n", dir.c_str());
    if (databaseOk) failures += runPluginChecks(runtime);
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace cadre
