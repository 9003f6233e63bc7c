#include "support/host_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/String.h>

#include "auth/user_store.hpp"
#include "db/sql_database.hpp"
#include "support/test_paths.hpp"

namespace fs = std::filesystem;

namespace cadre::test {
namespace {

/// Every thread's stack of a running process, from gdb when it is installed (for a host that
/// hangs: the failure then says where).
std::string threadStacks(int pid) {
  const std::string command = "command -v gdb >/dev/null && timeout 60 gdb -batch -nx -p " +
                              std::to_string(pid) +
                              " -ex 'thread apply all bt' 2>&1 | grep '^#\\|^Thread'";
  std::string text;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
    ::pclose(pipe);
  }
  return text.empty() ? "(gdb is not installed)" : text;
}

std::string executable() {
  return binaryDir() + "/bin/cadre";
}

std::string readAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string makeFolder() {
  std::string pattern = (fs::temp_directory_path() / "cadre-host-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

}  // namespace

std::map<std::string, std::string> bearerHeader(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

std::string HttpReply::header(const std::string& lowerCaseName) const {
  auto it = headers.find(lowerCaseName);
  return it == headers.end() ? std::string() : it->second;
}

HostProcess::HostProcess(const std::vector<std::string>& fixturePlugins) : folder_(makeFolder()) {
  pluginsDir_ = folder_ + "/plugins";
  fs::create_directory(pluginsDir_);
  fs::permissions(pluginsDir_, fs::perms::owner_all | fs::perms::group_read |
                                   fs::perms::group_exec | fs::perms::others_read |
                                   fs::perms::others_exec);
  std::string fixtures = binaryDir() + "/tests/fixtures/plugins/";
  for (const auto& name : fixturePlugins) {
    fs::copy_file(fixtures + name + ".so", pluginsDir_ + "/" + name + ".so");
    if (fs::exists(fixtures + name + "/web")) {
      fs::copy(fixtures + name, pluginsDir_ + "/" + name, fs::copy_options::recursive);
    }
  }
}

void HostProcess::addBuiltPlugin(const std::string& name) const {
  std::string built = binaryDir() + "/lib/cadre/plugins/";
  fs::copy_file(built + name + ".so", pluginsDir_ + "/" + name + ".so");
  if (fs::exists(built + name + "/web")) {
    fs::copy(built + name, pluginsDir_ + "/" + name, fs::copy_options::recursive);
  }
}

HostProcess::~HostProcess() {
  stop();
  std::error_code ignored;
  fs::remove_all(folder_, ignored);
}

CliResult HostProcess::cli(std::vector<std::string> args, const std::string& input) const {
  // The test's own --set of a key wins over the harness' paths.
  for (const std::string key : {"db.url", "plugins.dir"}) {
    bool setByTest = std::any_of(args.begin(), args.end(),
                                 [&](const std::string& a) { return a.rfind(key + "=", 0) == 0; });
    if (setByTest) continue;
    args.push_back("--set");
    args.push_back(key + "=" + (key == "db.url" ? databaseUrl() : pluginsDir_));
  }
  Poco::Pipe in, out;
  Poco::ProcessHandle handle = Poco::Process::launch(executable(), args, folder_, &in, &out, &out);
  {
    Poco::PipeOutputStream stdinStream(in);
    stdinStream << input;
  }
  in.close(Poco::Pipe::CLOSE_WRITE);
  Poco::PipeInputStream stdoutStream(out);
  CliResult result;
  result.output.assign(std::istreambuf_iterator<char>(stdoutStream),
                       std::istreambuf_iterator<char>());
  result.exitCode = handle.wait();
  return result;
}

void HostProcess::addUser(const std::string& name, const std::string& role,
                          const std::string& password) const {
  auto result = cli({"user", "add", name, "--role", role}, password + "\n");
  ASSERT_EQ(result.exitCode, 0) << result.output;
}

void HostProcess::addTestUser(const std::string& name, const std::string& role,
                              const std::string& password, const std::string& url) const {
  auto parsedRole = parseRole(role);
  ASSERT_TRUE(parsedRole) << "no role '" << role << "'";
  db::PoolOptions options;
  options.maxConnections = 1;
  auto database = db::openDatabase(url.empty() ? databaseUrl() : url, options);
  auth::UserStore users(*database, auth::PasswordHasher(kTestHashIterations));
  database->inTransaction(
      [&](Transaction& tx) { users.createLocal(tx, name, name, *parsedRole, password); });
}

void HostProcess::start(const std::map<std::string, std::string>& settings, bool ownPaths) {
  std::vector<std::string> args = {executable(), "serve", "--set", "http.port=0"};
  if (ownPaths) {
    args.insert(args.end(),
                {"--set", "db.url=" + databaseUrl(), "--set", "plugins.dir=" + pluginsDir_});
  }
  for (const auto& [key, value] : settings) {
    args.push_back("--set");
    args.push_back(key + "=" + value);
  }
  std::string logFile = folder_ + "/host.log";
  pid_ = ::fork();
  if (pid_ == 0) {
    int fd = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    if (::chdir(folder_.c_str()) != 0) ::_exit(126);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  static const std::regex kListening("listening on http://[0-9.]+:([0-9]+)/");
  // A hang detector, not a speed check: a sanitizer build on a loaded CI machine needs tens of
  // seconds (start-up speed is measured in bench/).
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    std::string text = readAll(logFile);
    if (std::regex_search(text, match, kListening)) {
      port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
      return;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      FAIL() << "cadre serve exited during start-up:\n" << text;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  FAIL() << "cadre serve did not listen within 60 s:\n"
         << readAll(logFile) << "\nits threads:\n"
         << threadStacks(pid_);
}

void HostProcess::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 200; ++i) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const std::string stacks = threadStacks(pid_);
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  ADD_FAILURE() << "cadre serve did not stop within 10 s of SIGTERM; its threads:\n" << stacks;
}

HttpReply HostProcess::request(const std::string& method, const std::string& path,
                               const std::string& body,
                               const std::map<std::string, std::string>& headers) const {
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty() || method == "POST" || method == "PUT") {
    if (!request.has("Content-Type")) request.setContentType("application/json");
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  }
  session.sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  HttpReply reply;
  reply.status = response.getStatus();
  for (const auto& [name, value] : response) {
    auto& slot = reply.headers[Poco::toLower(name)];
    slot += (slot.empty() ? "" : "\n") + value;
  }
  reply.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return reply;
}

std::string HostProcess::login(const std::string& name, const std::string& password) const {
  auto reply = request("POST", "/api/v1/auth/login",
                       "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
  EXPECT_EQ(reply.status, 200) << reply.body;
  static const std::regex kToken("\"token\":\"([^\"]+)\"");
  std::smatch match;
  if (!std::regex_search(reply.body, match, kToken)) return {};
  return match[1];
}

std::string HostProcess::log() const {
  return readAll(folder_ + "/host.log");
}

}  // namespace cadre::test
