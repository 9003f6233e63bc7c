#pragma once

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>

#include "cadre/context.hpp"
#include "fixture_plugin.hpp"
#include "support/test_paths.hpp"

namespace cadre::test {

/// Records the statements of a transaction and whether it committed.
struct TransactionLog {
  std::vector<std::string> statements;
  int begun = 0;
  int committed = 0;
};

class RecordingTransaction : public Transaction {
 public:
  explicit RecordingTransaction(TransactionLog& log) : log_(log) { ++log_.begun; }
  std::int64_t execute(const std::string& sql, const SqlParams& /*params*/) override {
    log_.statements.push_back(sql);
    return 1;
  }
  std::vector<SqlRow> query(const std::string& sql, const SqlParams& /*params*/) override {
    log_.statements.push_back(sql);
    return {};
  }
  std::int64_t insert(const std::string& sql, const SqlParams& /*params*/) override {
    log_.statements.push_back(sql);
    return 1;
  }
  void publish(const std::string& /*topic*/, const std::string& /*payloadJson*/) override {}
  void commit() override { ++log_.committed; }
  SqlDialect dialect() const override { return SqlDialect::Sqlite; }

 private:
  TransactionLog& log_;
};

/// A database that records what is run in it; the plugin host needs no real one.
class RecordingDatabase : public Database {
 public:
  std::unique_ptr<Transaction> begin(TxMode /*mode*/) override {
    return std::make_unique<RecordingTransaction>(log);
  }
  SqlDialect dialect() const override { return SqlDialect::Sqlite; }
  bool ping() override { return true; }
  TransactionLog log;
};

class NoAudit : public AuditLog {
 public:
  void record(Transaction&, const Request&, const AuditEntry&) override {}
  void recordSystem(Transaction&, const std::string&, const AuditEntry&) override {}
};

class NoUsers : public UserAccounts {
 public:
  std::optional<User> findByUsername(Transaction&, const std::string&) override {
    return std::nullopt;
  }
  std::optional<User> findById(Transaction&, std::int64_t) override { return std::nullopt; }
  User upsertExternal(Transaction&, const std::string&, const std::string&, Role,
                      const std::string&) override {
    return {};
  }
  void setDisabled(Transaction&, std::int64_t, bool) override {}
};

class EmptyConfig : public ConfigView {
 public:
  bool has(const std::string&) const override { return false; }
  std::string getString(const std::string&, const std::string& fallback) const override {
    return fallback;
  }
  std::int64_t getInt(const std::string&, std::int64_t fallback) const override { return fallback; }
  bool getBool(const std::string&, bool fallback) const override { return fallback; }
  std::optional<std::string> secret(const std::string&) const override { return std::nullopt; }
};

/// Keeps the messages of a logger.
class CapturingChannel : public Poco::Channel {
 public:
  void log(const Poco::Message& message) override {
    std::lock_guard lock(mutex_);
    messages_.push_back(message.getText());
  }
  std::vector<std::string> messages() const {
    std::lock_guard lock(mutex_);
    return messages_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> messages_;
};

/// Whether a library is loaded in this process now (without loading it).
inline bool isLoaded(const std::string& file) {
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_NOLOAD);
  if (!handle) return false;
  dlclose(handle);
  return true;
}

/// The fixture plugins' journal. On "destroy <name>" it notes whether <name>.so in the test's
/// folder is still loaded, which is what "a library outlives every object it made" promises.
class TestJournal : public fixtures::Journal {
 public:
  explicit TestJournal(std::string folder) : folder_(std::move(folder)) {}
  void record(const std::string& event) override {
    std::string entry = event;
    if (event.rfind("destroy ", 0) == 0) {
      bool loaded = isLoaded(folder_ + "/" + event.substr(8) + ".so");
      entry += loaded ? " (library loaded)" : " (library unloaded)";
    }
    std::lock_guard lock(mutex_);
    events_.push_back(entry);
  }
  std::vector<std::string> events() const {
    std::lock_guard lock(mutex_);
    return events_;
  }

 private:
  std::string folder_;
  mutable std::mutex mutex_;
  std::vector<std::string> events_;
};

/// A fresh folder of its own (mode 0700) with copies of fixture plugins (mode 0755); removed on
/// destruction.
class PluginFolder {
 public:
  PluginFolder() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "cadre-plugins-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
    chmod(path_.c_str(), 0700);
  }
  ~PluginFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  /// Copies tests/fixtures/plugins/<name>.so here with `mode`; returns the copy's path.
  std::string add(const std::string& name, mode_t mode = 0755) {
    std::string from = binaryDir() + "/tests/fixtures/plugins/" + name + ".so";
    std::string to = file(name);
    std::filesystem::copy_file(from, to);
    chmod(to.c_str(), mode);
    return to;
  }
  std::string file(const std::string& name) const { return path_ + "/" + name + ".so"; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace cadre::test
