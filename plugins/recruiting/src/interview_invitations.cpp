#include "interview_invitations.hpp"

#include "application_access.hpp"
#include "cadre/dates.hpp"
#include "interview_calendar.hpp"
#include "interview_store.hpp"
#include "notification_outbox.hpp"

namespace cadre::recruiting {

namespace {

std::string invitationBody(const CalendarInvitation& invitation) {
  const Interview& i = invitation.interview;
  const std::string what = "the interview with " + invitation.candidateName + " for \"" +
                           invitation.requisitionTitle + "\"";
  if (i.state == "cancelled") {
    return "Please take " + what + " on " + i.startsAt +
           " (UTC) out of your calendar: it is cancelled.\n";
  }
  std::string body = "You are on the panel of " + what + ".\n\nWhen: " + i.startsAt + " to " +
                     i.endsAt + " (UTC)\n";
  if (i.location) body += "Where: " + *i.location + "\n";
  if (i.meetingLink) body += "Join: " + *i.meetingLink + "\n";
  body += "\nThe invitation for your calendar is attached. Your scorecard waits in Cadre.\n";
  return body;
}

std::string invitationSubject(const CalendarInvitation& invitation) {
  const Interview& i = invitation.interview;
  std::string prefix = i.state == "cancelled" ? "Cancelled: "
                       : i.icsSequence > 0    ? "Updated: "
                                              : "";
  return prefix + "Interview with " + invitation.candidateName + " (" +
         invitation.requisitionTitle + ")";
}

}  // namespace

std::int64_t queueInterviewInvitations(Transaction& tx, territory::OrgDirectory& org,
                                       std::int64_t interviewId) {
  auto interview = InterviewStore(tx).find(interviewId);
  if (!interview || interview->state == "done") return 0;
  auto application = findApplication(tx, interview->applicationId);
  if (!application) return 0;
  CalendarInvitation invitation{
      *interview, application->candidateName, application->requisitionTitle, {}, nowTimestamp()};
  std::vector<std::pair<std::int64_t, std::string>> recipients;
  for (auto employeeId : interview->interviewerIds) {
    auto employee = org.findEmployee(tx, employeeId, "");
    if (!employee) continue;
    invitation.attendees.push_back(
        {employee->givenName + " " + employee->familyName, employee->email});
    if (isMailAddress(employee->email)) recipients.emplace_back(employeeId, employee->email);
  }
  Notification n;
  n.kind = "interview_invitation";
  n.subject = invitationSubject(invitation);
  n.body = invitationBody(invitation);
  n.attachment =
      MailAttachment{"interview-" + std::to_string(interviewId) + ".ics",
                     "text/calendar; charset=UTF-8; method=PUBLISH", interviewCalendar(invitation)};
  std::int64_t queued = 0;
  for (const auto& [employeeId, address] : recipients) {
    n.recipientEmail = address;
    n.dedupeKey = "interview:" + std::to_string(interviewId) + ":" +
                  std::to_string(interview->icsSequence) + ":" + std::to_string(employeeId);
    if (queueNotification(tx, n)) ++queued;
  }
  return queued;
}

}  // namespace cadre::recruiting
