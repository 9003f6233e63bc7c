#pragma once

#include <optional>
#include <string>

namespace cadre::recruiting {

/// An ISO-8601 date and time with seconds optional and a zone (Z or ±HH:MM), e.g.
/// "2026-11-26T10:30+01:00", as the UTC instant recruiting stores ("2026-11-26T09:30:00Z"):
/// stored instants compare as text. std::nullopt when the text is not such a time or names a
/// day or hour that does not exist.
std::optional<std::string> utcInstant(const std::string& text);

}  // namespace cadre::recruiting
