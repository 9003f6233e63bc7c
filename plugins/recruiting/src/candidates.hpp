#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/audit_trail.hpp"
#include "cadre/territory/org_directory.hpp"
#include "candidate.hpp"
#include "candidate_store.hpp"
#include "change_log.hpp"
#include "cv_upload.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

/// A candidate as HR enters them.
struct NewCandidate {
  /// consentGivenAt is ignored: `consent` records it now.
  CandidateProfile profile;
  bool consent = false;
};

/// Changes to a candidate's profile; unset members keep their value (an inner nullopt clears).
struct CandidateEdit {
  std::optional<std::string> givenName;
  std::optional<std::string> familyName;
  std::optional<std::optional<std::string>> email;
  std::optional<std::optional<std::string>> phone;
  std::optional<std::string> source;
  std::optional<std::optional<std::string>> sourceDetail;
  std::optional<std::optional<std::int64_t>> referrerEmployeeId;
  std::optional<std::optional<double>> sourceCost;
  std::optional<std::optional<std::string>> sourceCurrency;
  /// true records consent now (keeping an earlier consent's time), false withdraws it.
  std::optional<bool> consent;
  std::optional<std::string> retentionUntil;
};

/// What a merge did: the surviving record and the one merged into it.
struct MergeOutcome {
  Candidate survivor;
  Candidate merged;
};

/// The rules of candidates: a profile is checked as a whole (a referral names an employee who
/// exists, a cost has a currency, the retention date is not in the past), merged and erased
/// records are read-only, a merge moves applications and CVs to the survivor (refused while
/// both applied to one requisition), erasure blanks the personal data and deletes the CVs
/// (refused while an application is open). Who may see a candidate: HR, the hiring manager of a
/// requisition they applied to, and their interviewers. Each change is audited and published
/// (recruiting.candidate.*, recruiting.cv.*) in the caller's transaction. Throws cadre::HttpError
/// (400, 403, 404, 409, 422) and leaves rollback to the caller.
class Candidates {
 public:
  Candidates(Transaction& tx, territory::OrgDirectory& org, AuditTrail trail, Caller caller);

  /// The candidate; 404 when unknown.
  Candidate require(std::int64_t id);
  /// The candidate if the caller may see it; 404 when unknown, 403 when not theirs to see.
  Candidate requireVisible(std::int64_t id);
  /// One page of the candidates the caller may see (the filter's visibleTo is set here).
  std::vector<Candidate> list(CandidateFilter filter);

  /// `profile.retentionUntil` must be set (the caller applies the configured default).
  Candidate create(const NewCandidate& candidate);
  /// `version` is the one the caller read (If-Match); 409 when it is stale.
  Candidate edit(std::int64_t id, std::int64_t version, const CandidateEdit& edit);
  /// Other live candidates sharing an email address or phone number.
  std::vector<DuplicateCandidate> duplicatesOf(const Candidate& candidate);
  /// Merges `duplicateId` into `survivorId` (version as read): the survivor keeps its profile,
  /// takes over the duplicate's email and phone where it has none, the earlier consent and the
  /// later retention date, and the duplicate's applications and CVs.
  MergeOutcome merge(std::int64_t survivorId, std::int64_t version, std::int64_t duplicateId);
  /// Erases the personal data for `reason` (the audit entry keeps no personal data).
  Candidate erase(std::int64_t id, const std::string& reason);

  std::vector<CvFile> cvFiles(std::int64_t candidateId);
  /// Stores a checked upload; 422 when the candidate has the most CVs allowed already.
  CvFile addCv(std::int64_t candidateId, const CvUpload& upload);
  /// The CV and its content, if the caller may see the candidate.
  std::pair<CvFile, std::string> readCv(std::int64_t candidateId, std::int64_t cvId);
  void removeCv(std::int64_t candidateId, std::int64_t cvId);

 private:
  void check(const CandidateProfile& profile, std::optional<std::string> earlierRetention);
  Candidate requireLive(std::int64_t id);

  Transaction& tx_;
  territory::OrgDirectory& org_;
  CandidateStore store_;
  ChangeLog log_;
  Caller caller_;
};

/// Erases the candidates whose retention date has passed on `today` (YYYY-MM-DD) under the
/// actor of `trail`; keeps, for now, those with an application still open. Returns how many it
/// erased.
int purgeExpiredCandidates(Transaction& tx, territory::OrgDirectory& org, AuditTrail trail,
                           const std::string& today);

/// The most CVs one candidate may have.
inline constexpr std::size_t kMaxCvsPerCandidate = 20;

}  // namespace cadre::recruiting
