#include "support/local_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace cadre::test {

std::filesystem::path scratchRoot() {
  if (!std::getenv("TMPDIR") && ::access("/dev/shm", W_OK | X_OK) == 0) return "/dev/shm";
  return std::filesystem::temp_directory_path();
}

void markOwner(const std::string& folder) {
  std::ofstream(folder + "/owner.pid") << ::getpid() << "\n";
}

void removeOrphanFolders(const std::string& prefix,
                         const std::function<void(const std::string& folder)>& cleanUp) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(scratchRoot(), ec)) {
    if (entry.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream ownerFile(entry.path() / "owner.pid");
    pid_t owner = 0;
    if (!(ownerFile >> owner) || owner <= 0 || ::kill(owner, 0) == 0 || errno != ESRCH) continue;
    if (cleanUp) cleanUp(entry.path().string());
    std::filesystem::remove_all(entry.path(), ec);
  }
}

int startOnFreePort(const std::string& forWhat, const std::function<void(int port)>& start) {
  for (int attempt = 1;; ++attempt) {
    const int port = freeLoopbackPort(forWhat);
    try {
      start(port);
      return port;
    } catch (const std::runtime_error&) {
      if (attempt == 3) throw;
    }
  }
}

int freeLoopbackPort(const std::string& forWhat) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed while picking a port for " + forWhat);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  ::close(fd);
  if (!ok) throw std::runtime_error("cannot bind 127.0.0.1:0 to pick a port for " + forWhat);
  return ntohs(address.sin_port);
}

pid_t startProgram(const std::vector<std::string>& argv, const std::string& cwd,
                   const std::string& logPath, bool dieWithParent) {
  std::vector<std::string> copy = argv;
  std::vector<char*> args;
  for (auto& arg : copy) args.push_back(arg.data());
  args.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork() failed starting " + argv.front());
  if (pid == 0) {
    if (dieWithParent) ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    int log = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    int devNull = ::open("/dev/null", O_RDONLY);
    if (log < 0 || devNull < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(126);
    ::dup2(devNull, 0);
    ::dup2(log, 1);
    ::dup2(log, 2);
    ::execv(args.front(), args.data());
    ::_exit(127);
  }
  return pid;
}

int runProgram(const std::vector<std::string>& argv, const std::string& cwd,
               const std::string& logPath, std::chrono::seconds timeout) {
  using namespace std::chrono_literals;
  pid_t pid = startProgram(argv, cwd, logPath);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      std::string command;
      for (const auto& arg : argv) command += (command.empty() ? "" : " ") + arg;
      throw std::runtime_error(command + " did not finish within " +
                               std::to_string(timeout.count()) + " s: " + fileTail(logPath));
    }
    std::this_thread::sleep_for(5ms);
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string fileTail(const std::string& path, std::size_t maxChars) {
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  std::string text = content.str();
  if (text.size() > maxChars) text = "…" + text.substr(text.size() - maxChars);
  return text.empty() ? "(empty " + path + ")" : text;
}

}  // namespace cadre::test
