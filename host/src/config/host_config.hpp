#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <Poco/AutoPtr.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "cadre/context.hpp"

namespace cadre {

/// A documented configuration key with its default ("" for none).
struct ConfigKey {
  std::string key;
  std::string fallback;
  std::string description;
  bool secret = false;
};

/// The keys the host itself reads, with defaults; `cadre config check` and the README list them.
const std::vector<ConfigKey>& hostConfigKeys();

/// The host's configuration in layers, highest first: `--set KEY=VALUE`, environment variables
/// (CADRE_ + the key upper-cased with dots as underscores: http.port → CADRE_HTTP_PORT), the
/// properties file, then the documented defaults. Immutable after construction: thread-safe.
class HostConfig : public ConfigView {
 public:
  /// Reads `file` when given; throws std::runtime_error naming the file when it cannot.
  /// `executableDir` anchors the defaults that point next to the executable.
  HostConfig(const std::optional<std::string>& file, std::map<std::string, std::string> overrides,
             const std::string& executableDir);

  bool has(const std::string& key) const override;
  std::string getString(const std::string& key, const std::string& fallback) const override;
  std::int64_t getInt(const std::string& key, std::int64_t fallback) const override;
  bool getBool(const std::string& key, bool fallback) const override;
  std::optional<std::string> secret(const std::string& key) const override;

  /// A host key's value, falling back to its documented default.
  std::string get(const std::string& key) const;
  /// Where a key's value comes from: "--set", "environment", "file" or "default".
  std::string sourceOf(const std::string& key) const;
  /// The environment variable that overrides a key.
  static std::string environmentName(const std::string& key);

 private:
  std::optional<std::string> lookup(const std::string& key) const;

  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file_;
  std::map<std::string, std::string> overrides_;
  std::map<std::string, std::string> defaults_;
};

}  // namespace cadre
