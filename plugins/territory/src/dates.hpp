#pragma once

#include <string>

#include "cadre/http.hpp"

namespace cadre::territory {

/// Today's date on this server's clock, YYYY-MM-DD.
std::string today();
/// The current instant, ISO-8601 UTC with seconds ("2026-11-26T09:30:00Z").
std::string nowTimestamp();
/// The date a read is asked for: `asOf` when given (HttpError 400 naming it when malformed),
/// today otherwise.
std::string asOfDate(const Request& request);
/// The day after a date.
std::string nextDay(const std::string& isoDate);

}  // namespace cadre::territory
