#pragma once

#include <mutex>
#include <string>

namespace cadre::test {

/// A real PostgreSQL server of the test executable's own: a fresh cluster in a temporary folder,
/// listening only on 127.0.0.1 on a free port (unix sockets in that folder), fsync off. As root,
/// initdb and pg_ctl run as the `postgres` user on a folder that user owns; otherwise as the
/// caller. The binaries are those of the newest version under /usr/lib/postgresql (or
/// $CADRE_POSTGRES_BIN). Clients log in as role `cadre` with password `secret`. The cluster is a
/// copy of a template made once per machine, in /dev/shm unless $TMPDIR is set; clusters left
/// by test processes that died are stopped and removed by the next one.
class PostgresServer {
 public:
  /// The server shared by the executable's tests: started on first use and stopped (and its
  /// folder removed) at exit. Throws std::runtime_error saying why when PostgreSQL is not
  /// installed or does not start within ~30 s; later calls throw the same error at once.
  static PostgresServer& shared();

  /// Creates and starts a cluster; throws std::runtime_error quoting initdb's or the server's
  /// log when it cannot.
  PostgresServer();
  /// Stops the server (immediate shutdown) and removes its folder.
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  /// Creates an empty database `name` (dropping one of that name first) owned by `cadre` and
  /// returns its URL, `postgresql://cadre:secret@127.0.0.1:PORT/name`. Thread-safe.
  std::string createDatabase(const std::string& name);
  /// Stops the server at once and starts it again on the same port: every open connection dies.
  void restart();
  /// The TCP port on 127.0.0.1.
  int port() const { return port_; }
  /// The folder holding the cluster (data/), the server's log (server.log) and its sockets.
  const std::string& folder() const { return folder_; }

 private:
  void initCluster();
  void startServer();
  void stopServer();

  std::string binDir_;
  std::string folder_;
  int port_ = 0;
  bool running_ = false;
  std::mutex mutex_;
};

/// A database name for the running GoogleTest test: its suite and name (parameters included) in
/// lower case, other characters as '_', shortened to PostgreSQL's 63-character limit with a hash
/// to keep it unique.
std::string databaseNameForCurrentTest();

}  // namespace cadre::test
