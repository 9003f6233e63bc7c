#include "candidates.hpp"

#include <algorithm>

#include "cadre/dates.hpp"
#include "cadre/json_text.hpp"
#include "candidate_json.hpp"

namespace cadre::recruiting {

namespace {

/// The audit form of an erased candidate's past: no personal data, only what it was.
Poco::JSON::Object::Ptr erasedBeforeJson(const Candidate& c) {
  auto out = orderedObject();
  out->set("id", c.id);
  out->set("source", c.source);
  out->set("retentionUntil", c.retentionUntil);
  out->set("version", c.version);
  return out;
}

template <typename T>
void apply(T& target, const std::optional<T>& change) {
  if (change) target = *change;
}

}  // namespace

Candidates::Candidates(Transaction& tx, territory::OrgDirectory& org, AuditTrail trail,
                       Caller caller)
    : tx_(tx), org_(org), store_(tx), log_(tx, std::move(trail)), caller_(std::move(caller)) {}

Candidate Candidates::require(std::int64_t id) {
  return requireFound(store_.find(id), "candidate", id);
}

Candidate Candidates::requireVisible(std::int64_t id) {
  auto candidate = require(id);
  if (caller_.hr) return candidate;
  if (caller_.employeeId && store_.visibleTo(id, *caller_.employeeId)) return candidate;
  throw HttpError::forbidden("candidate " + std::to_string(id) +
                             " is seen by HR, the hiring managers of the requisitions they "
                             "applied to and their interviewers only");
}

std::vector<Candidate> Candidates::list(CandidateFilter filter) {
  // Without a linked employee nobody is theirs to see: no employee has id 0.
  if (!caller_.hr) filter.visibleTo = caller_.employeeId.value_or(0);
  return store_.list(filter);
}

Candidate Candidates::requireLive(std::int64_t id) {
  auto candidate = require(id);
  if (candidate.mergedIntoId) {
    throw HttpError::unprocessable("candidate " + std::to_string(id) + " was merged into " +
                                   std::to_string(*candidate.mergedIntoId) + "; work on that one");
  }
  if (candidate.erasedAt) {
    throw HttpError::unprocessable("candidate " + std::to_string(id) + " was erased");
  }
  return candidate;
}

void Candidates::check(const CandidateProfile& p, std::optional<std::string> earlierRetention) {
  std::vector<FieldError> fields;
  if (p.givenName.empty() && p.familyName.empty()) {
    fields.push_back({"familyName", "a candidate needs a given or a family name"});
  }
  if (p.source == "referral" && !p.referrerEmployeeId) {
    fields.push_back({"referrerEmployeeId", "a referral names the referring employee"});
  }
  if (p.source != "referral" && p.referrerEmployeeId) {
    fields.push_back({"referrerEmployeeId", "only a referral names a referring employee"});
  }
  if (p.sourceCost && !p.sourceCurrency) {
    fields.push_back({"sourceCurrency", "a source cost needs its currency"});
  }
  if (p.sourceCost && *p.sourceCost < 0) fields.push_back({"sourceCost", "must not be negative"});
  // An unchanged retention date may have passed; a new one may not.
  if (p.retentionUntil < today() && p.retentionUntil != earlierRetention) {
    fields.push_back({"retentionUntil", "must not be in the past"});
  }
  if (!fields.empty()) throw HttpError::badRequest("the candidate is not valid", fields);
  if (p.referrerEmployeeId && !org_.findEmployee(tx_, *p.referrerEmployeeId, "")) {
    throw HttpError::unprocessable("there is no employee " + std::to_string(*p.referrerEmployeeId),
                                   {{"referrerEmployeeId", "is not an employee"}});
  }
}

Candidate Candidates::create(const NewCandidate& input) {
  check(input.profile, std::nullopt);
  Candidate candidate;
  static_cast<CandidateProfile&>(candidate) = input.profile;
  candidate.consentGivenAt.reset();
  if (input.consent) candidate.consentGivenAt = nowTimestamp();
  candidate.createdAt = nowTimestamp();
  candidate.createdBy = caller_.username;
  candidate.id = store_.insert(candidate);
  candidate = require(candidate.id);
  log_.record("candidate", "created", candidate.id, nullptr, candidateJson(candidate));
  return candidate;
}

Candidate Candidates::edit(std::int64_t id, std::int64_t version, const CandidateEdit& e) {
  auto before = requireLive(id);
  if (before.version != version) {
    throw HttpError::conflict("candidate " + std::to_string(id) +
                              " was changed meanwhile; read it again");
  }
  Candidate after = before;
  apply(after.givenName, e.givenName);
  apply(after.familyName, e.familyName);
  apply(after.email, e.email);
  apply(after.phone, e.phone);
  apply(after.source, e.source);
  apply(after.sourceDetail, e.sourceDetail);
  apply(after.referrerEmployeeId, e.referrerEmployeeId);
  apply(after.sourceCost, e.sourceCost);
  apply(after.sourceCurrency, e.sourceCurrency);
  apply(after.retentionUntil, e.retentionUntil);
  if (e.consent == std::optional<bool>(false)) after.consentGivenAt.reset();
  if (e.consent == std::optional<bool>(true) && !after.consentGivenAt) {
    after.consentGivenAt = nowTimestamp();
  }
  check(after, before.retentionUntil);
  store_.update(after);
  after = require(id);
  log_.record("candidate", "updated", id, candidateJson(before), candidateJson(after));
  return after;
}

std::vector<DuplicateCandidate> Candidates::duplicatesOf(const Candidate& candidate) {
  return store_.duplicates(candidate.id, candidate.email, candidate.phone);
}

MergeOutcome Candidates::merge(std::int64_t survivorId, std::int64_t version,
                               std::int64_t duplicateId) {
  if (survivorId == duplicateId) {
    throw HttpError::badRequest("a candidate cannot be merged into itself",
                                {{"duplicateId", "must be another candidate"}});
  }
  auto survivor = requireLive(survivorId);
  if (survivor.version != version) {
    throw HttpError::conflict("candidate " + std::to_string(survivorId) +
                              " was changed meanwhile; read it again");
  }
  auto duplicate = requireLive(duplicateId);
  auto shared = store_.sharedRequisitions(survivorId, duplicateId);
  if (!shared.empty()) {
    std::string ids;
    for (auto id : shared) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    throw HttpError::unprocessable(
        "candidates " + std::to_string(survivorId) + " and " + std::to_string(duplicateId) +
            " both applied to requisition " + ids + "; one person has one application there",
        {{"duplicateId", "shares requisitions " + ids}});
  }
  Candidate after = survivor;
  if (!after.email) after.email = duplicate.email;
  if (!after.phone) after.phone = duplicate.phone;
  if (duplicate.consentGivenAt &&
      (!after.consentGivenAt || *duplicate.consentGivenAt < *after.consentGivenAt)) {
    after.consentGivenAt = duplicate.consentGivenAt;
  }
  after.retentionUntil = std::max(after.retentionUntil, duplicate.retentionUntil);
  store_.mergeInto(duplicateId, survivorId);
  store_.update(after);
  MergeOutcome outcome{require(survivorId), require(duplicateId)};
  log_.record("candidate", "merged", duplicateId, candidateJson(duplicate),
              candidateJson(outcome.merged));
  log_.record("candidate", "updated", survivorId, candidateJson(survivor),
              candidateJson(outcome.survivor));
  return outcome;
}

Candidate Candidates::erase(std::int64_t id, const std::string& reason) {
  auto before = require(id);
  if (before.erasedAt) {
    throw HttpError::unprocessable("candidate " + std::to_string(id) + " was erased already");
  }
  if (store_.hasOpenApplication(id)) {
    throw HttpError::unprocessable("candidate " + std::to_string(id) +
                                   " has an open application; reject or withdraw it first");
  }
  store_.erase(id, nowTimestamp());
  auto after = require(id);
  auto record = candidateJson(after);
  record->set("reason", reason);
  log_.record("candidate", "erased", id, erasedBeforeJson(before), record);
  return after;
}

std::vector<CvFile> Candidates::cvFiles(std::int64_t candidateId) {
  requireVisible(candidateId);
  return store_.cvFiles(candidateId);
}

CvFile Candidates::addCv(std::int64_t candidateId, const CvUpload& upload) {
  requireLive(candidateId);
  if (store_.cvFiles(candidateId).size() >= kMaxCvsPerCandidate) {
    throw HttpError::unprocessable("candidate " + std::to_string(candidateId) + " has " +
                                   std::to_string(kMaxCvsPerCandidate) +
                                   " CVs already; delete one first");
  }
  CvFile cv;
  cv.candidateId = candidateId;
  cv.fileName = upload.fileName;
  cv.mediaType = upload.mediaType;
  cv.sizeBytes = static_cast<std::int64_t>(upload.content.size());
  cv.sha256 = sha256Hex(upload.content);
  cv.uploadedAt = nowTimestamp();
  cv.uploadedBy = caller_.username;
  cv.id = store_.insertCv(cv, toBase64(upload.content));
  log_.record("cv", "uploaded", cv.id, nullptr, cvJson(cv));
  return cv;
}

std::pair<CvFile, std::string> Candidates::readCv(std::int64_t candidateId, std::int64_t cvId) {
  requireVisible(candidateId);
  auto cv = store_.findCv(candidateId, cvId);
  if (!cv) {
    throw HttpError::notFound("candidate " + std::to_string(candidateId) + " has no CV " +
                              std::to_string(cvId));
  }
  return {*cv, fromBase64(store_.cvContent(cvId))};
}

void Candidates::removeCv(std::int64_t candidateId, std::int64_t cvId) {
  require(candidateId);
  auto cv = store_.findCv(candidateId, cvId);
  if (!cv) {
    throw HttpError::notFound("candidate " + std::to_string(candidateId) + " has no CV " +
                              std::to_string(cvId));
  }
  store_.deleteCv(cvId);
  log_.record("cv", "deleted", cvId, cvJson(*cv), nullptr);
}

int purgeExpiredCandidates(Transaction& tx, territory::OrgDirectory& org, AuditTrail trail,
                           const std::string& today) {
  Caller system;
  system.username = "system";
  system.hr = true;
  Candidates candidates(tx, org, std::move(trail), system);
  CandidateStore store(tx);
  int erased = 0;
  for (auto id : store.expiredBefore(today)) {
    // An application still in progress keeps the data until it closes.
    if (store.hasOpenApplication(id)) continue;
    candidates.erase(id, "retention date passed");
    ++erased;
  }
  return erased;
}

}  // namespace cadre::recruiting
