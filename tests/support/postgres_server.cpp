#include "support/postgres_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "support/local_server.hpp"

namespace cadre::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr auto kStepTimeout = 30s;
const char* const kInstallHint = "scripts/setup.sh installs the Debian package 'postgresql'";

/// The bin folder of the newest PostgreSQL under /usr/lib/postgresql, or $CADRE_POSTGRES_BIN.
std::string findBinDir() {
  if (const char* forced = std::getenv("CADRE_POSTGRES_BIN")) {
    if (!fs::exists(fs::path(forced) / "initdb"))
      throw std::runtime_error(std::string("PostgreSQL is not installed: no initdb in "
                                           "$CADRE_POSTGRES_BIN=") +
                               forced + " (" + kInstallHint + ")");
    return forced;
  }
  const fs::path root = "/usr/lib/postgresql";
  int best = -1;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || !std::all_of(name.begin(), name.end(), ::isdigit)) continue;
    if (!fs::exists(entry.path() / "bin" / "initdb") ||
        !fs::exists(entry.path() / "bin" / "pg_ctl"))
      continue;
    best = std::max(best, std::stoi(name));
  }
  if (best < 0) {
    throw std::runtime_error("PostgreSQL is not installed: no " + root.string() +
                             "/<version>/bin/initdb (" + kInstallHint + ")");
  }
  return (root / std::to_string(best) / "bin").string();
}

bool isRoot() {
  return ::geteuid() == 0;
}

