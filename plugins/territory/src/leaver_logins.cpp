#include "leaver_logins.hpp"

#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Parser.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Timespan.h>

#include "cadre/dates.hpp"

namespace cadre::territory {

namespace {

std::string weekAgo() {
  Poco::LocalDateTime now;
  now -= Poco::Timespan(7, 0, 0, 0, 0);
  return Poco::DateTimeFormatter::format(now, "%Y-%m-%d");
}

}  // namespace

int disableLeaverLogins(Transaction& tx, UserAccounts& users, AuditLog& audit,
                        const std::string& fromDate, const std::string& toDate,
                        std::optional<std::int64_t> employeeId) {
  const std::string sql =
      "SELECT id, user_id, termination_date FROM territory_employees WHERE user_id IS NOT NULL "
      "AND termination_date >= ? AND termination_date <= ? AND (? = 0 OR id = ?)";
  std::int64_t only = employeeId.value_or(0);
  int disabled = 0;
  for (const auto& row : tx.query(sql, {fromDate, toDate, only, only})) {
    users.setDisabled(tx, row.getInt(1), true);
    audit.recordSystem(tx, "territory",
                       {"user.disable", "user", row.getString(1), "",
                        "{\"reason\":\"employee " + row.getString(0) + " terminated on " +
                            row.getString(2) + "\"}"});
    ++disabled;
  }
  return disabled;
}

void disableLoginsOfLeavers(PluginContext& context) {
  context.subscribe(
      "territory.employee.terminated", [&context](Transaction& tx, const Event& event) {
        auto id = Poco::JSON::Parser()
                      .parse(event.payloadJson)
                      .extract<Poco::JSON::Object::Ptr>()
                      ->getValue<std::int64_t>("id");
        disableLeaverLogins(tx, context.users(), context.audit(), "0000-01-01", today(), id);
      });
  context.addJob({"territory.disable-leaver-logins", std::chrono::hours(1), [&context] {
                    context.database().inTransaction([&](Transaction& tx) {
                      disableLeaverLogins(tx, context.users(), context.audit(), weekAgo(), today());
                    });
                  }});
}

}  // namespace cadre::territory
