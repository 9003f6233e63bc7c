#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "cadre/export.hpp"
#include "cadre/http.hpp"

namespace cadre {

/// Reads the fields of a JSON object with their types, collecting every problem instead of
/// stopping at the first. `finish()` throws one HttpError 400 that names each bad field,
/// including fields the object has but nobody asked for (unknown fields are refused).
///
///   JsonFields in(request.jsonObject());
///   auto name = in.requiredString("name", 1, 200);
///   auto fte = in.optionalDouble("fte");
///   in.finish();
class CADRE_SDK_API JsonFields {
 public:
  explicit JsonFields(Poco::JSON::Object::Ptr object, std::string pathPrefix = "");

  std::string requiredString(const std::string& name, std::size_t minLength = 1,
                             std::size_t maxLength = 1000);
  std::optional<std::string> optionalString(const std::string& name, std::size_t maxLength = 1000);
  std::int64_t requiredInt(const std::string& name);
  std::optional<std::int64_t> optionalInt(const std::string& name);
  double requiredDouble(const std::string& name);
  std::optional<double> optionalDouble(const std::string& name);
  std::optional<bool> optionalBool(const std::string& name);
  /// An ISO-8601 calendar date, YYYY-MM-DD, that exists.
  std::string requiredDate(const std::string& name);
  std::optional<std::string> optionalDate(const std::string& name);
  /// One of the given values.
  std::string requiredEnum(const std::string& name, const std::set<std::string>& allowed);
  std::optional<std::string> optionalEnum(const std::string& name,
                                          const std::set<std::string>& allowed);
  /// The elements of an array field, each an object read by a JsonFields of its own whose
  /// fields are named "name[i].field"; fold each into this one with absorb(). An element that is
  /// not an object, or a field that is not an array, is an error. Empty when absent or null.
  std::vector<JsonFields> optionalObjects(const std::string& name, std::size_t maxCount = 1000);
  /// Takes over the errors (and unknown fields) of a reader of a nested object.
  void absorb(JsonFields& nested);
  /// Whether the field is present (even if null).
  bool has(const std::string& name) const;

  /// Adds a problem found by the caller's own checks.
  void addError(const std::string& field, const std::string& message);
  const std::vector<FieldError>& errors() const { return errors_; }
  /// Throws HttpError 400 listing every error and every unknown field; returns when none.
  void finish();

 private:
  Poco::Dynamic::Var take(const std::string& name);
  /// Adds an error for each field of the object that nobody asked for (once).
  void flagUnknownFields();
  std::string path(const std::string& name) const;
  Poco::JSON::Object::Ptr object_;
  std::string prefix_;
  std::set<std::string> seen_;
  std::vector<FieldError> errors_;
  bool unknownFlagged_ = false;
};

/// Whether a text is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
CADRE_SDK_API bool isValidUtf8(const std::string& text);
/// The number of code points in a UTF-8 text (what a person counts as characters).
CADRE_SDK_API std::size_t utf8Length(const std::string& text);
/// Whether a text is an existing calendar date in the form YYYY-MM-DD.
CADRE_SDK_API bool isIsoDate(const std::string& text);

}  // namespace cadre
