#include "cadre/json_fields.hpp"

#include <cmath>

#include <Poco/JSON/Array.h>

namespace cadre {
namespace {

bool isInteger(const Poco::Dynamic::Var& v) {
  return v.isInteger() && !v.isBoolean();
}

bool isNumber(const Poco::Dynamic::Var& v) {
  return isInteger(v) || v.type() == typeid(double);
}

std::string jsonTypeName(const Poco::Dynamic::Var& v) {
  if (v.isEmpty()) return "null";
  if (v.isBoolean()) return "a boolean";
  if (isNumber(v)) return "a number";
  if (v.isString()) return "a string";
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) return "an object";
  if (v.type() == typeid(Poco::JSON::Array::Ptr)) return "an array";
  return "an unexpected value";
}

}  // namespace

std::size_t utf8Length(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool isValidUtf8(const std::string& text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t extra;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= n) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

bool isIsoDate(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  int year = std::stoi(text.substr(0, 4));
  int month = std::stoi(text.substr(5, 2));
  int day = std::stoi(text.substr(8, 2));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int maxDay = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= maxDay;
}

JsonFields::JsonFields(Poco::JSON::Object::Ptr object, std::string pathPrefix)
    : object_(std::move(object)), prefix_(std::move(pathPrefix)) {}

std::string JsonFields::path(const std::string& name) const {
  return prefix_.empty() ? name : prefix_ + "." + name;
}

bool JsonFields::has(const std::string& name) const {
  return object_->has(name);
}

Poco::Dynamic::Var JsonFields::take(const std::string& name) {
  seen_.insert(name);
  if (!object_->has(name)) return {};
  return object_->get(name);
}

void JsonFields::addError(const std::string& field, const std::string& message) {
  errors_.push_back({path(field), message});
}

std::optional<std::string> JsonFields::optionalString(const std::string& name,
                                                      std::size_t maxLength) {
  auto v = take(name);
  if (v.isEmpty()) return std::nullopt;
  if (!v.isString()) {
    addError(name, "must be a string, not " + jsonTypeName(v));
    return std::nullopt;
  }
  std::string text = v.extract<std::string>();
  if (!isValidUtf8(text)) {
    addError(name, "is not valid UTF-8");
    return std::nullopt;
  }
  if (utf8Length(text) > maxLength) {
    addError(name, "must be at most " + std::to_string(maxLength) + " characters");
    return std::nullopt;
  }
  return text;
}

std::string JsonFields::requiredString(const std::string& name, std::size_t minLength,
                                       std::size_t maxLength) {
  bool present = object_->has(name) && !object_->get(name).isEmpty();
  auto text = optionalString(name, maxLength);
  if (!present) {
    addError(name, "is required");
    return {};
  }
  if (text && utf8Length(*text) < minLength) {
    addError(name, minLength == 1
                       ? "must not be empty"
                       : "must be at least " + std::to_string(minLength) + " characters");
  }
  return text.value_or("");
}

std::optional<std::int64_t> JsonFields::optionalInt(const std::string& name) {
  auto v = take(name);
  if (v.isEmpty()) return std::nullopt;
  if (isInteger(v)) return v.convert<Poco::Int64>();
  if (v.type() == typeid(double)) {
    double d = v.extract<double>();
    if (std::floor(d) == d && std::fabs(d) < 9.0e15) return static_cast<std::int64_t>(d);
  }
  addError(name, "must be a whole number, not " + jsonTypeName(v));
  return std::nullopt;
}

std::int64_t JsonFields::requiredInt(const std::string& name) {
  if (!object_->has(name) || object_->get(name).isEmpty()) {
    take(name);
    addError(name, "is required");
    return 0;
  }
  return optionalInt(name).value_or(0);
}

std::optional<double> JsonFields::optionalDouble(const std::string& name) {
  auto v = take(name);
  if (v.isEmpty()) return std::nullopt;
  if (isNumber(v)) return v.convert<double>();
  addError(name, "must be a number, not " + jsonTypeName(v));
  return std::nullopt;
}

double JsonFields::requiredDouble(const std::string& name) {
  if (!object_->has(name) || object_->get(name).isEmpty()) {
    take(name);
    addError(name, "is required");
    return 0;
  }
  return optionalDouble(name).value_or(0);
}

std::optional<bool> JsonFields::optionalBool(const std::string& name) {
  auto v = take(name);
  if (v.isEmpty()) return std::nullopt;
  if (v.isBoolean()) return v.extract<bool>();
  addError(name, "must be true or false, not " + jsonTypeName(v));
  return std::nullopt;
}

std::optional<std::string> JsonFields::optionalDate(const std::string& name) {
  auto text = optionalString(name, 10);
  if (text && !isIsoDate(*text)) {
    addError(name, "must be a date as YYYY-MM-DD");
    return std::nullopt;
  }
  return text;
}

std::string JsonFields::requiredDate(const std::string& name) {
  bool present = object_->has(name) && !object_->get(name).isEmpty();
  auto text = optionalDate(name);
  if (!present) addError(name, "is required");
  return text.value_or("");
}

std::optional<std::string> JsonFields::optionalEnum(const std::string& name,
                                                    const std::set<std::string>& allowed) {
  auto text = optionalString(name);
  if (text && !allowed.count(*text)) {
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    addError(name, "must be one of: " + list);
    return std::nullopt;
  }
  return text;
}

std::string JsonFields::requiredEnum(const std::string& name,
                                     const std::set<std::string>& allowed) {
  bool present = object_->has(name) && !object_->get(name).isEmpty();
  auto text = optionalEnum(name, allowed);
  if (!present) addError(name, "is required");
  return text.value_or("");
}

std::vector<JsonFields> JsonFields::optionalObjects(const std::string& name, std::size_t maxCount) {
  std::vector<JsonFields> readers;
  auto v = take(name);
  if (v.isEmpty()) return readers;
  if (v.type() != typeid(Poco::JSON::Array::Ptr)) {
    addError(name, "must be an array, not " + jsonTypeName(v));
    return readers;
  }
  auto array = v.extract<Poco::JSON::Array::Ptr>();
  if (array->size() > maxCount) {
    addError(name, "must have at most " + std::to_string(maxCount) + " elements");
    return readers;
  }
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string element = name + "[" + std::to_string(i) + "]";
    auto object = array->getObject(static_cast<unsigned>(i));
    if (!object) {
      addError(element, "must be an object, not " + jsonTypeName(array->get(i)));
      continue;
    }
    readers.emplace_back(object, path(element));
  }
  return readers;
}

void JsonFields::absorb(JsonFields& nested) {
  nested.flagUnknownFields();
  errors_.insert(errors_.end(), nested.errors_.begin(), nested.errors_.end());
  nested.errors_.clear();
}

void JsonFields::flagUnknownFields() {
  if (unknownFlagged_) return;
  unknownFlagged_ = true;
  std::vector<std::string> names;
  object_->getNames(names);
  for (const auto& name : names) {
    if (!seen_.count(name)) errors_.push_back({path(name), "is not a known field"});
  }
}

void JsonFields::finish() {
  flagUnknownFields();
  if (errors_.empty()) return;
  std::string detail = errors_.size() == 1
                           ? "field '" + errors_[0].field + "' " + errors_[0].message
                           : std::to_string(errors_.size()) + " fields are invalid";
  throw HttpError::badRequest(detail, errors_);
}

}  // namespace cadre
