// The account import: a known externalId updates that account, anything else creates one.
#include <unordered_map>

#include "cadre/json_text.hpp"
#include "import_store.hpp"
#include "org_import.hpp"
#include "vocabulary.hpp"

namespace cadre::territory {

namespace {

std::string accountPayload(std::int64_t id, const AccountFields& a) {
  auto out = orderedObject();
  out->set("id", id);
  out->set("name", a.name);
  out->set("region", a.region);
  out->set("postalCode", a.postalCode);
  out->set("industry", a.industry);
  out->set("size", a.size);
  out->set("status", a.status);
  setOptional(*out, "externalId",
              a.externalId.empty() ? std::nullopt : std::optional<std::string>(a.externalId));
  out->set("potential", a.potential);
  return toJson(out);
}

class AccountImport {
 public:
  AccountImport(ImportScope& scope, ImportReport& report)
      : scope_(scope), report_(report), store_(scope.tx) {}

  void run(const CsvTable& table) {
    ImportColumns columns(
        table.records.front(),
        {"name", "region", "postalCode", "industry", "size", "status", "potential"},
        {"externalId", "id"}, report_);
    if (!report_.errors.empty()) return;
    known_ = store_.accountsByExternalId();
    std::vector<std::pair<std::size_t, AccountFields>> good;
    for (std::size_t i = 1; i < table.records.size(); ++i) {
      auto account = read(table.records[i], columns);
      if (account) good.emplace_back(table.records[i].line, std::move(*account));
    }
    for (const auto& [line, account] : good) {
      try {
        apply(account);
      } catch (const std::exception& error) {
        throw ImportAborted(line, error.what());
      }
    }
  }

 private:
  std::optional<AccountFields> read(const CsvRecord& record, const ImportColumns& columns) {
    ImportRow in(record, columns, report_);
    AccountFields a;
    a.name = in.text("name", true, 200);
    a.region = in.text("region", true, 100);
    a.postalCode = in.text("postalCode", false, 32);
    a.industry = in.text("industry", false, 100);
    a.size = in.choice("size", kAccountSizes, "");
    a.status = in.choice("status", kAccountStatuses, "");
    a.externalId = in.text("externalId", false, 100);
    a.potential = in.number("potential", 0);
    if (!a.externalId.empty()) {
      auto [first, added] = lineOfExternalId_.emplace(a.externalId, record.line);
      if (!added) {
        in.fail("externalId", "external id '" + a.externalId + "' appears on " +
                                  lineList({first->second, record.line}));
      }
    }
    if (!in.ok()) return std::nullopt;
    return a;
  }

  void apply(const AccountFields& account) {
    auto known = account.externalId.empty() ? known_.end() : known_.find(account.externalId);
    if (known == known_.end()) {
      auto id = store_.saveAccount(std::nullopt, account);
      record(id, "created", "create", "", account);
      ++report_.created;
    } else if (known->second.fields == account) {
      ++report_.unchanged;
    } else {
      store_.saveAccount(known->second.id, account);
      record(known->second.id, "updated", "update",
             accountPayload(known->second.id, known->second.fields), account);
      ++report_.updated;
    }
  }

  void record(std::int64_t id, const std::string& event, const std::string& action,
              const std::string& before, const AccountFields& account) {
    auto after = accountPayload(id, account);
    scope_.tx.publish("territory.account." + event, after);
    scope_.trail(scope_.tx,
                 {"territory.account." + action, "account", std::to_string(id), before, after});
  }

  ImportScope& scope_;
  ImportReport& report_;
  ImportStore store_;
  std::unordered_map<std::string, StoredAccount> known_;
  std::unordered_map<std::string, std::size_t> lineOfExternalId_;
};

}  // namespace

void importAccounts(ImportScope& scope, const CsvTable& table, ImportReport& report) {
  if (startReport(table, report)) AccountImport(scope, report).run(table);
}

}  // namespace cadre::territory
