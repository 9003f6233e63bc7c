#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace cadre::auth {

/// Where the auth and audit code read the time; tests pass a fixed or stepped clock.
using Clock = std::function<std::chrono::system_clock::time_point()>;

/// The real clock (std::chrono::system_clock::now).
Clock systemClock();

/// A time as ISO-8601 UTC with milliseconds, "2026-01-31T08:15:00.000Z". Every timestamp the
/// host stores has this one fixed width, so that comparing the text compares the times.
std::string isoUtc(std::chrono::system_clock::time_point time);

/// Parses what isoUtc writes; std::nullopt for anything else.
std::optional<std::chrono::system_clock::time_point> parseIsoUtc(const std::string& text);

}  // namespace cadre::auth
