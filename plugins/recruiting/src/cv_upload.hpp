#pragma once

#include <cstddef>
#include <string>

namespace cadre::recruiting {

/// A CV upload that passed the checks: a clean file name, an accepted type whose content looks
/// like that type, and a size within the limit.
struct CvUpload {
  std::string fileName;
  std::string mediaType;
  std::string content;
};

/// The CV types accepted, by media type and file extension: PDF (.pdf), Word (.docx, .doc),
/// OpenDocument text (.odt), RTF (.rtf) and plain UTF-8 text (.txt).
///
/// Checks an upload: `contentType` (the request's Content-Type, parameters ignored) must be one
/// of those types (HttpError 415 otherwise, naming the accepted ones); `fileName` is reduced to
/// its last path segment without control characters or quotes, must keep 1..200 characters and
/// end in an extension of that type (HttpError 400 naming fileName); the content must not be
/// empty, must be at most `maxBytes` (413) and must begin as that type's files do (PDF's
/// "%PDF-", a ZIP for .docx and .odt, an OLE file for .doc, "{\rtf" for RTF, UTF-8 text without
/// NUL for .txt; HttpError 400 naming content), so that a file is never stored under a type it
/// is not.
CvUpload checkedCvUpload(const std::string& fileName, const std::string& contentType,
                         std::string content, std::size_t maxBytes);

/// A Content-Disposition value that makes browsers save the file under its name: an ASCII
/// fallback in filename= and the UTF-8 name in filename*= (RFC 6266 / RFC 8187).
std::string attachmentDisposition(const std::string& fileName);

/// The SHA-256 of bytes, lower-case hex.
std::string sha256Hex(const std::string& bytes);
/// Standard base64 with padding, no line breaks.
std::string toBase64(const std::string& bytes);
/// The bytes of a base64 text written by toBase64.
std::string fromBase64(const std::string& text);

}  // namespace cadre::recruiting
