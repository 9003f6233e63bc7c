#include "smtp_mailer.hpp"

#include <sstream>

#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/Timespan.h>

namespace cadre::recruiting {

namespace {

std::string domainOf(const std::string& address) {
  auto at = address.rfind('@');
  return at == std::string::npos ? "cadre" : address.substr(at + 1);
}

std::string base64(const std::string& text) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder << text;
  encoder.close();
  return out.str();
}

bool isAscii(const std::string& text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

/// RFC 2047 words only where a header carries more than ASCII.
std::string headerText(const std::string& text) {
  return isAscii(text) ? text : Poco::Net::MailMessage::encodeWord(text, "UTF-8");
}

void compose(Poco::Net::MailMessage& message, const SmtpSettings& settings, std::int64_t id,
             const Notification& n) {
  message.setSender(settings.fromName.empty()
                        ? settings.from
                        : headerText(settings.fromName) + " <" + settings.from + ">");
  message.addRecipient(
      Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, n.recipientEmail));
  message.setSubject(headerText(n.subject));
  message.set("Message-ID",
              "<notification-" + std::to_string(id) + "@" + domainOf(settings.from) + ">");
  const std::string textType = "text/plain; charset=UTF-8";
  if (!n.attachment) {
    message.setContentType(textType);
    message.setContent(n.body, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    return;
  }
  message.addContent(new Poco::Net::StringPartSource(n.body, textType),
                     Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
  message.addAttachment(
      headerText(n.attachment->fileName),
      new Poco::Net::StringPartSource(n.attachment->content, n.attachment->mediaType,
                                      headerText(n.attachment->fileName)),
      Poco::Net::MailMessage::ENCODING_BASE64);
}

class SmtpSession : public MailSession {
 public:
  explicit SmtpSession(const SmtpSettings& settings) : settings_(settings) {
    const std::string where = settings.host + ":" + std::to_string(settings.port);
    try {
      Poco::Net::StreamSocket socket;
      Poco::Timespan timeout(static_cast<long>(settings.timeout.count()), 0);
      socket.connect(Poco::Net::SocketAddress(settings.host, settings.port), timeout);
      session_ = std::make_unique<Poco::Net::SMTPClientSession>(socket);
      session_->setTimeout(timeout);
      if (settings.username.empty()) {
        session_->login();
      } else if (settings.auth == "login") {
        session_->login();
        loginWithLogin(settings.username, settings.password);
      } else {
        session_->login(Poco::Net::SMTPClientSession::AUTH_PLAIN, settings.username,
                        settings.password);
      }
    } catch (const Poco::Exception& e) {
      throw MailFailure("the mail server " + where + " did not take us: " + e.displayText(),
                        FailureScope::Server);
    }
  }

  ~SmtpSession() override {
    try {
      session_->close();
    } catch (const Poco::Exception&) {
      // The server went away first: nothing is left to say to it.
    }
  }

  void send(std::int64_t id, const Notification& notification) override {
    Poco::Net::MailMessage message;
    compose(message, settings_, id, notification);
    try {
      session_->sendMessage(message);
    } catch (const Poco::Net::SMTPException& e) {
      resetTransaction();
      // Poco names the step that was refused: the sender (MAIL FROM) concerns every mail of
      // ours, the recipient and the content only this one.
      const std::string& step = e.message();
      bool thisMail = step.rfind("Recipient rejected", 0) == 0 ||
                      step == "Cannot send message data" ||
                      step == "The server rejected the message";
      bool refused = e.code() >= 500 && e.code() < 600;
      throw MailFailure("the mail server answered " + e.displayText(),
                        thisMail ? FailureScope::Mail : FailureScope::Server, thisMail && refused);
    } catch (const Poco::Exception& e) {
      throw MailFailure("the mail server connection failed: " + e.displayText(),
                        FailureScope::Connection);
    }
  }

 private:
  // AUTH LOGIN by hand: Poco's reads the server's prompts and stalls on one worded otherwise
  // than "Username:" (aiosmtpd asks "User Name"), though their wording carries no meaning.
  void loginWithLogin(const std::string& username, const std::string& password) {
    std::string response;
    int status = session_->sendCommand("AUTH LOGIN", response);
    if (status == 334) status = session_->sendCommand(base64(username), response);
    if (status == 334) status = session_->sendCommand(base64(password), response);
    if (status != 235) throw Poco::Net::SMTPException("Login using LOGIN failed", response, status);
  }

  // After a refusal the server still holds the half-sent transaction; RSET clears it for the
  // next mail. A server that does not answer is found out by that next mail.
  void resetTransaction() {
    try {
      std::string response;
      session_->sendCommand("RSET", response);
    } catch (const Poco::Exception&) {
    }
  }

  SmtpSettings settings_;
  std::unique_ptr<Poco::Net::SMTPClientSession> session_;
};

}  // namespace

SmtpSettings SmtpSettings::fromConfig(const ConfigView& config) {
  SmtpSettings s;
  s.host = config.getString("recruiting.smtp.host", "");
  auto port = config.getInt("recruiting.smtp.port", 25);
  if (port < 1 || port > 65535) {
    throw std::invalid_argument("recruiting.smtp.port must be 1..65535, not " +
                                std::to_string(port));
  }
  s.port = static_cast<std::uint16_t>(port);
  s.from = config.getString("recruiting.smtp.from", "");
  if (!s.from.empty() && !isMailAddress(s.from)) {
    throw std::invalid_argument("recruiting.smtp.from must be a mail address, not '" + s.from +
                                "'");
  }
  s.fromName = config.getString("recruiting.smtp.fromName", "Cadre");
  s.username = config.getString("recruiting.smtp.username", "");
  s.password = config.secret("recruiting.smtp.password").value_or("");
  s.auth = config.getString("recruiting.smtp.auth", "plain");
  if (s.auth != "plain" && s.auth != "login") {
    throw std::invalid_argument("recruiting.smtp.auth must be plain or login, not '" + s.auth +
                                "'");
  }
  auto timeout = config.getInt("recruiting.smtp.timeoutSeconds", 10);
  if (timeout < 1 || timeout > 600) {
    throw std::invalid_argument("recruiting.smtp.timeoutSeconds must be 1..600, not " +
                                std::to_string(timeout));
  }
  s.timeout = std::chrono::seconds(timeout);
  return s;
}

std::unique_ptr<MailSession> openSmtpSession(const SmtpSettings& settings) {
  return std::make_unique<SmtpSession>(settings);
}

}  // namespace cadre::recruiting
