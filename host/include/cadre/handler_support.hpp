#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "cadre/export.hpp"
#include "cadre/http.hpp"
#include "cadre/json_fields.hpp"

namespace cadre {

/// A query parameter that must be a positive id when present; HttpError 400 naming it otherwise.
CADRE_SDK_API std::optional<std::int64_t> queryId(const Request& request, const std::string& name);
/// A body field that is unset (outer nullopt), null (to clear it: inner nullopt) or a positive
/// id; problems go to `in`.
CADRE_SDK_API std::optional<std::optional<std::int64_t>> nullableId(
    JsonFields& in, const Poco::JSON::Object::Ptr& body, const std::string& name);
/// The name a write is recorded under: the user's username, "system" without one.
CADRE_SDK_API std::string actorOf(const Request& request);
/// Checks If-Match against `current` only when the header is given (an optional precondition).
CADRE_SDK_API void checkVersionIfGiven(const Request& request, std::int64_t current);
/// Whether a list was asked for as CSV (`Accept: text/csv` or `format=csv`).
CADRE_SDK_API bool wantsCsv(const Request& request);

/// Turns a member function of a routes object into a Handler that keeps the object alive.
template <typename Routes>
Handler bindRoute(const std::shared_ptr<Routes>& routes,
                  void (Routes::*method)(const Request&, Response&)) {
  return [routes, method](const Request& q, Response& r) { ((*routes).*method)(q, r); };
}

}  // namespace cadre
