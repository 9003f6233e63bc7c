#pragma once

#include <string>

namespace cadre {

/// Reads a new password: one line from standard input when it is not a terminal, otherwise
/// asked for twice on the terminal without echo. Throws std::runtime_error when the two
/// entries differ or input ends.
std::string readNewPassword();

}  // namespace cadre
