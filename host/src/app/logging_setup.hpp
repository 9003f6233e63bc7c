#pragma once

#include "config/host_config.hpp"

namespace cadre {

/// Points the root logger at the console (stderr) or, with log.file, at a rotating file, with
/// one line per message: time, priority, source, text. Throws std::invalid_argument for an
/// unknown log.level.
void setUpLogging(const HostConfig& config);

}  // namespace cadre
