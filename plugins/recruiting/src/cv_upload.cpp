#include "cv_upload.hpp"

#include <array>
#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include "cadre/http.hpp"
#include "cadre/json_fields.hpp"

namespace cadre::recruiting {

namespace {

/// One accepted type: its media type, file extension and the bytes its files begin with (empty
/// for plain text, which is checked as UTF-8 instead).
struct CvType {
  const char* mediaType;
  const char* extension;
  std::string magic;
};

const std::array<CvType, 6>& cvTypes() {
  static const std::array<CvType, 6> types{{
      {"application/pdf", ".pdf", "%PDF-"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx",
       std::string("PK\x03\x04", 4)},
      {"application/msword", ".doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)},
      {"application/vnd.oasis.opendocument.text", ".odt", std::string("PK\x03\x04", 4)},
      {"application/rtf", ".rtf", "{\\rtf"},
      {"text/plain", ".txt", ""},
  }};
  return types;
}

std::string lowerAscii(std::string text) {
  for (auto& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

std::string trimmed(const std::string& text, const char* blanks) {
  auto begin = text.find_first_not_of(blanks);
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(blanks) - begin + 1);
}

/// The media type of a Content-Type value, without parameters; text/rtf is RTF's other name.
std::string mediaTypeOf(const std::string& contentType) {
  auto type = lowerAscii(trimmed(contentType.substr(0, contentType.find(';')), " \t"));
  return type == "text/rtf" ? "application/rtf" : type;
}

const CvType& acceptedType(const std::string& contentType) {
  auto mediaType = mediaTypeOf(contentType);
  for (const auto& type : cvTypes()) {
    if (mediaType == type.mediaType) return type;
  }
  throw HttpError(415, "Unsupported Media Type",
                  "a CV must be a PDF, Word (.docx, .doc), OpenDocument text (.odt), RTF or "
                  "plain text file; Content-Type was '" +
                      (mediaType.empty() ? std::string("none") : mediaType) + "'");
}

/// The last path segment of a name, without control characters and quotes, trimmed.
std::string cleanFileName(const std::string& raw) {
  auto slash = raw.find_last_of("/\\");
  std::string name = slash == std::string::npos ? raw : raw.substr(slash + 1);
  std::string clean;
  for (char c : name) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || c == '"') continue;
    clean += c;
  }
  return trimmed(clean, " .");
}

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool looksLike(const CvType& type, const std::string& content) {
  if (type.magic.empty()) {
    return isValidUtf8(content) && content.find('\0') == std::string::npos;
  }
  return content.compare(0, type.magic.size(), type.magic) == 0;
}

}  // namespace

CvUpload checkedCvUpload(const std::string& fileName, const std::string& contentType,
                         std::string content, std::size_t maxBytes) {
  const CvType& type = acceptedType(contentType);
  if (content.size() > maxBytes) {
    throw HttpError(413, "Content Too Large",
                    "a CV may have at most " + std::to_string(maxBytes) + " bytes; this one has " +
                        std::to_string(content.size()));
  }
  if (content.empty()) {
    throw HttpError::badRequest("the CV is empty", {{"content", "send the file as the body"}});
  }
  std::string name = cleanFileName(fileName);
  if (!isValidUtf8(name) || name.empty() || utf8Length(name) > 200) {
    throw HttpError::badRequest("the file name must have 1 to 200 characters of UTF-8 text",
                                {{"fileName", "must be a file name of 1 to 200 characters"}});
  }
  if (!endsWith(lowerAscii(name), type.extension)) {
    throw HttpError::badRequest(
        std::string("a file of type ") + type.mediaType + " must be named *" + type.extension,
        {{"fileName", std::string("must end in ") + type.extension}});
  }
  if (!looksLike(type, content)) {
    throw HttpError::badRequest(
        std::string("the content is not a ") + type.extension + " file",
        {{"content", std::string("does not begin as a ") + type.extension + " file does"}});
  }
  return {name, type.mediaType, std::move(content)};
}

std::string attachmentDisposition(const std::string& fileName) {
  static const char* kHex = "0123456789ABCDEF";
  static const std::string kAttrChars = "!#$&+-.^_`|~";
  std::string ascii;
  std::string encoded;
  for (char c : fileName) {
    auto byte = static_cast<unsigned char>(c);
    bool alnum = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                 (byte >= '0' && byte <= '9');
    // The fallback keeps printable ASCII but quotes and backslashes; a character beyond ASCII
    // becomes one underscore (at its first byte).
    if (byte >= 0x20 && byte < 0x7F && c != '"' && c != '\\') {
      ascii += c;
    } else if (byte >= 0x80 && (byte & 0xC0) != 0x80) {
      ascii += '_';
    }
    if (alnum || kAttrChars.find(c) != std::string::npos) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0xF];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

std::string sha256Hex(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), bytes.size());
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string toBase64(const std::string& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  encoder.close();
  return out.str();
}

std::string fromBase64(const std::string& text) {
  std::istringstream in(text);
  Poco::Base64Decoder decoder(in);
  return std::string(std::istreambuf_iterator<char>(decoder), std::istreambuf_iterator<char>());
}

}  // namespace cadre::recruiting
