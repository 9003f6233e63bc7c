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
///   (or recruiting.smtp.passwordFile) to log in when a username is set, with
///   recruiting.smtp.auth (plain or login; plain), recruiting.smtp.timeoutSeconds (10).
struct SmtpSettings {
  std::string host;
  std::uint16_t port = 25;
  std::string from;
  std::string fromName = "Cadre";
  std::string username;
  std::string password;
  /// plain (AUTH PLAIN) or login (AUTH LOGIN).
  std::string auth = "plain";
  std::chrono::seconds timeout{10};

  /// Reads the settings; throws std::invalid_argument naming a setting out of range.
  static SmtpSettings fromConfig(const ConfigView& config);
  /// Whether a host and a sender are set: without them nothing is sent.
  bool configured() const { return !host.empty() && !from.empty(); }
};

/// How far a failure reaches.
enum class FailureScope {
  /// This mail only: the server refused its recipient or its content.
  Mail,
  /// The connection broke (reset, timed out): another one may do.
  Connection,
  /// The server does not take mail from us now (no connection, greeting or login refused,
  /// sender refused): nothing more is tried in this run.
  Server,
};

/// Why a mail did not go out. `permanent`: the server refused this mail for good (a 5xx answer
/// to its recipient or content); trying again would not help. Anything else may go out later.
class MailFailure : public std::runtime_error {
 public:
  MailFailure(const std::string& message, FailureScope scope, bool permanent = false)
      : std::runtime_error(message), scope_(scope), permanent_(permanent) {}
  FailureScope scope() const { return scope_; }
  bool permanent() const { return permanent_; }

 private:
  FailureScope scope_;
  bool permanent_;
};

/// One open connection to a mail server that sends notifications one after another.
class MailSession {
 public:
  virtual ~MailSession() = default;
  /// Sends one notification (`id` makes its Message-ID); throws MailFailure.
  virtual void send(std::int64_t id, const Notification& notification) = 0;
};

/// Opens an SMTP session: connects within the timeout, greets (EHLO) and logs in when a
/// username is set. Throws MailFailure (FailureScope::Server) when any of it fails.
std::unique_ptr<MailSession> openSmtpSession(const SmtpSettings& settings);

}  // namespace cadre::recruiting
