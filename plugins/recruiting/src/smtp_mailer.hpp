#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "cadre/context.hpp"
#include "notification_outbox.hpp"

namespace cadre::recruiting {

/// Where notifications are sent, from the host's configuration:
///   recruiting.smtp.host, recruiting.smtp.port (25), recruiting.smtp.from (the sender address),
///   recruiting.smtp.fromName ("Cadre"), recruiting.smtp.username and recruiting.smtp.password
///   (or recruiting.smtp.passwordFile; AUTH LOGIN when a username is set),
///   recruiting.smtp.timeoutSeconds (10).
struct SmtpSettings {
  std::string host;
  std::uint16_t port = 25;
  std::string from;
  std::string fromName = "Cadre";
  std::string username;
  std::string password;
  std::chrono::seconds timeout{10};

  /// Reads the settings; throws std::invalid_argument naming a setting out of range.
  static SmtpSettings fromConfig(const ConfigView& config);
  /// Whether a host and a sender are set: without them nothing is sent.
  bool configured() const { return !host.empty() && !from.empty(); }
};

/// Why a mail did not go out. `permanent`: the server refused this mail for good (a 5xx
/// answer), trying again would not help. Otherwise it may go out later; `sessionLost` says the
/// connection is gone (refused, timed out, closed) rather than one mail refused.
class MailFailure : public std::runtime_error {
 public:
  MailFailure(const std::string& message, bool permanent, bool sessionLost)
      : std::runtime_error(message), permanent_(permanent), sessionLost_(sessionLost) {}
  bool permanent() const { return permanent_; }
  bool sessionLost() const { return sessionLost_; }

 private:
  bool permanent_;
  bool sessionLost_;
};

/// One open connection to a mail server that sends notifications one after another.
class MailSession {
 public:
  virtual ~MailSession() = default;
  /// Sends one notification (`id` makes its Message-ID); throws MailFailure.
  virtual void send(std::int64_t id, const Notification& notification) = 0;
};

/// Opens an SMTP session: connects within the timeout, greets (EHLO) and logs in when a
/// username is set. Throws MailFailure (sessionLost) when any of it fails.
std::unique_ptr<MailSession> openSmtpSession(const SmtpSettings& settings);

}  // namespace cadre::recruiting
