#include "auth/token_source.hpp"

#include <Poco/String.h>

namespace cadre::auth {
namespace {

std::optional<std::string> bearerToken(const Request& request) {
  auto header = request.header("authorization");
  if (!header) return std::nullopt;
  std::string value = Poco::trim(*header);
  const std::string scheme = "bearer ";
  if (value.size() <= scheme.size() || Poco::icompare(value.substr(0, scheme.size()), scheme) != 0)
    return std::nullopt;
  std::string token = Poco::trim(value.substr(scheme.size()));
  if (token.empty()) return std::nullopt;
  return token;
}

std::optional<std::string> cookieToken(const Request& request) {
  auto header = request.header("cookie");
  if (!header) return std::nullopt;
  const std::string prefix = std::string(kSessionCookie) + "=";
  std::size_t start = 0;
  while (start <= header->size()) {
    std::size_t end = header->find(';', start);
    if (end == std::string::npos) end = header->size();
    std::string pair = Poco::trim(header->substr(start, end - start));
    if (pair.compare(0, prefix.size(), prefix) == 0 && pair.size() > prefix.size()) {
      return pair.substr(prefix.size());
    }
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> presentedToken(const Request& request, bool& viaCookie) {
  viaCookie = false;
  if (auto token = bearerToken(request)) return token;
  auto token = cookieToken(request);
  viaCookie = token.has_value();
  return token;
}

}  // namespace cadre::auth
