#include "candidate_json.hpp"

#include <sstream>

#include <Poco/JSON/Array.h>

#include "cadre/json_text.hpp"

namespace cadre::recruiting {

namespace {

std::string text(const std::optional<std::string>& value) {
  return value.value_or("");
}

std::string text(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : "";
}

std::string text(const std::optional<double>& value) {
  if (!value) return "";
  std::ostringstream out;
  out << *value;
  return out.str();
}

}  // namespace

Poco::JSON::Object::Ptr candidateJson(const Candidate& c, bool withCost) {
  auto out = orderedObject();
  out->set("id", c.id);
  out->set("givenName", c.givenName);
  out->set("familyName", c.familyName);
  setOptional(*out, "email", c.email);
  setOptional(*out, "phone", c.phone);
  out->set("source", c.source);
  setOptional(*out, "sourceDetail", c.sourceDetail);
  setOptional(*out, "referrerEmployeeId", c.referrerEmployeeId);
  if (withCost) {
    setOptional(*out, "sourceCost", c.sourceCost);
    setOptional(*out, "sourceCurrency", c.sourceCurrency);
  }
  out->set("consent", c.consentGivenAt.has_value());
  setOptional(*out, "consentGivenAt", c.consentGivenAt);
  out->set("retentionUntil", c.retentionUntil);
  setOptional(*out, "mergedIntoId", c.mergedIntoId);
  setOptional(*out, "erasedAt", c.erasedAt);
  out->set("createdAt", c.createdAt);
  out->set("createdBy", c.createdBy);
  out->set("version", c.version);
  return out;
}

Poco::JSON::Object::Ptr duplicateJson(const DuplicateCandidate& d) {
  auto out = orderedObject();
  out->set("id", d.id);
  out->set("givenName", d.givenName);
  out->set("familyName", d.familyName);
  setOptional(*out, "email", d.email);
  setOptional(*out, "phone", d.phone);
  Poco::JSON::Array::Ptr matched = new Poco::JSON::Array;
  for (const auto& on : d.matchedOn) matched->add(on);
  out->set("matchedOn", matched);
  return out;
}

Poco::JSON::Object::Ptr cvJson(const CvFile& cv) {
  auto out = orderedObject();
  out->set("id", cv.id);
  out->set("candidateId", cv.candidateId);
  out->set("fileName", cv.fileName);
  out->set("mediaType", cv.mediaType);
  out->set("sizeBytes", cv.sizeBytes);
  out->set("sha256", cv.sha256);
  out->set("uploadedAt", cv.uploadedAt);
  out->set("uploadedBy", cv.uploadedBy);
  return out;
}

std::vector<std::string> candidateCsvHeader() {
  return {"id",         "givenName",      "familyName",     "email",
          "phone",      "source",         "sourceDetail",   "referrerEmployeeId",
          "sourceCost", "sourceCurrency", "consentGivenAt", "retentionUntil",
          "createdAt"};
}

std::vector<std::string> candidateCsvRow(const Candidate& c, bool withCost) {
  return {std::to_string(c.id),
          c.givenName,
          c.familyName,
          text(c.email),
          text(c.phone),
          c.source,
          text(c.sourceDetail),
          text(c.referrerEmployeeId),
          withCost ? text(c.sourceCost) : "",
          withCost ? text(c.sourceCurrency) : "",
          text(c.consentGivenAt),
          c.retentionUntil,
          c.createdAt};
}

}  // namespace cadre::recruiting
