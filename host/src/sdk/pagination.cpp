#include "cadre/pagination.hpp"

#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/NumberParser.h>

#include "cadre/json_fields.hpp"

namespace cadre {

std::string encodeCursor(const std::string& key) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder << key;
  encoder.close();
  return out.str();
}

std::optional<std::string> decodeCursor(const std::string& cursor) {
  if (cursor.empty() || cursor.size() > 1024) return std::nullopt;
  try {
    std::istringstream in(cursor);
    Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    std::string key((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    if (key.empty() || !isValidUtf8(key)) return std::nullopt;
    return key;
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
}

PageRequest PageRequest::from(const Request& request, std::size_t defaultLimit,
                              std::size_t maxLimit) {
  PageRequest page;
  page.limit = defaultLimit;
  if (auto limit = request.queryParam("limit")) {
    unsigned parsed = 0;
    if (!Poco::NumberParser::tryParseUnsigned(*limit, parsed) || parsed < 1 || parsed > maxLimit) {
      throw HttpError::badRequest(
          "limit must be a whole number from 1 to " + std::to_string(maxLimit),
          {{"limit", "must be from 1 to " + std::to_string(maxLimit)}});
    }
    page.limit = parsed;
  }
  if (auto cursor = request.queryParam("cursor")) {
    auto key = decodeCursor(*cursor);
    if (!key) {
      throw HttpError::badRequest("cursor is not one this API issued",
                                  {{"cursor", "unknown cursor"}});
    }
    page.after = *key;
  }
  return page;
}

}  // namespace cadre
