#pragma once

#include <string>
#include <vector>

#include "cadre/http.hpp"

namespace cadre::http {

/// Fills a response with an RFC 9457 problem document (application/problem+json): type,
/// title, status, detail, and `errors` [{field, message}] when fields are named.
void writeProblem(Response& response, int status, const std::string& title,
                  const std::string& detail, const std::vector<FieldError>& fields = {});
void writeProblem(Response& response, const HttpError& error);

}  // namespace cadre::http
