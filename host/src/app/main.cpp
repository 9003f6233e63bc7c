#include <unistd.h>

#include <iostream>

#include <Poco/Path.h>

#include "app/cadre_app.hpp"

namespace {

/// The folder of the running executable, which the defaults of plugins.dir and web.dir use.
std::string executableDir(const char* argv0) {
  char buffer[4096];
  ssize_t length = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  std::string path = length > 0 ? std::string(buffer, static_cast<std::size_t>(length)) : argv0;
  return Poco::Path(path).makeAbsolute().parent().toString(Poco::Path::PATH_UNIX);
}

}  // namespace

int main(int argc, char** argv) {
  cadre::CommandLine line;
  try {
    line = cadre::CommandLine::parse(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::invalid_argument& e) {
    std::cerr << "cadre: " << e.what() << "\n" << cadre::usageOf("");
    return 64;
  }
  std::string dir = executableDir(argv[0]);
  if (!dir.empty() && dir.back() == '/') dir.pop_back();
  cadre::CadreApp app(std::move(line), dir);
  // Poco sees only the program name: the line was parsed above.
  return app.run(1, argv);
}
