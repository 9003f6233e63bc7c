// The notification outbox in the plugin: HR's view of it (list, read, send a failed one again),
// the jobs that send it and remind of overdue onboarding tasks, "approval waiting" when a
// requisition's approval step comes due, and interview invitations.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "cadre/audit_trail.hpp"
#include "cadre/dates.hpp"
#include "cadre/handler_support.hpp"
#include "cadre/json_text.hpp"
#include "cadre/pagination.hpp"
#include "change_log.hpp"
#include "interview_invitations.hpp"
#include "notification_outbox.hpp"
#include "notification_producers.hpp"
#include "notification_sender.hpp"
#include "route_support.hpp"
#include "routes.hpp"

namespace cadre::recruiting {

namespace {

Poco::JSON::Object::Ptr notificationJson(const QueuedNotification& n, bool withBody) {
  auto out = orderedObject();
  out->set("id", n.id);
  out->set("kind", n.content.kind);
  out->set("recipientEmail", n.content.recipientEmail);
  out->set("subject", n.content.subject);
  if (withBody) out->set("body", n.content.body);
  setOptional(*out, "attachmentName",
              n.content.attachment ? std::optional<std::string>(n.content.attachment->fileName)
                                   : std::nullopt);
  out->set("state", n.state);
  out->set("attempts", n.attempts);
  setOptional(*out, "nextAttemptAt", n.nextAttemptAt);
  setOptional(*out, "lastError", n.lastError);
  out->set("createdAt", n.createdAt);
  setOptional(*out, "sentAt", n.sentAt);
  return out;
}

std::chrono::seconds interval(const ConfigView& config, const std::string& key,
                              std::int64_t fallback) {
  auto seconds = config.getInt(key, fallback);
  if (seconds < 1 || seconds > 7 * 86400) {
    throw std::invalid_argument(key + " must be 1.." + std::to_string(7 * 86400) + ", not " +
                                std::to_string(seconds));
  }
  return std::chrono::seconds(seconds);
}

/// The "id" of an event's payload (the object changed).
std::int64_t idOf(const std::string& payloadJson) {
  return Poco::JSON::Parser()
      .parse(payloadJson)
      .extract<Poco::JSON::Object::Ptr>()
      ->getValue<std::int64_t>("id");
}

class NotificationRoutes {
 public:
  explicit NotificationRoutes(const RouteContext& context) : context_(context) {}

  void list(const Request& request, Response& response) {
    auto page = PageRequest::from(request, 50, 500);
    auto state = request.queryParam("state");
    if (state && *state != "queued" && *state != "sent" && *state != "failed") {
      throw HttpError::badRequest("state must be queued, sent or failed",
                                  {{"state", "must be queued, sent or failed"}});
    }
    bool csv = wantsCsv(request);
    auto beforeId = cursorId(page);
    auto limit = csv ? 1000000 : static_cast<std::int64_t>(page.limit) + 1;
    auto found = context_.plugin.database().inTransaction(
        [&](Transaction& tx) { return OutboxStore(tx).list(state, beforeId, limit); },
        TxMode::Read);
    if (csv) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& n : found) {
        rows.push_back({std::to_string(n.id), n.content.kind, n.content.recipientEmail,
                        n.content.subject, n.state, std::to_string(n.attempts), n.createdAt,
                        n.sentAt.value_or(""), n.lastError.value_or("")});
      }
      response.csv({"id", "kind", "recipientEmail", "subject", "state", "attempts", "createdAt",
                    "sentAt", "lastError"},
                   rows, "notifications.csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (std::size_t i = 0; i < found.size() && i < page.limit; ++i) {
      items->add(notificationJson(found[i], false));
    }
    std::optional<std::string> next;
    if (found.size() > page.limit) next = encodeCursor(std::to_string(found[page.limit - 1].id));
    response.page(items, next);
  }

  void read(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto found = context_.plugin.database().inTransaction(
        [&](Transaction& tx) { return OutboxStore(tx).find(id); }, TxMode::Read);
    response.json(notificationJson(requireFound(found, "notification", id), true));
  }

