#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cadre/export.hpp"
#include "cadre/http.hpp"

namespace cadre {

/// A page request read from `limit` and `cursor`. The cursor is opaque to clients; inside it is
/// the sort key of the last row served (keyset pagination, stable under inserts).
struct CADRE_SDK_API PageRequest {
  std::size_t limit = 50;
  /// The key after which the page starts; empty for the first page.
  std::string after;

  /// Reads `limit` (1..maxLimit, default defaultLimit) and `cursor`; HttpError 400 naming the
  /// parameter when either is malformed.
  static PageRequest from(const Request& request, std::size_t defaultLimit = 50,
                          std::size_t maxLimit = 500);
};

/// Encodes a sort key as a cursor (URL-safe base64).
CADRE_SDK_API std::string encodeCursor(const std::string& key);
/// Decodes a cursor; std::nullopt when it is not one this API issued.
CADRE_SDK_API std::optional<std::string> decodeCursor(const std::string& cursor);

}  // namespace cadre
