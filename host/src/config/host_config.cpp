#include "config/host_config.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/String.h>

namespace cadre {

const std::vector<ConfigKey>& hostConfigKeys() {
  static const std::vector<ConfigKey> keys = {
      {"http.address", "127.0.0.1", "address the HTTP server listens on"},
      {"http.port", "8080", "port the HTTP server listens on (0 picks a free one)"},
      {"http.threads", "16", "request threads"},
      {"http.maxBodyBytes", "1048576", "largest request body accepted; larger ones get 413"},
      {"http.secureCookies", "false", "mark session cookies Secure (set when served over HTTPS)"},
      {"db.url", "sqlite:cadre.db", "sqlite:PATH or postgresql://user:password@host:port/db"},
      {"db.password", "", "PostgreSQL password, if not in db.url (or db.passwordFile)", true},
      {"db.poolSize", "16", "database connections per host"},
      {"db.sqlite.cacheMiB", "64",
       "SQLite only: the page cache of each connection, grown only as pages are read or written"},
      {"db.sqlite.checkpointMillis", "1000",
       "SQLite only: how often a background thread moves the write-ahead log into the database "
       "file (0: SQLite does it inside the commit that fills the log)"},
      {"plugins.dir", "{exe}/../lib/cadre/plugins", "folder the plugins load from"},
      {"web.dir", "{exe}/../share/cadre/web", "folder of the web shell's files"},
      {"log.level", "information",
       "fatal, critical, error, warning, notice, information, debug, trace"},
      {"log.file", "", "log to this file (rotated) instead of the console"},
      {"log.rotation", "10 M", "rotate the log file at this size"},
      {"session.ttlSeconds", "43200", "how long a login lasts"},
      {"session.cacheMillis", "1000",
       "how long a host keeps a looked-up session in memory; a session revoked on another host or "
       "by the CLI stops working within this time (0: read the database on every request)"},
      {"admin.password", "", "password for the admin user that `cadre demo` creates", true},
  };
  return keys;
}

HostConfig::HostConfig(const std::optional<std::string>& file,
                       std::map<std::string, std::string> overrides,
                       const std::string& executableDir)
    : overrides_(std::move(overrides)) {
  for (const auto& key : hostConfigKeys()) {
    defaults_[key.key] = Poco::replace(key.fallback, std::string("{exe}"), executableDir);
  }
  if (file) {
    try {
      file_ = new Poco::Util::PropertyFileConfiguration(*file);
    } catch (const Poco::Exception& e) {
      throw std::runtime_error("cannot read the configuration file " + *file + ": " +
                               e.displayText());
    }
  }
}

std::string HostConfig::environmentName(const std::string& key) {
  std::string name = "CADRE_" + Poco::toUpper(key);
  Poco::replaceInPlace(name, std::string("."), std::string("_"));
  return name;
}

std::optional<std::string> HostConfig::lookup(const std::string& key) const {
  if (auto it = overrides_.find(key); it != overrides_.end()) return it->second;
  if (const char* env = std::getenv(environmentName(key).c_str())) return std::string(env);
  if (file_ && file_->hasProperty(key)) return file_->getString(key);
  return std::nullopt;
}

std::string HostConfig::sourceOf(const std::string& key) const {
  if (overrides_.count(key)) return "--set";
  if (std::getenv(environmentName(key).c_str())) return "environment";
  if (file_ && file_->hasProperty(key)) return "file";
  return "default";
}

bool HostConfig::has(const std::string& key) const {
  return lookup(key).has_value();
}

std::string HostConfig::get(const std::string& key) const {
  auto it = defaults_.find(key);
  return getString(key, it == defaults_.end() ? "" : it->second);
}

std::string HostConfig::getString(const std::string& key, const std::string& fallback) const {
  return lookup(key).value_or(fallback);
}

std::int64_t HostConfig::getInt(const std::string& key, std::int64_t fallback) const {
  auto text = lookup(key);
  if (!text) {
    auto it = defaults_.find(key);
    if (it == defaults_.end() || it->second.empty()) return fallback;
    text = it->second;
  }
  Poco::Int64 value = 0;
  if (!Poco::NumberParser::tryParse64(Poco::trim(*text), value)) {
    throw std::invalid_argument("configuration key " + key + " must be a whole number, not '" +
                                *text + "'");
  }
  return value;
}

bool HostConfig::getBool(const std::string& key, bool fallback) const {
  auto text = lookup(key);
  if (!text) {
    auto it = defaults_.find(key);
    if (it == defaults_.end() || it->second.empty()) return fallback;
    text = it->second;
  }
  bool value = false;
  if (!Poco::NumberParser::tryParseBool(Poco::trim(*text), value)) {
    throw std::invalid_argument("configuration key " + key + " must be true or false, not '" +
                                *text + "'");
  }
  return value;
}

std::optional<std::string> HostConfig::secret(const std::string& key) const {
  if (auto value = lookup(key); value && !value->empty()) return value;
  auto fileName = lookup(key + "File");
  if (!fileName || fileName->empty()) return std::nullopt;
  std::ifstream in(*fileName);
  if (!in) throw std::runtime_error("cannot read " + key + "File " + *fileName);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return Poco::trim(content);
}

}  // namespace cadre
