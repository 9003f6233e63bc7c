#include "application_access.hpp"

#include "cadre/http.hpp"

namespace cadre::recruiting {

std::optional<ApplicationFacts> findApplication(Transaction& tx, std::int64_t applicationId) {
  auto row = tx.queryOne(
      "SELECT a.id, a.candidate_id, c.given_name, c.family_name, c.email, c.phone, "
      "a.requisition_id, r.title, r.state, r.hiring_manager_id, a.stage_id, s.code, s.kind, "
      "a.hired_employee_id, a.version FROM recruiting_applications a "
      "JOIN recruiting_candidates c ON c.id = a.candidate_id "
      "JOIN recruiting_requisitions r ON r.id = a.requisition_id "
      "JOIN recruiting_requisition_stages s ON s.id = a.stage_id WHERE a.id = ?",
      {applicationId});
  if (!row) return std::nullopt;
  ApplicationFacts facts;
  facts.id = row->getInt(0);
  facts.candidateId = row->getInt(1);
  facts.candidateGivenName = row->getString(2);
  facts.candidateFamilyName = row->getString(3);
  facts.candidateName = facts.candidateGivenName + " " + facts.candidateFamilyName;
  facts.candidateEmail = row->getOptionalString(4);
  facts.candidatePhone = row->getOptionalString(5);
  facts.requisitionId = row->getInt(6);
  facts.requisitionTitle = row->getString(7);
  facts.requisitionState = row->getString(8);
  facts.hiringManagerId = row->getInt(9);
  facts.stageId = row->getInt(10);
  facts.stageCode = row->getString(11);
  facts.stageKind = row->getString(12);
  facts.hiredEmployeeId = row->getOptionalInt(13);
  facts.version = row->getInt(14);
  return facts;
}

bool runsHiring(const Caller& caller, const ApplicationFacts& application) {
  return caller.hr || caller.is(application.hiringManagerId);
}

bool interviewsFor(Transaction& tx, std::int64_t employeeId, std::int64_t applicationId) {
  return tx
      .queryOne(
          "SELECT 1 FROM recruiting_interviewers iv "
          "JOIN recruiting_interviews i ON i.id = iv.interview_id "
          "WHERE iv.employee_id = ? AND i.application_id = ? AND i.state <> 'cancelled'",
          {employeeId, applicationId})
      .has_value();
}

ApplicationFacts visibleApplication(Transaction& tx, const Caller& caller,
                                    std::int64_t applicationId) {
  auto application = findApplication(tx, applicationId);
  if (application &&
      (runsHiring(caller, *application) ||
       (caller.employeeId && interviewsFor(tx, *caller.employeeId, applicationId)))) {
    return *application;
  }
  throw HttpError::notFound("there is no application " + std::to_string(applicationId));
}

ApplicationFacts managedApplication(Transaction& tx, const Caller& caller,
                                    std::int64_t applicationId) {
  auto application = visibleApplication(tx, caller, applicationId);
  if (!runsHiring(caller, application)) {
    throw HttpError::forbidden("only HR and the hiring manager of requisition " +
                               std::to_string(application.requisitionId) +
                               " may do this for application " + std::to_string(applicationId));
  }
  return application;
}

void requireActive(const ApplicationFacts& application) {
  if (application.stageKind != "active") {
    throw HttpError::unprocessable("application " + std::to_string(application.id) + " is " +
                                       application.stageCode + " and no longer in the pipeline",
                                   {{"applicationId", application.stageCode}});
  }
}

}  // namespace cadre::recruiting