/// Runs a program (as `postgres` via runuser when we are root) in `cwd` with its output in
/// `logPath`; kills it and throws when it outlives `timeout`. Returns the exit status.
int runAsOwner(std::vector<std::string> argv, const std::string& cwd, const std::string& logPath,
               std::chrono::seconds timeout) {
  if (isRoot()) argv.insert(argv.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
  return runProgram(argv, cwd, logPath, timeout);
}

/// The owner initdb and pg_ctl run as: `postgres` when we are root, else ourselves.
uid_t clusterOwner() {
  if (!isRoot()) return ::geteuid();
  const passwd* user = ::getpwnam("postgres");
  if (!user) {
    throw std::runtime_error(std::string("running as root but there is no 'postgres' user (") +
                             kInstallHint + ")");
  }
  return user->pw_uid;
}

/// Makes a folder from `pattern` (ending in XXXXXX) that the cluster owner owns.
std::string makeOwnedFolder(const std::string& pattern) {
  std::string path = pattern;
  if (!::mkdtemp(path.data())) throw std::runtime_error("cannot create a folder from " + pattern);
  if (isRoot()) {
    const passwd* user = ::getpwnam("postgres");
    if (::chown(path.c_str(), user->pw_uid, user->pw_gid) != 0)
      throw std::runtime_error("cannot hand " + path + " to the postgres user");
  }
  return path;
}

/// Runs initdb into `folder`/data: role `cadre` with password `secret`, UTF-8, no locale.
void runInitdb(const std::string& binDir, const std::string& folder) {
  const std::string passwordFile = folder + "/password";
  const std::string log = folder + "/initdb.log";
  std::ofstream(passwordFile) << "secret\n";
  if (isRoot()) {
    const passwd* user = ::getpwnam("postgres");
    if (::chown(passwordFile.c_str(), user->pw_uid, user->pw_gid) != 0)
      throw std::runtime_error("cannot hand " + passwordFile + " to the postgres user");
  }
  int status =
      runAsOwner({binDir + "/initdb", "-D", folder + "/data", "-U", "cadre",
                  "--pwfile=" + passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust",
                  "-E", "UTF8", "--no-locale", "--no-sync", "--wal-segsize=1"},
                 folder, log, kStepTimeout);
  if (status != 0)
    throw std::runtime_error("initdb failed (exit " + std::to_string(status) +
                             "): " + fileTail(log));
}

/// A freshly initialized cluster to copy, made once per machine, PostgreSQL version and owner
/// (ctest runs every test in a process of its own; copying is ~6x faster than initdb). Made
/// aside and renamed into place, so concurrent test processes never see half of one.
std::string clusterTemplate(const std::string& binDir) {
  const uid_t owner = clusterOwner();
  const fs::path root = scratchRoot();
  const std::string version = fs::path(binDir).parent_path().filename().string();
  const fs::path ready = root / ("cadre-pg" + version + "-template-" + std::to_string(owner));
  struct stat info {};
  if (::stat((ready / "data" / "PG_VERSION").c_str(), &info) == 0 && info.st_uid == owner)
    return (ready / "data").string();
  const std::string folder = makeOwnedFolder((root / "cadre-pgtemplate-XXXXXX").string());
  std::error_code ec;
  try {
    runInitdb(binDir, folder);
  } catch (...) {
    fs::remove_all(folder, ec);
    throw;
  }
  if (::rename(folder.c_str(), ready.c_str()) != 0) fs::remove_all(folder, ec);  // lost the race
  if (::stat((ready / "data" / "PG_VERSION").c_str(), &info) != 0 || info.st_uid != owner)
    throw std::runtime_error("the cluster template " + ready.string() + " is not usable");
  return (ready / "data").string();
}

/// Stops and removes the clusters of test processes that died without cleaning up.
void reapOrphans(const std::string& binDir) {
  removeOrphanFolders("cadre-pg-run-", [&binDir](const std::string& folder) {
    if (fs::exists(folder + "/data/postmaster.pid")) {
      runAsOwner({binDir + "/pg_ctl", "-D", folder + "/data", "-m", "immediate", "-w", "stop"},
                 folder, folder + "/pg_ctl.log", kStepTimeout);
    }
  });
}

/// Runs one SQL command as `cadre` on the server's `postgres` database; throws with the error.
void runAdminSql(int port, const std::string& sql) {
  std::string conninfo = "host=127.0.0.1 port=" + std::to_string(port) +
                         " dbname=postgres user=cadre password=secret connect_timeout=10";
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(conninfo.c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK)
    throw std::runtime_error("cannot connect to the test PostgreSQL: " +
                             std::string(PQerrorMessage(conn.get())));
  // "database … does not exist, skipping" is no news to a test.
  PQsetNoticeProcessor(
      conn.get(), [](void*, const char*) {}, nullptr);
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
    throw std::runtime_error(sql + ": " + PQerrorMessage(conn.get()));
}

std::string quoteIdentifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

PostgresServer& PostgresServer::shared() {
  static std::once_flag once;
  static std::unique_ptr<PostgresServer> server;
  static std::string failure;
  std::call_once(once, [] {
    try {
      server = std::make_unique<PostgresServer>();
      std::atexit([] { server.reset(); });
    } catch (const std::exception& e) {
      failure = e.what();
    }
  });
  if (!server) throw std::runtime_error("the test PostgreSQL server is not available: " + failure);
  return *server;
}

PostgresServer::PostgresServer() : binDir_(findBinDir()) {
  clusterOwner();  // fails early and clearly when root has no postgres user
  reapOrphans(binDir_);
  folder_ = makeOwnedFolder((scratchRoot() / "cadre-pg-run-XXXXXX").string());
  markOwner(folder_);
  try {
    initCluster();
    port_ = startOnFreePort("PostgreSQL", [this](int port) {
      port_ = port;
      startServer();
    });
  } catch (...) {
    std::error_code ec;
    fs::remove_all(folder_, ec);
    throw;
  }
}

PostgresServer::~PostgresServer() {
  try {
    if (running_) stopServer();
  } catch (...) {
    // Nothing to do at exit: the folder goes anyway.
  }
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

void PostgresServer::initCluster() {
  const std::string data = folder_ + "/data";
  const std::string log = folder_ + "/initdb.log";
  const std::string templateData = clusterTemplate(binDir_);
  int status = runAsOwner({"/bin/cp", "-a", templateData, data}, folder_, log, kStepTimeout);
  if (status != 0)
    throw std::runtime_error("copying the cluster template failed: " + fileTail(log));
  std::ofstream(data + "/postgresql.conf", std::ios::app)
      << "\n# cadre tests\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '" << folder_
      << "'\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
      << "max_connections = 100\nshared_buffers = 32MB\n";
}

void PostgresServer::startServer() {
  const std::string log = folder_ + "/pg_ctl.log";
  int status = runAsOwner(
      {binDir_ + "/pg_ctl", "-D", folder_ + "/data", "-l", folder_ + "/server.log", "-o",
       "-p " + std::to_string(port_), "-w", "-t", std::to_string(kStepTimeout.count()), "start"},
      folder_, log, kStepTimeout + 10s);
  if (status != 0) {
    throw std::runtime_error("PostgreSQL did not start on 127.0.0.1:" + std::to_string(port_) +
                             " within " + std::to_string(kStepTimeout.count()) +
                             " s: " + fileTail(log) + "\n" + fileTail(folder_ + "/server.log"));
  }
  running_ = true;
}

void PostgresServer::stopServer() {
  running_ = false;
  const std::string log = folder_ + "/pg_ctl.log";
  int status = runAsOwner({binDir_ + "/pg_ctl", "-D", folder_ + "/data", "-m", "immediate", "-w",
                           "-t", std::to_string(kStepTimeout.count()), "stop"},
                          folder_, log, kStepTimeout + 10s);
  if (status != 0) throw std::runtime_error("pg_ctl stop failed: " + fileTail(log));
}

std::string PostgresServer::createDatabase(const std::string& name) {
  std::lock_guard lock(mutex_);
  runAdminSql(port_, "DROP DATABASE IF EXISTS " + quoteIdentifier(name) + " WITH (FORCE)");
  runAdminSql(port_, "CREATE DATABASE " + quoteIdentifier(name) + " OWNER cadre");
  return "postgresql://cadre:secret@127.0.0.1:" + std::to_string(port_) + "/" + name;
}

void PostgresServer::restart() {
  std::lock_guard lock(mutex_);
  stopServer();
  startServer();
}

std::string databaseNameForCurrentTest() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string full = info ? std::string(info->test_suite_name()) + "_" + info->name() : "adhoc";
  std::string name;
  for (char c : full) {
    auto u = static_cast<unsigned char>(c);
    name += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : '_';
  }
  if (name.size() > 63) {
    std::string hash = std::to_string(std::hash<std::string>{}(full) % 100000000);
    name = name.substr(0, 62 - hash.size()) + "_" + hash;
  }
  return name;
}

}  // namespace cadre::test
