#include "app/logging_setup.hpp"

#include <stdexcept>

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/FileChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/PatternFormatter.h>

namespace cadre {

void setUpLogging(const HostConfig& config) {
  Poco::AutoPtr<Poco::Channel> sink;
  std::string file = config.get("log.file");
  if (file.empty()) {
    sink = new Poco::ConsoleChannel;
  } else {
    Poco::AutoPtr<Poco::FileChannel> rotating = new Poco::FileChannel(file);
    rotating->setProperty("rotation", config.get("log.rotation"));
    rotating->setProperty("archive", "timestamp");
    rotating->setProperty("purgeCount", "10");
    sink = rotating;
  }
  Poco::AutoPtr<Poco::PatternFormatter> format =
      new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S.%i %q %s: %t");
  format->setProperty("times", "UTC");
  Poco::AutoPtr<Poco::FormattingChannel> channel = new Poco::FormattingChannel(format, sink);
  int level = 0;
  try {
    level = Poco::Logger::parseLevel(config.get("log.level"));
  } catch (const Poco::Exception&) {
    throw std::invalid_argument("log.level '" + config.get("log.level") +
                                "' is none of fatal, critical, error, warning, notice, "
                                "information, debug, trace");
  }
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::root().setLevel(level);
  // Loggers made before this point (static ones) keep their old channel: update them all.
  Poco::Logger::setChannel("", channel);
  Poco::Logger::setLevel("", level);
}

}  // namespace cadre
