#include "interview_calendar.hpp"

#include <algorithm>

namespace cadre::recruiting {

namespace {

/// A parameter value (CN) as a quoted string: no double quotes or control characters in it.
std::string quotedParameter(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    auto byte = static_cast<unsigned char>(c);
    if (c != '"' && byte >= 0x20 && byte != 0x7f) out += c;
  }
  return out + "\"";
}

}  // namespace

std::string calendarTime(const std::string& instant) {
  std::string out;
  for (char c : instant) {
    if (c != '-' && c != ':') out += c;
  }
  return out;
}

std::string calendarText(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') {
      out += c;
    }
  }
  return out;
}

std::string foldedLine(const std::string& line) {
  std::string out;
  std::size_t start = 0;
  std::size_t room = 75;
  while (line.size() - start > room) {
    std::size_t end = start + room;
    // Never begin a continuation inside a UTF-8 character.
    while (end > start && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
    out += line.substr(start, end - start) + "\r\n ";
    start = end;
    room = 74;
  }
  return out + line.substr(start) + "\r\n";
}

std::string interviewCalendar(const CalendarInvitation& invitation) {
  const Interview& interview = invitation.interview;
  std::vector<std::string> lines = {
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Cadre//Recruiting//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      "UID:" + interview.icsUid,
      "SEQUENCE:" + std::to_string(interview.icsSequence),
      "DTSTAMP:" + calendarTime(invitation.stamp),
      "DTSTART:" + calendarTime(interview.startsAt),
      "DTEND:" + calendarTime(interview.endsAt),
      "SUMMARY:" + calendarText("Interview: " + invitation.candidateName + " (" +
                                invitation.requisitionTitle + ")"),
  };
  if (interview.location) lines.push_back("LOCATION:" + calendarText(*interview.location));
  std::string description = "Interview with " + invitation.candidateName + " for the requisition " +
                            invitation.requisitionTitle + ".";
  if (interview.meetingLink) {
    // A link is checked to be a plain http(s) URL when it is written, so it needs no escaping.
    lines.push_back("URL:" + *interview.meetingLink);
    description += "\nJoin: " + *interview.meetingLink;
  }
  lines.push_back("DESCRIPTION:" + calendarText(description));
  lines.push_back(std::string("STATUS:") +
                  (interview.state == "cancelled" ? "CANCELLED" : "CONFIRMED"));
  for (const auto& attendee : invitation.attendees) {
    bool plain = std::none_of(attendee.email.begin(), attendee.email.end(), [](char c) {
      return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
    });
    if (attendee.email.empty() || !plain) continue;
    lines.push_back("ATTENDEE;CN=" + quotedParameter(attendee.name) +
                    ";ROLE=REQ-PARTICIPANT:mailto:" + attendee.email);
  }
  lines.push_back("END:VEVENT");
  lines.push_back("END:VCALENDAR");
  std::string out;
  for (const auto& line : lines) out += foldedLine(line);
  return out;
}

}  // namespace cadre::recruiting
