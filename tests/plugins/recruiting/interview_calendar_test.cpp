#include "interview_calendar.hpp"

#include <gtest/gtest.h>

namespace cadre::recruiting::test {
namespace {

CalendarInvitation invitation() {
  CalendarInvitation invitation;
  auto& interview = invitation.interview;
  interview.id = 7;
  interview.icsUid = "4f1c@cadre.recruiting";
  interview.icsSequence = 2;
  interview.startsAt = "2026-11-26T09:30:00Z";
  interview.endsAt = "2026-11-26T10:30:00Z";
  interview.location = "Room 4; Berlin, 2nd floor";
  interview.meetingLink = "https://meet.example.com/abc";
  invitation.candidateName = "Zoë Ångström";
  invitation.requisitionTitle = "Account Executive";
  invitation.attendees = {{"Grace \"G\" Hopper", "grace@example.com"}, {"No Mail", ""}};
  invitation.stamp = "2026-11-20T08:00:00Z";
  return invitation;
}

TEST(InterviewCalendarTest, AnInterviewIsOneEventWithItsUidSequenceTimesPlaceAndAttendees) {
  EXPECT_EQ(interviewCalendar(invitation()),
            "BEGIN:VCALENDAR\r\n"
            "VERSION:2.0\r\n"
            "PRODID:-//Cadre//Recruiting//EN\r\n"
            "CALSCALE:GREGORIAN\r\n"
            "METHOD:PUBLISH\r\n"
            "BEGIN:VEVENT\r\n"
            "UID:4f1c@cadre.recruiting\r\n"
            "SEQUENCE:2\r\n"
            "DTSTAMP:20261120T080000Z\r\n"
            "DTSTART:20261126T093000Z\r\n"
            "DTEND:20261126T103000Z\r\n"
            "SUMMARY:Interview: Zoë Ångström (Account Executive)\r\n"
            "LOCATION:Room 4\\; Berlin\\, 2nd floor\r\n"
            "URL:https://meet.example.com/abc\r\n"
            "DESCRIPTION:Interview with Zoë Ångström for the requisition Account Exec\r\n"
            " utive.\\nJoin: https://meet.example.com/abc\r\n"
            "STATUS:CONFIRMED\r\n"
            "ATTENDEE;CN=\"Grace G Hopper\";ROLE=REQ-PARTICIPANT:mailto:grace@example.com\r\n"
            "END:VEVENT\r\n"
            "END:VCALENDAR\r\n");
}

TEST(InterviewCalendarTest, ACancelledInterviewSaysSo) {
  auto cancelled = invitation();
  cancelled.interview.state = "cancelled";
  cancelled.interview.meetingLink.reset();
  auto text = interviewCalendar(cancelled);
  EXPECT_NE(text.find("\r\nSTATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_EQ(text.find("URL:"), std::string::npos);
}

TEST(InterviewCalendarTest, TextIsEscapedAndLongLinesFoldWithoutSplittingACharacter) {
  EXPECT_EQ(calendarText("a\\b;c,d\r\ne\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
  // 74 ASCII octets then a two-octet character: the fold comes before it, not inside it.
  std::string line = "SUMMARY:" + std::string(66, 'x') + "é" + std::string(80, 'y');
  auto folded = foldedLine(line);
  EXPECT_EQ(folded.substr(0, 76), "SUMMARY:" + std::string(66, 'x') + "\r\n");
  EXPECT_EQ(folded.substr(76, 3), " é");
  std::string unfolded;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\r\n ") == 0) {
      i += 2;
    } else if (folded.compare(i, 2, "\r\n") != 0) {
      unfolded += folded[i];
    } else {
      ++i;
    }
  }
  EXPECT_EQ(unfolded, line);
  for (std::size_t start = 0, end; (end = folded.find("\r\n", start)) != std::string::npos;
       start = end + 2) {
    EXPECT_LE(end - start, 75u);
  }
}

}  // namespace
}  // namespace cadre::recruiting::test
