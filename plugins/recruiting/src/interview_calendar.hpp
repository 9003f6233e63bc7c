#pragma once

#include <string>
#include <vector>

#include "interview.hpp"

namespace cadre::recruiting {

/// Someone an invitation is for.
struct CalendarAttendee {
  std::string name;
  /// Attendees without an email address are left out of the invitation.
  std::string email;
};

/// An interview with what its invitation says about it.
struct CalendarInvitation {
  Interview interview;
  std::string candidateName;
  std::string requisitionTitle;
  std::vector<CalendarAttendee> attendees;
  /// When the invitation is made (DTSTAMP), a UTC instant as stored.
  std::string stamp;
};

/// The interview as an iCalendar file (RFC 5545, METHOD:PUBLISH): one event with the interview's
/// UID and sequence, its time in UTC, place and link, STATUS CANCELLED once cancelled, text
/// escaped and lines folded at 75 octets without splitting a UTF-8 character, CRLF line ends.
std::string interviewCalendar(const CalendarInvitation& invitation);

/// A UTC instant as stored ("2026-11-26T09:30:00Z") in iCalendar's form ("20261126T093000Z").
std::string calendarTime(const std::string& instant);

/// Text escaped for an iCalendar TEXT value: backslash, semicolon, comma and line ends.
std::string calendarText(const std::string& text);

/// A content line folded at 75 octets (continuations begin with a space), ending in CRLF.
std::string foldedLine(const std::string& line);

}  // namespace cadre::recruiting
