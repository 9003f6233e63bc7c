#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <Poco/NumberParser.h>

#include "cadre/context.hpp"
#include "support/slapd_server.hpp"

namespace cadre::ldap::test {

/// The host's configuration as a plain map: what a properties file or `--set` pairs would hold.
class MapConfig : public ConfigView {
 public:
  explicit MapConfig(std::map<std::string, std::string> values) : values_(std::move(values)) {}
  bool has(const std::string& key) const override { return values_.count(key) > 0; }
  std::string getString(const std::string& key, const std::string& fallback) const override {
    auto found = values_.find(key);
    return found == values_.end() ? fallback : found->second;
  }
  std::int64_t getInt(const std::string& key, std::int64_t fallback) const override {
    return has(key) ? Poco::NumberParser::parse64(values_.at(key)) : fallback;
  }
  bool getBool(const std::string& key, bool fallback) const override {
    return has(key) ? Poco::NumberParser::parseBool(values_.at(key)) : fallback;
  }
  std::optional<std::string> secret(const std::string& key) const override {
    if (has(key)) return values_.at(key);
    if (!has(key + "File")) return std::nullopt;
    std::ifstream in(values_.at(key + "File"));
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  std::map<std::string, std::string> values_;
};

/// The ldap.* keys that point the connector at `server` as its service account, without TLS
/// (the OpenLDAP profile), with `extra` added or overriding.
inline std::map<std::string, std::string> directoryKeys(
    const cadre::test::SlapdServer& server, const std::map<std::string, std::string>& extra = {}) {
  std::map<std::string, std::string> keys{
      {"ldap.uri", server.uri()},          {"ldap.tls", "none"},
      {"ldap.bindDN", server.serviceDN()}, {"ldap.bindPassword", server.servicePassword()},
      {"ldap.baseDN", server.baseDN()},    {"ldap.timeout", "5"}};
  for (const auto& [key, value] : extra) keys[key] = value;
  return keys;
}

}  // namespace cadre::ldap::test
