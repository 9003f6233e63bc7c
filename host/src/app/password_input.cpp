#include "app/password_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <stdexcept>

namespace cadre {
namespace {

std::string readLine() {
  std::string line;
  if (!std::getline(std::cin, line)) throw std::runtime_error("no password on standard input");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string askWithoutEcho(const char* prompt) {
  std::cerr << prompt << std::flush;
  termios saved{};
  tcgetattr(STDIN_FILENO, &saved);
  termios silent = saved;
  silent.c_lflag &= static_cast<tcflag_t>(~ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &silent);
  std::string line;
  bool ok = static_cast<bool>(std::getline(std::cin, line));
  tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  std::cerr << "\n";
  if (!ok) throw std::runtime_error("no password entered");
  return line;
}

}  // namespace

std::string readNewPassword() {
  if (!isatty(STDIN_FILENO)) return readLine();
  std::string first = askWithoutEcho("Password: ");
  std::string second = askWithoutEcho("Again: ");
  if (first != second) throw std::runtime_error("the two passwords differ");
  return first;
}

}  // namespace cadre
