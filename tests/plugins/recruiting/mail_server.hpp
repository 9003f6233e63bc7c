#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include "support/test_paths.hpp"

namespace cadre::recruiting::test {

/// A real SMTP server on a loopback port of its own: Debian's aiosmtpd running
/// tests/plugins/recruiting/mail_server.py, which keeps every message it accepts in a folder.
/// Mail to refused@… is refused for good (550), to busy@… for now (451). Stopped and its
/// folder removed on destruction.
class MailServer {
 public:
  /// With a username, the server requires AUTH with it and the password.
  explicit MailServer(const std::string& username = "", const std::string& password = "")
      : port_(unusedPort()), folder_(makeFolder()) {
    std::vector<std::string> args{
        cadre::test::sourceDir() + "/tests/plugins/recruiting/mail_server.py", "--port",
        std::to_string(port_), "--folder", folder_};
    if (!username.empty()) {
      args.insert(args.end(), {"--user", username, "--password", password});
    }
    Poco::Pipe out;
    // The system python has aiosmtpd (python3-aiosmtpd); a python3 earlier on PATH may not.
    handle_ = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch("/usr/bin/python3", args, nullptr, &out, nullptr));
    Poco::PipeInputStream lines(out);
    std::string line;
    if (!std::getline(lines, line) || line != "ready") {
      stop();
      throw std::runtime_error("the mail server did not start (python3-aiosmtpd installed?)");
    }
  }

  ~MailServer() {
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  MailServer(const MailServer&) = delete;
  MailServer& operator=(const MailServer&) = delete;

  int port() const { return port_; }

  /// The messages received so far, oldest first: the line "X-Envelope-To: <recipients>", then
  /// the message as it came (headers, blank line, body), CRLF line ends.
  std::vector<std::string> messages() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
      if (entry.path().extension() == ".eml") names.push_back(entry.path().string());
    }
    std::sort(names.begin(), names.end());
    std::vector<std::string> out;
    for (const auto& name : names) {
      std::ifstream in(name, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      out.push_back(text.str());
    }
    return out;
  }

  /// Waits until at least `count` messages came (or `timeout` passed) and returns them all.
  std::vector<std::string> waitFor(std::size_t count, std::chrono::milliseconds timeout) const {
    auto until = std::chrono::steady_clock::now() + timeout;
    auto found = messages();
    while (found.size() < count && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      found = messages();
    }
    return found;
  }

  /// Stops the server (SIGINT) and waits for it; its port then refuses connections.
  void stop() {
    if (!handle_) return;
    Poco::Process::requestTermination(handle_->id());
    handle_->wait();
    handle_.reset();
  }

  /// A loopback port nobody listens on right now.
  static int unusedPort() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    bool ok = fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
              ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    if (fd >= 0) ::close(fd);
    if (!ok) throw std::runtime_error("cannot pick a loopback port for the mail server");
    return ntohs(address.sin_port);
  }

 private:
  static std::string makeFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cadre-mail-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
  }

  int port_;
  std::string folder_;
  std::unique_ptr<Poco::ProcessHandle> handle_;
};

}  // namespace cadre::recruiting::test
