#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace cadre::test {

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
/// the log's tail) when it outlives `timeout`. Returns the exit status (128 + signal if killed).
int runProgram(const std::vector<std::string>& argv, const std::string& cwd,
               const std::string& logPath, std::chrono::seconds timeout);

/// The last `maxChars` characters of a file, for error messages; "(empty PATH)" when empty.
std::string fileTail(const std::string& path, std::size_t maxChars = 2000);

}  // namespace cadre::test
