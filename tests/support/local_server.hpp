#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

// What the real servers a test runs of its own (PostgreSQL, slapd) have in common: a free
// loopback port, a scratch folder, programs run with a deadline.

namespace cadre::test {

/// Where scratch folders go: $TMPDIR when set, else /dev/shm (memory: servers copy, load and
/// start several times faster there than on a loaded disk), else the system's temporary folder.
std::filesystem::path scratchRoot();

/// Writes the calling process's id into `folder`/owner.pid, for removeOrphanFolders.
void markOwner(const std::string& folder);

/// For each folder in scratchRoot() named `prefix`… whose owner.pid names a process that is
/// gone (a crash, a ctest timeout): calls `cleanUp` with it (to stop what still runs there) and
/// removes it.
void removeOrphanFolders(const std::string& prefix,
                         const std::function<void(const std::string& folder)>& cleanUp = {});

/// Calls `start` with a free loopback port; the port is free when picked but another process
/// may take it first, so a start that throws std::runtime_error is tried again on another port,
/// three times in all. Returns the port that worked.
int startOnFreePort(const std::string& forWhat, const std::function<void(int port)>& start);

/// A TCP port on 127.0.0.1 that nobody listens on right now (the kernel's pick for port 0).
/// Throws std::runtime_error naming `forWhat` when it cannot pick one.
int freeLoopbackPort(const std::string& forWhat);

/// Starts `argv` (argv[0] a full path) in `cwd` with stdin from /dev/null and stdout and stderr
/// appended to `logPath`; returns its process id. With `dieWithParent` the kernel kills it
/// (SIGKILL) when the calling thread ends, so that a crashed test leaves no server behind.
/// Throws std::runtime_error when fork fails.
pid_t startProgram(const std::vector<std::string>& argv, const std::string& cwd,
                   const std::string& logPath, bool dieWithParent = false);

/// Runs `argv` like startProgram and waits for it; kills it and throws std::runtime_error (with
/// the command and the log's tail) when it outlives `timeout`. Returns the exit status (128 +
/// signal if killed).
int runProgram(const std::vector<std::string>& argv, const std::string& cwd,
               const std::string& logPath, std::chrono::seconds timeout);

/// The last `maxChars` characters of a file, for error messages; "(empty PATH)" when empty.
std::string fileTail(const std::string& path, std::size_t maxChars = 2000);

}  // namespace cadre::test
