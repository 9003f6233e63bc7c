#include "candidate_store.hpp"

#include "cadre/http.hpp"
#include "cadre/sql_values.hpp"

namespace cadre::recruiting {

namespace {

constexpr const char* kCandidateColumns =
    "SELECT id, given_name, family_name, email, phone, source, source_detail, "
    "referrer_employee_id, source_cost, source_currency, consent_given_at, retention_until, "
    "merged_into_id, erased_at, created_at, created_by, version FROM recruiting_candidates ";

// The candidates an employee sees: those who applied to a requisition they are the hiring
// manager of, and those they interview. Binds the employee id twice.
constexpr const char* kVisibleIds =
    "SELECT a.candidate_id FROM recruiting_applications a JOIN recruiting_requisitions r ON "
    "r.id = a.requisition_id WHERE r.hiring_manager_id = ? UNION SELECT a.candidate_id FROM "
    "recruiting_applications a JOIN recruiting_interviews i ON i.application_id = a.id JOIN "
    "recruiting_interviewers v ON v.interview_id = i.id WHERE v.employee_id = ?";

std::optional<double> optionalDouble(const SqlRow& row, std::size_t column) {
  if (row.isNull(column)) return std::nullopt;
  return row.getDouble(column);
}

Candidate candidateOf(const SqlRow& row) {
  Candidate c;
  c.id = row.getInt(0);
  c.givenName = row.getString(1);
  c.familyName = row.getString(2);
  c.email = row.getOptionalString(3);
  c.phone = row.getOptionalString(4);
  c.source = row.getString(5);
  c.sourceDetail = row.getOptionalString(6);
  c.referrerEmployeeId = row.getOptionalInt(7);
  c.sourceCost = optionalDouble(row, 8);
  c.sourceCurrency = row.getOptionalString(9);
  c.consentGivenAt = row.getOptionalString(10);
  c.retentionUntil = row.getOptionalString(11).value_or("");
  c.mergedIntoId = row.getOptionalInt(12);
  c.erasedAt = row.getOptionalString(13);
  c.createdAt = row.getString(14);
  c.createdBy = row.getString(15);
  c.version = row.getInt(16);
  return c;
}

CvFile cvOf(const SqlRow& row) {
  return {row.getInt(0), row.getInt(1),    row.getString(2), row.getString(3),
          row.getInt(4), row.getString(5), row.getString(6), row.getString(7)};
}

constexpr const char* kCvColumns =
    "SELECT id, candidate_id, file_name, media_type, size_bytes, sha256, uploaded_at, "
    "uploaded_by FROM recruiting_cv_files ";

/// A LIKE pattern for a prefix: ASCII letters lower-cased, LIKE's own characters dropped.
std::string prefixPattern(const std::string& prefix) {
  std::string pattern;
  for (char c : prefix) {
    if (c == '%' || c == '_' || c == '\\') continue;
    pattern += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return pattern + "%";
}

}  // namespace

std::optional<std::string> emailKey(const std::optional<std::string>& email) {
  if (!email) return std::nullopt;
  auto begin = email->find_first_not_of(" \t");
  if (begin == std::string::npos) return std::nullopt;
  auto end = email->find_last_not_of(" \t");
  std::string key = email->substr(begin, end - begin + 1);
  for (auto& c : key) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return key;
}

std::optional<std::string> phoneKey(const std::optional<std::string>& phone) {
  if (!phone) return std::nullopt;
  std::string digits;
  for (char c : *phone) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.rfind("00", 0) == 0) digits.erase(0, 2);
  if (digits.empty()) return std::nullopt;
  return digits;
}

std::optional<Candidate> CandidateStore::find(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kCandidateColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return candidateOf(*row);
}

std::vector<Candidate> CandidateStore::list(const CandidateFilter& filter) {
  std::string sql = std::string(kCandidateColumns) +
                    "WHERE id > ? AND merged_into_id IS NULL AND erased_at IS NULL";
  SqlParams params{filter.afterId};
  if (filter.nameOrEmail) {
    sql += " AND (LOWER(given_name) LIKE ? OR LOWER(family_name) LIKE ? OR email_key LIKE ?)";
    auto pattern = prefixPattern(*filter.nameOrEmail);
    params.insert(params.end(), {pattern, pattern, pattern});
  }
  if (filter.source) {
    sql += " AND source = ?";
    params.push_back(*filter.source);
  }
  if (filter.requisitionId) {
    sql += " AND id IN (SELECT candidate_id FROM recruiting_applications WHERE requisition_id = ?)";
    params.push_back(*filter.requisitionId);
  }
  if (filter.visibleTo) {
    sql += std::string(" AND id IN (") + kVisibleIds + ")";
    params.insert(params.end(), {*filter.visibleTo, *filter.visibleTo});
  }
  sql += " ORDER BY id LIMIT ?";
  params.push_back(filter.limit);
  std::vector<Candidate> result;
  for (const auto& row : tx_.query(sql, params)) result.push_back(candidateOf(row));
  return result;
}

std::int64_t CandidateStore::insert(const Candidate& c) {
  return tx_.insert(
      "INSERT INTO recruiting_candidates (given_name, family_name, email, email_key, phone, "
      "phone_key, source, source_detail, referrer_employee_id, source_cost, source_currency, "
      "consent_given_at, retention_until, created_at, created_by, version) VALUES (?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
      {c.givenName, c.familyName, nullable(c.email), nullable(emailKey(c.email)), nullable(c.phone),
       nullable(phoneKey(c.phone)), c.source, nullable(c.sourceDetail),
       nullable(c.referrerEmployeeId), nullable(c.sourceCost), nullable(c.sourceCurrency),
       nullable(c.consentGivenAt), c.retentionUntil, c.createdAt, c.createdBy});
}

void CandidateStore::update(const Candidate& c) {
  auto changed = tx_.execute(
      "UPDATE recruiting_candidates SET given_name = ?, family_name = ?, email = ?, "
      "email_key = ?, phone = ?, phone_key = ?, source = ?, source_detail = ?, "
      "referrer_employee_id = ?, source_cost = ?, source_currency = ?, consent_given_at = ?, "
      "retention_until = ?, version = version + 1 WHERE id = ? AND version = ?",
      {c.givenName, c.familyName, nullable(c.email), nullable(emailKey(c.email)), nullable(c.phone),
       nullable(phoneKey(c.phone)), c.source, nullable(c.sourceDetail),
       nullable(c.referrerEmployeeId), nullable(c.sourceCost), nullable(c.sourceCurrency),
       nullable(c.consentGivenAt), c.retentionUntil, c.id, c.version});
  if (changed != 1) {
    throw HttpError::conflict("candidate " + std::to_string(c.id) +
                              " was changed meanwhile; read it again");
  }
}

std::vector<DuplicateCandidate> CandidateStore::duplicates(
    std::int64_t id, const std::optional<std::string>& email,
    const std::optional<std::string>& phone) {
  auto byEmail = emailKey(email);
  auto byPhone = phoneKey(phone);
  std::vector<DuplicateCandidate> result;
  if (!byEmail && !byPhone) return result;
  // An absent key binds NULL, which equals nothing.
  auto rows = tx_.query(
      "SELECT id, given_name, family_name, email, phone, CASE WHEN email_key = ? THEN 1 ELSE 0 "
      "END, CASE WHEN phone_key = ? THEN 1 ELSE 0 END FROM "
      "recruiting_candidates WHERE id <> ? AND merged_into_id IS NULL AND erased_at IS NULL AND "
      "(email_key = ? OR phone_key = ?) ORDER BY id",
      {nullable(byEmail), nullable(byPhone), id, nullable(byEmail), nullable(byPhone)});
  for (const auto& row : rows) {
    DuplicateCandidate d{row.getInt(0),
                         row.getString(1),
                         row.getString(2),
                         row.getOptionalString(3),
                         row.getOptionalString(4),
                         {}};
    if (row.getInt(5) == 1) d.matchedOn.push_back("email");
    if (row.getInt(6) == 1) d.matchedOn.push_back("phone");
    result.push_back(std::move(d));
  }
  return result;
}

bool CandidateStore::visibleTo(std::int64_t candidateId, std::int64_t employeeId) {
  return tx_
      .queryOne(std::string("SELECT 1 FROM (") + kVisibleIds + ") v WHERE v.candidate_id = ?",
                {employeeId, employeeId, candidateId})
      .has_value();
}

std::vector<std::int64_t> CandidateStore::sharedRequisitions(std::int64_t a, std::int64_t b) {
  std::vector<std::int64_t> ids;
  for (const auto& row : tx_.query(
           "SELECT x.requisition_id FROM recruiting_applications x JOIN recruiting_applications "
           "y ON y.requisition_id = x.requisition_id WHERE x.candidate_id = ? AND "
           "y.candidate_id = ? ORDER BY x.requisition_id",
           {a, b})) {
    ids.push_back(row.getInt(0));
  }
  return ids;
}

void CandidateStore::mergeInto(std::int64_t from, std::int64_t to) {
  tx_.execute(
      "UPDATE recruiting_applications SET candidate_id = ?, version = version + 1 WHERE "
      "candidate_id = ?",
      {to, from});
  tx_.execute("UPDATE recruiting_cv_files SET candidate_id = ? WHERE candidate_id = ?", {to, from});
  tx_.execute("UPDATE recruiting_candidates SET merged_into_id = ? WHERE merged_into_id = ?",
              {to, from});
  tx_.execute(
      "UPDATE recruiting_candidates SET merged_into_id = ?, version = version + 1 WHERE id = ?",
      {to, from});
}

bool CandidateStore::hasOpenApplication(std::int64_t candidateId) {
  return tx_
      .queryOne(
          "SELECT 1 FROM recruiting_applications a JOIN recruiting_requisition_stages s ON "
          "s.id = a.stage_id WHERE a.candidate_id = ? AND s.kind = 'active'",
          {candidateId})
      .has_value();
}

void CandidateStore::erase(std::int64_t candidateId, const std::string& erasedAt) {
  tx_.execute("DELETE FROM recruiting_cv_files WHERE candidate_id = ?", {candidateId});
  tx_.execute(
      "UPDATE recruiting_candidates SET given_name = '', family_name = '', email = NULL, "
      "email_key = NULL, phone = NULL, phone_key = NULL, source_detail = NULL, "
      "consent_given_at = NULL, erased_at = ?, version = version + 1 WHERE id = ?",
      {erasedAt, candidateId});
}

std::vector<std::int64_t> CandidateStore::expiredBefore(const std::string& date) {
  std::vector<std::int64_t> ids;
  for (const auto& row : tx_.query(
           "SELECT id FROM recruiting_candidates WHERE retention_until < ? AND erased_at IS NULL "
           "ORDER BY id",
           {date})) {
    ids.push_back(row.getInt(0));
  }
  return ids;
}

std::vector<CvFile> CandidateStore::cvFiles(std::int64_t candidateId) {
  std::vector<CvFile> files;
  for (const auto& row :
       tx_.query(std::string(kCvColumns) + "WHERE candidate_id = ? ORDER BY id", {candidateId})) {
    files.push_back(cvOf(row));
  }
  return files;
}

std::optional<CvFile> CandidateStore::findCv(std::int64_t candidateId, std::int64_t cvId) {
  auto row = tx_.queryOne(std::string(kCvColumns) + "WHERE id = ? AND candidate_id = ?",
                          {cvId, candidateId});
  if (!row) return std::nullopt;
  return cvOf(*row);
}

std::string CandidateStore::cvContent(std::int64_t cvId) {
  auto row = tx_.queryOne("SELECT content_base64 FROM recruiting_cv_files WHERE id = ?", {cvId});
  return row ? row->getString(0) : "";
}

std::int64_t CandidateStore::insertCv(const CvFile& cv, const std::string& contentBase64) {
  return tx_.insert(
      "INSERT INTO recruiting_cv_files (candidate_id, file_name, media_type, size_bytes, sha256, "
      "uploaded_at, uploaded_by, content_base64) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {cv.candidateId, cv.fileName, cv.mediaType, cv.sizeBytes, cv.sha256, cv.uploadedAt,
       cv.uploadedBy, contentBase64});
}

void CandidateStore::deleteCv(std::int64_t cvId) {
  tx_.execute("DELETE FROM recruiting_cv_files WHERE id = ?", {cvId});
}

}  // namespace cadre::recruiting
