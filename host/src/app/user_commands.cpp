#include <iostream>

#include "app/cadre_app.hpp"
#include "app/host_runtime.hpp"
#include "app/password_input.hpp"

namespace cadre {
namespace {

int addUser(HostRuntime& runtime, const CommandLine& line) {
  auto roleName = line.option("role");
  auto role = roleName ? parseRole(*roleName) : std::nullopt;
  if (!role) {
    std::cerr << "cadre: user add needs --role admin|hr|manager|employee\n";
    return 64;
  }
  const std::string& name = line.words[2];
  std::string password = readNewPassword();
  runtime.database().inTransaction([&](Transaction& tx) {
    runtime.users().createLocal(tx, name, line.option("name").value_or(name), *role, password);
    runtime.audit().recordSystem(
        tx, "cli", {"user.create", "user", name, "", "{\"role\":\"" + *roleName + "\"}"});
  });
  std::cout << "added user " << name << " (" << *roleName << ")\n";
  return 0;
}

int setPassword(HostRuntime& runtime, const std::string& name) {
  std::string password = readNewPassword();
  runtime.database().inTransaction([&](Transaction& tx) {
    runtime.users().setPassword(tx, name, password);
    // Whoever held the old password may hold a session too.
    if (auto user = runtime.users().findByUsername(tx, name))
      runtime.sessions().revokeAllOf(tx, user->id);
    runtime.audit().recordSystem(tx, "cli", {"user.password", "user", name, "", ""});
  });
  std::cout << "password of " << name << " changed\n";
  return 0;
}

int setDisabled(HostRuntime& runtime, const std::string& name, bool disabled) {
  bool found = runtime.database().inTransaction([&](Transaction& tx) {
    auto user = runtime.users().findByUsername(tx, name);
    if (!user) return false;
    runtime.users().setDisabled(tx, user->id, disabled);
    if (disabled) runtime.sessions().revokeAllOf(tx, user->id);
    runtime.audit().recordSystem(tx, "cli",
                                 {disabled ? "user.disable" : "user.enable", "user", name, "", ""});
    return true;
  });
  if (!found) {
    std::cerr << "cadre: no user " << name << "\n";
    return 1;
  }
  std::cout << "user " << name << (disabled ? " disabled\n" : " enabled\n");
  return 0;
}

int listUsers(HostRuntime& runtime) {
  auto records = runtime.database().inTransaction(
      [&](Transaction& tx) { return runtime.users().list(tx); }, TxMode::Read);
  std::printf("%-24s %-9s %-8s %-9s %s\n", "USERNAME", "ROLE", "SOURCE", "STATUS", "NAME");
  for (const auto& record : records) {
    std::printf("%-24s %-9s %-8s %-9s %s\n", record.user.username.c_str(),
                roleName(record.user.role), record.user.source.c_str(),
                record.disabled ? "disabled" : "active", record.user.displayName.c_str());
  }
  return 0;
}

}  // namespace

int CadreApp::user() {
  const auto& w = line_.words;
  std::string action = w.size() > 1 ? w[1] : "";
  bool named = action == "add" || action == "passwd" || action == "disable" || action == "enable";
  if ((named && w.size() != 3) || (action == "list" && w.size() != 2) ||
      (!named && action != "list")) {
    std::cerr << usageOf("user");
    return 64;
  }
  auto config = loadConfig();
  HostRuntime runtime(*config);
  runtime.openDatabase();
  if (action == "add") return addUser(runtime, line_);
  if (action == "passwd") return setPassword(runtime, w[2]);
  if (action == "disable") return setDisabled(runtime, w[2], true);
  if (action == "enable") return setDisabled(runtime, w[2], false);
  return listUsers(runtime);
}

}  // namespace cadre
