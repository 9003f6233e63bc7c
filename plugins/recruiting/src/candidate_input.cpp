#include "candidate_input.hpp"

#include "cadre/handler_support.hpp"

namespace cadre::recruiting {

namespace {

void checkEmail(JsonFields& in, const std::optional<std::string>& email) {
  if (!email) return;
  auto at = email->find('@');
  if (at == std::string::npos || at == 0 || at + 1 == email->size() ||
      email->find_first_of(" \t\r\n,;<>") != std::string::npos) {
    in.addError("email", "is not an email address");
  }
}

void checkPhone(JsonFields& in, const std::optional<std::string>& phone) {
  if (!phone) return;
  int digits = 0;
  for (char c : *phone) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (std::string(" +-().").find(c) == std::string::npos) {
      in.addError("phone", "may hold digits, spaces and + - ( ) . only");
      return;
    }
  }
  if (digits < 5) in.addError("phone", "needs at least 5 digits");
}

void checkCurrency(JsonFields& in, const std::optional<std::string>& currency) {
  if (!currency) return;
  bool code = currency->size() == 3;
  for (char c : *currency) code = code && c >= 'A' && c <= 'Z';
  if (!code) in.addError("sourceCurrency", "must be an ISO 4217 code such as EUR");
}

std::optional<std::int64_t> optionalId(JsonFields& in, const std::string& name) {
  auto id = in.optionalInt(name);
  if (id && *id <= 0) in.addError(name, "must be a positive id");
  return id;
}

/// A nullable text field: unset, null (clear) or a text of 1..max characters.
std::optional<std::optional<std::string>> nullableText(JsonFields& in,
                                                       const Poco::JSON::Object::Ptr& body,
                                                       const std::string& name,
                                                       std::size_t maxLength) {
  if (!in.has(name)) return std::nullopt;
  auto text = in.optionalString(name, maxLength);
  if (body->isNull(name)) return std::optional<std::string>();
  if (text && text->empty()) in.addError(name, "must not be empty");
  return text;
}

std::optional<std::optional<double>> nullableNumber(JsonFields& in,
                                                    const Poco::JSON::Object::Ptr& body,
                                                    const std::string& name) {
  if (!in.has(name)) return std::nullopt;
  auto number = in.optionalDouble(name);
  if (body->isNull(name)) return std::optional<double>();
  return number;
}

/// An optional text that must not be empty when given.
std::optional<std::string> nonEmpty(JsonFields& in, const std::string& name,
                                    std::size_t maxLength) {
  auto text = in.optionalString(name, maxLength);
  if (text && text->empty()) in.addError(name, "must not be empty");
  return text;
}

}  // namespace

const std::set<std::string>& candidateSources() {
  static const std::set<std::string> sources{"job_board", "referral", "agency",
                                             "campus",    "direct",   "event"};
  return sources;
}

NewCandidate readNewCandidate(JsonFields& in) {
  NewCandidate candidate;
  CandidateProfile& p = candidate.profile;
  p.givenName = in.optionalString("givenName", 200).value_or("");
  p.familyName = in.optionalString("familyName", 200).value_or("");
  p.email = nonEmpty(in, "email", 254);
  checkEmail(in, p.email);
  p.phone = nonEmpty(in, "phone", 40);
  checkPhone(in, p.phone);
  p.source = in.requiredEnum("source", candidateSources());
  p.sourceDetail = nonEmpty(in, "sourceDetail", 200);
  p.referrerEmployeeId = optionalId(in, "referrerEmployeeId");
  p.sourceCost = in.optionalDouble("sourceCost");
  p.sourceCurrency = in.optionalString("sourceCurrency", 3);
  checkCurrency(in, p.sourceCurrency);
  candidate.consent = in.optionalBool("consent").value_or(false);
  p.retentionUntil = in.optionalDate("retentionUntil").value_or("");
  return candidate;
}

CandidateEdit readCandidateEdit(JsonFields& in, const Poco::JSON::Object::Ptr& body) {
  CandidateEdit e;
  e.givenName = in.optionalString("givenName", 200);
  e.familyName = in.optionalString("familyName", 200);
  e.email = nullableText(in, body, "email", 254);
  if (e.email) checkEmail(in, *e.email);
  e.phone = nullableText(in, body, "phone", 40);
  if (e.phone) checkPhone(in, *e.phone);
  e.source = in.optionalEnum("source", candidateSources());
  e.sourceDetail = nullableText(in, body, "sourceDetail", 200);
  e.referrerEmployeeId = nullableId(in, body, "referrerEmployeeId");
  e.sourceCost = nullableNumber(in, body, "sourceCost");
  e.sourceCurrency = nullableText(in, body, "sourceCurrency", 3);
  if (e.sourceCurrency) checkCurrency(in, *e.sourceCurrency);
  e.consent = in.optionalBool("consent");
  e.retentionUntil = in.optionalDate("retentionUntil");
  return e;
}

}  // namespace cadre::recruiting
