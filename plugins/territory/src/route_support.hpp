#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "cadre/context.hpp"
#include "cadre/json_fields.hpp"

namespace cadre::territory {

/// Who may change the org and the sales side: admin and hr.
Permission hrWriters();
/// Who may read reports over people (plans, metrics, balance): admin, hr and managers.
Permission peopleReporters();
/// A query parameter that must be a positive id when present; HttpError 400 naming it otherwise.
std::optional<std::int64_t> queryId(const Request& request, const std::string& name);
/// A body field that is unset, null (to clear it) or a positive id; problems go to `in`.
std::optional<std::optional<std::int64_t>> nullableId(JsonFields& in,
                                                      const Poco::JSON::Object::Ptr& body,
                                                      const std::string& name);
/// The name a write is recorded under: the user's username.
std::string actorOf(const Request& request);
/// The If-Match version is checked when the header is given (optional precondition).
void checkVersionIfGiven(const Request& request, std::int64_t current);

/// Turns a member function of a routes object into a Handler that keeps the object alive.
template <typename Routes>
Handler bindRoute(const std::shared_ptr<Routes>& routes,
                  void (Routes::*method)(const Request&, Response&)) {
  return [routes, method](const Request& q, Response& r) { ((*routes).*method)(q, r); };
}

}  // namespace cadre::territory
