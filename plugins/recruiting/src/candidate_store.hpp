#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/database.hpp"
#include "candidate.hpp"

namespace cadre::recruiting {

/// The key that finds duplicates by email: the address trimmed, ASCII letters in lower case;
/// std::nullopt for none.
std::optional<std::string> emailKey(const std::optional<std::string>& email);
/// The key that finds duplicates by phone: its digits, without a leading international "00"
/// (so "+49 30 1234567" and "0049 30 1234567" match); std::nullopt when it has no digits.
std::optional<std::string> phoneKey(const std::optional<std::string>& phone);

/// The SQL of candidates and their CV files. Works in the caller's transaction; checks no rules.
class CandidateStore {
 public:
  explicit CandidateStore(Transaction& tx) : tx_(tx) {}

  std::optional<Candidate> find(std::int64_t id);
  /// One page in id order.
  std::vector<Candidate> list(const CandidateFilter& filter);
  std::int64_t insert(const Candidate& candidate);
  /// Writes the profile and bumps the version; 409 when the version read is no longer current.
  void update(const Candidate& candidate);
  /// Live candidates (neither merged nor erased) other than `id` sharing an email or phone key.
  std::vector<DuplicateCandidate> duplicates(std::int64_t id,
                                             const std::optional<std::string>& email,
                                             const std::optional<std::string>& phone);

  /// Whether employee `employeeId` may see the candidate: they are the hiring manager of a
  /// requisition it applied to, or interview it.
  bool visibleTo(std::int64_t candidateId, std::int64_t employeeId);
  /// The ids of requisitions both candidates applied to.
  std::vector<std::int64_t> sharedRequisitions(std::int64_t a, std::int64_t b);
  /// Moves the applications and CVs of `from` to `to` and re-points candidates merged into
  /// `from`; marks `from` merged into `to` (bumping its version).
  void mergeInto(std::int64_t from, std::int64_t to);
  /// Whether the candidate has an application in an active stage.
  bool hasOpenApplication(std::int64_t candidateId);
  /// Blanks the names, contacts, source detail and consent, deletes the CVs and stamps
  /// erased_at; bumps the version.
  void erase(std::int64_t candidateId, const std::string& erasedAt);
  /// Live candidates whose retention date is before `date`, in id order.
  std::vector<std::int64_t> expiredBefore(const std::string& date);

  std::vector<CvFile> cvFiles(std::int64_t candidateId);
  std::optional<CvFile> findCv(std::int64_t candidateId, std::int64_t cvId);
  /// The stored content of a CV (base64).
  std::string cvContent(std::int64_t cvId);
  std::int64_t insertCv(const CvFile& cv, const std::string& contentBase64);
  void deleteCv(std::int64_t cvId);

 private:
  Transaction& tx_;
};

}  // namespace cadre::recruiting
