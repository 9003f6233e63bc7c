#include "interview_store.hpp"

#include <map>

#include "cadre/sql_values.hpp"

namespace cadre::recruiting {

namespace {

const char* const kInterviewColumns =
    "SELECT i.id, i.application_id, i.starts_at, i.ends_at, i.location, i.meeting_link, i.state, "
    "i.ics_uid, i.ics_sequence, i.created_at, i.created_by, i.version FROM recruiting_interviews "
    "i ";

Interview interviewFrom(const SqlRow& row) {
  Interview i;
  i.id = row.getInt(0);
  i.applicationId = row.getInt(1);
  i.startsAt = row.getString(2);
  i.endsAt = row.getString(3);
  i.location = row.getOptionalString(4);
  i.meetingLink = row.getOptionalString(5);
  i.state = row.getString(6);
  i.icsUid = row.getString(7);
  i.icsSequence = row.getInt(8);
  i.createdAt = row.getString(9);
  i.createdBy = row.getString(10);
  i.version = row.getInt(11);
  return i;
}

}  // namespace

std::optional<Interview> InterviewStore::find(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kInterviewColumns) + "WHERE i.id = ?", {id});
  if (!row) return std::nullopt;
  auto interview = interviewFrom(*row);
  interview.interviewerIds = interviewersOf(id);
  return interview;
}

std::vector<Interview> InterviewStore::list(const InterviewFilter& filter) {
  std::string sql = std::string(kInterviewColumns) + "WHERE i.id > ?";
  SqlParams params{filter.afterId};
  if (filter.applicationId) {
    sql += " AND i.application_id = ?";
    params.push_back(*filter.applicationId);
  }
  if (filter.interviewerId) {
    sql +=
        " AND EXISTS (SELECT 1 FROM recruiting_interviewers x WHERE x.interview_id = i.id "
        "AND x.employee_id = ?)";
    params.push_back(*filter.interviewerId);
  }
  if (filter.state) {
    sql += " AND i.state = ?";
    params.push_back(*filter.state);
  }
  if (filter.startsFrom) {
    sql += " AND i.starts_at >= ?";
    params.push_back(*filter.startsFrom);
  }
  if (filter.startsBefore) {
    sql += " AND i.starts_at < ?";
    params.push_back(*filter.startsBefore);
  }
  if (filter.visibleTo) {
    sql +=
        " AND (EXISTS (SELECT 1 FROM recruiting_interviewers v WHERE v.interview_id = i.id "
        "AND v.employee_id = ?) OR EXISTS (SELECT 1 FROM recruiting_applications a "
        "JOIN recruiting_requisitions r ON r.id = a.requisition_id "
        "WHERE a.id = i.application_id AND r.hiring_manager_id = ?))";
    params.push_back(*filter.visibleTo);
    params.push_back(*filter.visibleTo);
  }
  sql += " ORDER BY i.id LIMIT ?";
  params.push_back(filter.limit);
  std::vector<Interview> interviews;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& row : tx_.query(sql, params)) {
    interviews.push_back(interviewFrom(row));
    index[interviews.back().id] = interviews.size() - 1;
  }
  if (interviews.empty()) return interviews;
  // The interviewers of the whole page in one query over its id range.
  for (const auto& row : tx_.query("SELECT interview_id, employee_id FROM recruiting_interviewers "
                                   "WHERE interview_id >= ? AND interview_id <= ? "
                                   "ORDER BY interview_id, employee_id",
                                   {interviews.front().id, interviews.back().id})) {
    auto found = index.find(row.getInt(0));
    if (found != index.end()) interviews[found->second].interviewerIds.push_back(row.getInt(1));
  }
  return interviews;
}

std::int64_t InterviewStore::insert(const Interview& i) {
  auto id = tx_.insert(
      "INSERT INTO recruiting_interviews (application_id, starts_at, ends_at, location, "
      "meeting_link, state, ics_uid, ics_sequence, created_at, created_by, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
      {i.applicationId, i.startsAt, i.endsAt, nullable(i.location), nullable(i.meetingLink),
       i.state, i.icsUid, i.icsSequence, i.createdAt, i.createdBy});
  writeInterviewers(id, i.interviewerIds);
  return id;
}

void InterviewStore::update(const Interview& i) {
  tx_.execute(
      "UPDATE recruiting_interviews SET starts_at = ?, ends_at = ?, location = ?, "
      "meeting_link = ?, state = ?, ics_sequence = ?, version = version + 1 WHERE id = ?",
      {i.startsAt, i.endsAt, nullable(i.location), nullable(i.meetingLink), i.state, i.icsSequence,
       i.id});
  tx_.execute("DELETE FROM recruiting_interviewers WHERE interview_id = ?", {i.id});
  writeInterviewers(i.id, i.interviewerIds);
}

std::vector<DoubleBooking> InterviewStore::overlapping(const std::vector<std::int64_t>& employeeIds,
                                                       const std::string& startsAt,
                                                       const std::string& endsAt,
                                                       std::int64_t exceptId) {
  std::vector<DoubleBooking> found;
  for (auto employeeId : employeeIds) {
    for (const auto& row :
         tx_.query("SELECT i.id, i.starts_at, i.ends_at FROM recruiting_interviews i "
                   "JOIN recruiting_interviewers v ON v.interview_id = i.id "
                   "WHERE v.employee_id = ? AND i.state = 'scheduled' AND i.id <> ? "
                   "AND i.starts_at < ? AND i.ends_at > ? ORDER BY i.starts_at, i.id",
                   {employeeId, exceptId, endsAt, startsAt})) {
      found.push_back({employeeId, row.getInt(0), row.getString(1), row.getString(2)});
    }
  }
  return found;
}

std::vector<std::int64_t> InterviewStore::interviewersOf(std::int64_t interviewId) {
  std::vector<std::int64_t> ids;
  for (const auto& row : tx_.query("SELECT employee_id FROM recruiting_interviewers "
                                   "WHERE interview_id = ? ORDER BY employee_id",
                                   {interviewId})) {
    ids.push_back(row.getInt(0));
  }
  return ids;
}

void InterviewStore::writeInterviewers(std::int64_t interviewId,
                                       const std::vector<std::int64_t>& employeeIds) {
  for (auto employeeId : employeeIds) {
    tx_.execute("INSERT INTO recruiting_interviewers (interview_id, employee_id) VALUES (?, ?)",
                {interviewId, employeeId});
  }
}

}  // namespace cadre::recruiting
