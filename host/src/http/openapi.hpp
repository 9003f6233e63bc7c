#pragma once

#include <string>

#include "http/router.hpp"

namespace cadre::http {

/// An OpenAPI 3.0.3 document of every registered route: path parameters from the pattern,
/// the owner as tag, the permission as security and description, the route's request and
/// answer schemas, and problem+json answers for the failures every route can have.
std::string buildOpenApi(const Router& router, const std::string& version);

}  // namespace cadre::http
