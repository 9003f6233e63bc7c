#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cadre::recruiting {

/// What HR writes of a candidate. Names are kept as given, in any script.
struct CandidateProfile {
  std::string givenName;
  std::string familyName;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  /// job_board, referral, agency, campus, direct or event.
  std::string source = "direct";
  /// Which board, agency, campus or event.
  std::optional<std::string> sourceDetail;
  /// The employee who referred them; required for a referral, refused otherwise.
  std::optional<std::int64_t> referrerEmployeeId;
  /// What the source cost for this candidate (an agency fee, a board posting's share).
  std::optional<double> sourceCost;
  std::optional<std::string> sourceCurrency;
  /// When the candidate consented to keeping their data (ISO-8601 UTC); unset: no consent.
  std::optional<std::string> consentGivenAt;
  /// The day after which their personal data is erased (YYYY-MM-DD).
  std::string retentionUntil;
};

/// A candidate as stored.
struct Candidate : CandidateProfile {
  std::int64_t id = 0;
  /// Set when this record was merged into another (it is then read-only).
  std::optional<std::int64_t> mergedIntoId;
  /// Set when the personal data was erased (names empty, contacts and CVs gone).
  std::optional<std::string> erasedAt;
  std::string createdAt;
  std::string createdBy;
  std::int64_t version = 0;
};

/// Another candidate who shares an email address or a phone number with one.
struct DuplicateCandidate {
  std::int64_t id = 0;
  std::string givenName;
  std::string familyName;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  /// "email", "phone" or both.
  std::vector<std::string> matchedOn;
};

/// Filters of a candidate list; unset ones do not filter. Merged and erased candidates are
/// never listed.
struct CandidateFilter {
  /// A prefix of the given or family name or of the email address (ASCII letters match either
  /// case).
  std::optional<std::string> nameOrEmail;
  std::optional<std::string> source;
  /// Only candidates with an application to this requisition.
  std::optional<std::int64_t> requisitionId;
  /// Only those this employee may see as hiring manager or interviewer (a non-HR view).
  std::optional<std::int64_t> visibleTo;
  std::int64_t afterId = 0;
  std::int64_t limit = 50;
};

/// A CV as stored, without its content.
struct CvFile {
  std::int64_t id = 0;
  std::int64_t candidateId = 0;
  std::string fileName;
  std::string mediaType;
  std::int64_t sizeBytes = 0;
  /// The SHA-256 of the content, lower-case hex.
  std::string sha256;
  std::string uploadedAt;
  std::string uploadedBy;
};

}  // namespace cadre::recruiting
