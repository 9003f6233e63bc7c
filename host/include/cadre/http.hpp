#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "cadre/export.hpp"
#include "cadre/user.hpp"

namespace cadre {

/// One field that failed validation: its JSON path ("items[2].name") and what is wrong with it.
struct CADRE_SDK_API FieldError {
  std::string field;
  std::string message;
};

/// An error that answers as an RFC 9457 problem document. Handlers throw it; the host turns it
/// into `application/problem+json` with the status, title, detail and field list.
class CADRE_SDK_API HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string title, std::string detail, std::vector<FieldError> fields = {});
  int status() const { return status_; }
  const std::string& title() const { return title_; }
  const std::string& detail() const { return detail_; }
  const std::vector<FieldError>& fields() const { return fields_; }
  /// Headers the answer carries besides the problem document (e.g. Retry-After on 429).
  const std::map<std::string, std::string>& headers() const { return headers_; }
  HttpError& withHeader(const std::string& name, const std::string& value);

  static HttpError badRequest(std::string detail, std::vector<FieldError> fields = {});
  static HttpError unauthorized(std::string detail);
  static HttpError forbidden(std::string detail);
  static HttpError notFound(std::string detail);
  static HttpError conflict(std::string detail);
  static HttpError preconditionRequired(std::string detail);
  static HttpError unprocessable(std::string detail, std::vector<FieldError> fields = {});

 private:
  int status_;
  std::string title_;
  std::string detail_;
  std::vector<FieldError> fields_;
  std::map<std::string, std::string> headers_;
};

/// Who may call a route. A route must state one; the router refuses a route without
/// (deny by default). `Public` routes need no login; `Authenticated` any logged-in user.
class CADRE_SDK_API Permission {
 public:
  /// No permission stated: the router refuses to register such a route.
  Permission() = default;
  static Permission publicAccess();
  static Permission authenticated();
  static Permission roles(std::set<Role> allowed);
  bool isStated() const { return kind_ != Kind::Unstated; }
  bool isPublic() const { return kind_ == Kind::Public; }
  /// Whether a user (or nobody, for a public route) passes.
  bool allows(const User* user) const;
  /// For documentation: "public", "authenticated" or "admin, hr".
  std::string describe() const;

 private:
  enum class Kind { Unstated, Public, Authenticated, Roles };
  Kind kind_ = Kind::Unstated;
  std::set<Role> roles_;
};

/// A request as a handler sees it: already routed, authenticated and size-checked.
class CADRE_SDK_API Request {
 public:
  std::string method;
  std::string path;
  /// Values of the `{name}` segments of the route's pattern.
  std::map<std::string, std::string> pathParams;
  /// Query parameters; the last value wins for repeated names.
  std::map<std::string, std::string> query;
  /// Header names are lower-cased.
  std::map<std::string, std::string> headers;
  std::string body;
  /// The logged-in user; null on a public route called without a session.
  const User* user = nullptr;
  /// The id this request is logged under; also in 500 answers.
  std::string requestId;
  std::string clientAddress;

  /// A path parameter; throws HttpError 404 when it is absent.
  const std::string& param(const std::string& name) const;
  /// A path parameter that must be a positive integer id; 404 otherwise.
  std::int64_t idParam(const std::string& name) const;
  std::optional<std::string> queryParam(const std::string& name) const;
  std::optional<std::string> header(const std::string& lowerCaseName) const;
  /// The body parsed as a JSON object. Throws HttpError 400 for malformed JSON, invalid UTF-8,
  /// nesting deeper than 64, or a body that is not an object.
  Poco::JSON::Object::Ptr jsonObject() const;
  /// The version in If-Match (`"3"` or `W/"3"`); std::nullopt when the header is absent;
  /// HttpError 400 when it is not a version this API issued.
  std::optional<std::int64_t> ifMatchVersion() const;
  /// Throws 428 when If-Match is absent and 409 when it names another version than `current`.
  void requireVersion(std::int64_t current) const;
  /// The logged-in user; throws 401 on a public route without one.
  const User& requireUser() const;
};

/// What a handler answers. JSON helpers set the content type; `noStore()` marks personal data.
class CADRE_SDK_API Response {
 public:
  int status = 200;
  std::string contentType = "application/json";
  std::string body;
  std::map<std::string, std::string> headers;

  void json(const Poco::Dynamic::Var& value, int statusCode = 200);
  void json(const Poco::JSON::Object::Ptr& value, int statusCode = 200);
  void json(const Poco::JSON::Array::Ptr& value, int statusCode = 200);
  /// `{"items": [...], "next": cursor-or-null}`.
  void page(const Poco::JSON::Array::Ptr& items, const std::optional<std::string>& nextCursor);
  /// RFC 4180 text/csv with a header row; fields are quoted where needed and cells that would
  /// start a spreadsheet formula (= + - @) are prefixed with a quote.
  void csv(const std::vector<std::string>& header,
           const std::vector<std::vector<std::string>>& rows, const std::string& fileName);
  void text(const std::string& content, const std::string& type, int statusCode = 200);
  void noContent();
  /// Sets ETag to the quoted version.
  void etag(std::int64_t version);
  /// `Cache-Control: no-store`, for answers that carry personal data.
  void noStore();
};

/// What a route runs. It may throw HttpError for an expected failure; anything else becomes a
/// 500 with a generic body and an error id.
using Handler = std::function<void(const Request&, Response&)>;

/// A route a plugin declares: method, path pattern with `{name}` parameters, permission and
/// what OpenAPI says about it.
struct CADRE_SDK_API Route {
  std::string method;
  std::string pattern;
  Permission permission;
  Handler handler;
  std::string summary;
  /// Marks answers as personal data: the host adds Cache-Control: no-store.
  bool personalData = false;
  /// OpenAPI fragments (JSON text) for the request body and the 2xx answer; empty for none.
  std::string requestSchema;
  std::string responseSchema;
  /// The largest request body this route accepts, in bytes; 0 takes the host's
  /// `http.maxBodyBytes`. Set it for uploads bigger than that limit (the host reads a body
  /// before the handler runs, so only the route can raise it); larger bodies get 413.
  std::size_t maxBodyBytes = 0;
};

}  // namespace cadre
