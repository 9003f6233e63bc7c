#pragma once

#include <string>

#include "cadre/export.hpp"
#include "cadre/http.hpp"

namespace cadre {

/// Today's date on this server's clock, YYYY-MM-DD.
CADRE_SDK_API std::string today();
/// The current instant, ISO-8601 UTC with seconds ("2026-11-26T09:30:00Z").
CADRE_SDK_API std::string nowTimestamp();
/// The date a read is asked for: `asOf` when given (HttpError 400 naming it when malformed),
/// today otherwise.
CADRE_SDK_API std::string asOfDate(const Request& request);
/// The day after a date (YYYY-MM-DD).
CADRE_SDK_API std::string nextDay(const std::string& isoDate);
/// Whole days from one date to another (negative when `to` is earlier). Both are YYYY-MM-DD,
/// or ISO-8601 timestamps whose date part is used.
CADRE_SDK_API long daysBetween(const std::string& from, const std::string& to);

}  // namespace cadre
