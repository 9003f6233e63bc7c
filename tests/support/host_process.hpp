#pragma once

#include <sys/types.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cadre::test {

/// One HTTP answer: status, lower-cased headers (Set-Cookie joined by "\n"), body.
struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;
  std::string body;
  std::string header(const std::string& lowerCaseName) const;
};

/// The Authorization header of a bearer token.
std::map<std::string, std::string> bearerHeader(const std::string& token);

/// The PBKDF2 rounds of HostProcess::addTestUser's password hashes (the host's own: 600,000).
inline constexpr int kTestHashIterations = 1000;

/// What a CLI run of `cadre` printed and how it ended.
struct CliResult {
  int exitCode = -1;
  std::string output;
};

/// The real `cadre` executable of this build, serving on a free loopback port from a fresh
/// folder with its own SQLite file and its own plugins folder (copies of the named fixture
/// plugins). Stopped with SIGTERM and its folder removed on destruction.
class HostProcess {
 public:
  /// `fixturePlugins` are file names without ".so" in the build's tests/fixtures/plugins.
  explicit HostProcess(const std::vector<std::string>& fixturePlugins = {});
  ~HostProcess();
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  /// Copies a plugin built with the host (lib/cadre/plugins/NAME.so and its web folder) into
  /// this host's plugins folder.
  void addBuiltPlugin(const std::string& name) const;
  /// Runs `cadre ARGS… --set db.url=… --set plugins.dir=…` with `input` on standard input.
  CliResult cli(std::vector<std::string> args, const std::string& input = "") const;
  /// Adds a local user through the CLI; fails the test when it does not succeed. A CLI run is a
  /// process of its own with a full-strength password hash: use it where the CLI is the subject.
  void addUser(const std::string& name, const std::string& role, const std::string& password) const;
  /// Adds a local user straight into the database at `url` (default: this host's SQLite
  /// file) through the host's own UserStore, with kTestHashIterations PBKDF2 rounds: no process,
  /// and the user's logins verify in microseconds. The host schema must exist there (the host has
  /// started on it, or `cadre migrate` ran). Fails the test when the store refuses the user.
  void addTestUser(const std::string& name, const std::string& role, const std::string& password,
                   const std::string& url = "") const;
  /// Starts `cadre serve` with extra `--set` pairs and waits (up to 60 s) until it listens.
  /// Without `ownPaths`, db.url and plugins.dir are left to their defaults (cadre.db in the
  /// folder, the plugins built with the host).
  void start(const std::map<std::string, std::string>& settings = {}, bool ownPaths = true);
  void stop();

  HttpReply request(const std::string& method, const std::string& path,
                    const std::string& body = "",
                    const std::map<std::string, std::string>& headers = {}) const;
  /// Logs in and returns the bearer token; fails the test on anything but 200.
  std::string login(const std::string& name, const std::string& password) const;
  /// Everything the server wrote to stdout and stderr so far.
  std::string log() const;

  const std::string& folder() const { return folder_; }
  const std::string& pluginsDir() const { return pluginsDir_; }
  std::string databaseUrl() const { return "sqlite:" + folder_ + "/cadre.db"; }
  std::uint16_t port() const { return port_; }

 private:
  std::string folder_;
  std::string pluginsDir_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
};

}  // namespace cadre::test
