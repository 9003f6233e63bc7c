#include "cadre/http.hpp"

namespace cadre {

HttpError::HttpError(int status, std::string title, std::string detail,
                     std::vector<FieldError> fields)
    : std::runtime_error(detail),
      status_(status),
      title_(std::move(title)),
      detail_(std::move(detail)),
      fields_(std::move(fields)) {}

HttpError& HttpError::withHeader(const std::string& name, const std::string& value) {
  headers_[name] = value;
  return *this;
}

HttpError HttpError::badRequest(std::string detail, std::vector<FieldError> fields) {
  return HttpError(400, "Bad Request", std::move(detail), std::move(fields));
}
HttpError HttpError::unauthorized(std::string detail) {
  return HttpError(401, "Unauthorized", std::move(detail));
}
HttpError HttpError::forbidden(std::string detail) {
  return HttpError(403, "Forbidden", std::move(detail));
}
HttpError HttpError::notFound(std::string detail) {
  return HttpError(404, "Not Found", std::move(detail));
}
HttpError HttpError::conflict(std::string detail) {
  return HttpError(409, "Conflict", std::move(detail));
}
HttpError HttpError::preconditionRequired(std::string detail) {
  return HttpError(428, "Precondition Required", std::move(detail));
}
HttpError HttpError::unprocessable(std::string detail, std::vector<FieldError> fields) {
  return HttpError(422, "Unprocessable Content", std::move(detail), std::move(fields));
}

Permission Permission::publicAccess() {
  Permission p;
  p.kind_ = Kind::Public;
  return p;
}

Permission Permission::authenticated() {
  Permission p;
  p.kind_ = Kind::Authenticated;
  return p;
}

Permission Permission::roles(std::set<Role> allowed) {
  Permission p;
  p.kind_ = allowed.empty() ? Kind::Unstated : Kind::Roles;
  p.roles_ = std::move(allowed);
  return p;
}

bool Permission::allows(const User* user) const {
  switch (kind_) {
    case Kind::Unstated:
      return false;
    case Kind::Public:
      return true;
    case Kind::Authenticated:
      return user != nullptr;
    case Kind::Roles:
      return user != nullptr && roles_.count(user->role) > 0;
  }
  return false;
}

std::string Permission::describe() const {
  switch (kind_) {
    case Kind::Unstated:
      return "none";
    case Kind::Public:
      return "public";
    case Kind::Authenticated:
      return "authenticated";
    case Kind::Roles:
      break;
  }
  std::string text;
  for (Role role : roles_) {
    if (!text.empty()) text += ", ";
    text += roleName(role);
  }
  return text;
}

}  // namespace cadre
