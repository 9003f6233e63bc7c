#include <iostream>

#include "app/cadre_app.hpp"
#include "app/host_runtime.hpp"
#include "auth/secret_token.hpp"

namespace cadre {

int CadreApp::demo() {
  auto config = loadConfig();
  HostRuntime runtime(*config);
  runtime.openDatabase();
  runtime.loadPlugins();
  bool adminExists = runtime.database().inTransaction(
      [&](Transaction& tx) { return runtime.users().findByUsername(tx, "admin").has_value(); },
      TxMode::Read);
  if (adminExists) {
    std::cout << "demo: the admin user exists already; nothing seeded again\n";
    return 0;
  }
  std::string password = config->secret("admin.password").value_or(auth::newSecretToken(12));
  runtime.database().inTransaction([&](Transaction& tx) {
    runtime.users().createLocal(tx, "admin", "Administrator", Role::Admin, password);
    runtime.audit().recordSystem(tx, "demo",
                                 {"user.create", "user", "admin", "", "{\"role\":\"admin\"}"});
    // One login per role, same password; plugins link them to demo people (e.g. the territory
    // plugin makes "manager" a team head and "employee" a rep of that team).
    struct DemoLogin {
      const char* username;
      const char* displayName;
      Role role;
    };
    const DemoLogin kDemoLogins[] = {{"hr", "Demo HR", Role::Hr},
                                     {"manager", "Demo Manager", Role::Manager},
                                     {"employee", "Demo Employee", Role::Employee}};
    for (const auto& login : kDemoLogins) {
      runtime.users().createLocal(tx, login.username, login.displayName, login.role, password);
      runtime.audit().recordSystem(tx, "demo",
                                   {"user.create", "user", login.username, "",
                                    std::string("{\"role\":\"") + roleName(login.role) + "\"}"});
    }
  });
  runtime.plugins().seedDemo();
  std::size_t running = 0;
  for (const auto& status : runtime.plugins().statuses()) running += status.state == "running";
  std::cout << "demo: " << running << " plugin(s) seeded their demo data in "
            << runtime.database().describe() << "\n"
            << "demo: log in as admin with password " << password << "\n"
            << "demo: hr, manager and employee have the same password\n";
  return 0;
}

}  // namespace cadre