  void retry(const Request& request, Response& response) {
    auto id = request.idParam("id");
    if (!request.body.empty()) JsonFields(request.jsonObject()).finish();
    auto again = context_.plugin.database().inTransaction([&](Transaction& tx) {
      OutboxStore store(tx);
      auto before = requireFound(store.find(id), "notification", id);
      if (before.state != "failed") {
        throw HttpError::unprocessable("notification " + std::to_string(id) + " is " +
                                       before.state + "; only a failed one is sent again");
      }
      store.requeue(id, nowTimestamp());
      auto after = *store.find(id);
      ChangeLog(tx, requestTrail(context_.plugin.audit(), request))
          .record("notification", "requeued", id, notificationJson(before, false),
                  notificationJson(after, false));
      return after;
    });
    response.json(notificationJson(again, false));
  }

 private:
  RouteContext context_;
};

void addSenderJob(PluginContext& plugin) {
  const auto smtp = SmtpSettings::fromConfig(plugin.config());
  const auto retry = RetryPolicy::fromConfig(plugin.config());
  if (!smtp.configured()) {
    plugin.logger().warning(
        "recruiting.smtp.host or recruiting.smtp.from is not set: notifications are queued but "
        "not sent");
    return;
  }
  auto every = interval(plugin.config(), "recruiting.smtp.intervalSeconds", 60);
  plugin.addJob(
      {"recruiting.send-notifications", every, [&plugin, smtp, retry] {
         auto outcome = sendDueNotifications(
             plugin.database(), [&smtp] { return openSmtpSession(smtp); }, retry, nowTimestamp());
         if (outcome.retried + outcome.failed > 0) {
           plugin.logger().warning("notifications: " + std::to_string(outcome.sent) + " sent, " +
                                   std::to_string(outcome.retried) + " to retry, " +
                                   std::to_string(outcome.failed) + " failed");
         }
       }});
}

}  // namespace

void registerNotifications(const RouteContext& context) {
  PluginContext& plugin = context.plugin;
  auto org = context.org;
  const auto mailboxes = RoleMailboxes::fromConfig(plugin.config());
  addSenderJob(plugin);
  plugin.addJob({"recruiting.remind-overdue-tasks",
                 interval(plugin.config(), "recruiting.onboarding.reminderIntervalSeconds", 3600),
                 [&plugin, org, mailboxes] {
                   plugin.database().inTransaction([&](Transaction& tx) {
                     queueOverdueReminders(tx, *org, mailboxes, today());
                   });
                 }});
  // Each decision may bring the next step due; one waiting step is announced once.
  for (const char* topic :
       {"recruiting.requisition.submitted", "recruiting.requisition.approved"}) {
    plugin.subscribe(topic, [org, mailboxes](Transaction& tx, const Event& event) {
      queueApprovalWaiting(tx, *org, mailboxes, idOf(event.payloadJson));
    });
  }
  for (const char* topic : {"recruiting.interview.scheduled", "recruiting.interview.changed",
                            "recruiting.interview.cancelled"}) {
    plugin.subscribe(topic, [org](Transaction& tx, const Event& event) {
      queueInterviewInvitations(tx, *org, idOf(event.payloadJson));
    });
  }

  auto routes = std::make_shared<NotificationRoutes>(context);
  const std::string base = "/api/v1/recruiting/notifications";
  auto add = [&](const std::string& method, const std::string& pattern,
                 void (NotificationRoutes::*method_)(const Request&, Response&),
                 const std::string& summary) {
    Route route{method, pattern, hrRunners(), bindRoute(routes, method_), summary};
    route.personalData = true;
    plugin.addRoute(route);
  };
  add("GET", base, &NotificationRoutes::list,
      "The notification outbox, newest first; state (queued, sent, failed); CSV");
  add("GET", base + "/{id}", &NotificationRoutes::read, "One notification with its body");
  add("POST", base + "/{id}/retry", &NotificationRoutes::retry,
      "Queue a failed notification again");
}

}  // namespace cadre::recruiting
