#include "sync_run.hpp"

#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

namespace cadre::ldap {
namespace {

Poco::JSON::Object::Ptr ordered() {
  return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

}  // namespace

const char* runOutcomeName(RunOutcome outcome) {
  switch (outcome) {
    case RunOutcome::Completed:
      return "completed";
    case RunOutcome::Stopped:
      return "stopped";
    case RunOutcome::Failed:
      return "failed";
  }
  return "failed";
}

Poco::JSON::Object::Ptr runJson(const SyncRun& run) {
  auto json = ordered();
  json->set("id", run.id);
  json->set("mode", run.mode == SyncMode::Full ? "full" : "incremental");
  json->set("dryRun", run.dryRun);
  json->set("forced", run.forced);
  json->set("startedBy", run.startedBy);
  json->set("startedAt", run.startedAt);
  json->set("finishedAt", run.finishedAt);
  json->set("outcome", runOutcomeName(run.outcome));
  json->set("message", run.message);
  json->set("entriesRead", run.entriesRead);
  json->set("created", run.counts.created);
  json->set("updated", run.counts.updated);
  json->set("moved", run.counts.moved);
  json->set("disabled", run.counts.disabled);
  json->set("reactivated", run.counts.reactivated);
  json->set("unchanged", run.counts.unchanged);
  json->set("errorCount", run.errorCount);
  Poco::JSON::Array::Ptr errors = new Poco::JSON::Array;
  for (const auto& error : run.counts.errors) {
    auto item = ordered();
    item->set("dn", error.dn);
    item->set("message", error.message);
    errors->add(item);
  }
  json->set("errors", errors);
  return json;
}

Poco::JSON::Array::Ptr changesJson(const std::vector<PlannedChange>& changes) {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& change : changes) {
    auto item = ordered();
    item->set("kind", changeKindName(change.kind));
    item->set("dn", change.dn);
    item->set("directoryId", change.directoryId);
    item->set("employeeId",
              change.employeeId ? Poco::Dynamic::Var(*change.employeeId) : Poco::Dynamic::Var());
    Poco::JSON::Array::Ptr fields = new Poco::JSON::Array;
    for (const auto& field : change.fields) {
      auto f = ordered();
      f->set("field", field.field);
      f->set("from", field.from);
      f->set("to", field.to);
      fields->add(f);
    }
    item->set("fields", fields);
    list->add(item);
  }
  return list;
}

std::string jsonText(const Poco::Dynamic::Var& value) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(value, out);
  return out.str();
}

}  // namespace cadre::ldap
