#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/database.hpp"

namespace cadre {

/// The value to bind for an optional column: the value, or NULL when there is none.
inline SqlValue nullable(const std::optional<std::int64_t>& value) {
  if (value) return *value;
  return nullptr;
}
inline SqlValue nullable(const std::optional<double>& value) {
  if (value) return *value;
  return nullptr;
}
inline SqlValue nullable(const std::optional<std::string>& value) {
  if (value) return *value;
  return nullptr;
}
/// The value to bind for a text column that stores "none" as NULL: NULL for empty text.
inline SqlValue textOrNull(const std::string& value) {
  if (value.empty()) return nullptr;
  return value;
}

}  // namespace cadre
