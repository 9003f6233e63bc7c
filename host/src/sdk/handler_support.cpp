#include "cadre/handler_support.hpp"

namespace cadre {

std::optional<std::int64_t> queryId(const Request& request, const std::string& name) {
  auto text = request.queryParam(name);
  if (!text) return std::nullopt;
  try {
    std::size_t used = 0;
    auto value = std::stoll(*text, &used);
    if (used == text->size() && value > 0) return value;
  } catch (const std::exception&) {
  }
  throw HttpError::badRequest(name + " must be a positive id", {{name, "not a positive id"}});
}

std::optional<std::optional<std::int64_t>> nullableId(JsonFields& in,
                                                      const Poco::JSON::Object::Ptr& body,
                                                      const std::string& name) {
  if (!in.has(name)) return std::nullopt;
  if (body->isNull(name)) {
    in.optionalInt(name);
    return std::optional<std::int64_t>();
  }
  auto value = in.optionalInt(name);
  if (value && *value <= 0) in.addError(name, "must be a positive id");
  return std::optional<std::int64_t>(value);
}

std::string actorOf(const Request& request) {
  return request.user ? request.user->username : "system";
}

void checkVersionIfGiven(const Request& request, std::int64_t current) {
  if (request.ifMatchVersion()) request.requireVersion(current);
}

bool wantsCsv(const Request& request) {
  if (request.queryParam("format") == std::optional<std::string>("csv")) return true;
  auto accept = request.header("accept");
  return accept && accept->find("text/csv") != std::string::npos;
}

}  // namespace cadre
