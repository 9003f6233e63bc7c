// The `cadre sync ldap` subcommand.
#include "sync_command.hpp"

#include <Poco/JSON/Object.h>

namespace cadre::ldap {
namespace {

constexpr const char* kUsage =
    "usage: cadre sync ldap [--full] [--dry-run] [--force] [--json] [--config FILE] "
    "[--set KEY=VALUE]...\n"
    "Brings the employees in step with the directory (ldap.* settings).\n"
    "  --full     read the whole directory and terminate whoever has left it (the first run\n"
    "             is always full); otherwise read what changed since the last run\n"
    "  --dry-run  show what would change, field by field, and write nothing\n"
    "  --force    write even when more than ldap.maxDisableShare of the active employees\n"
    "             would be disabled (after a human has looked at a --dry-run)\n"
    "  --json     print the run as JSON: {\"mode\", \"created\", \"updated\", \"moved\",\n"
    "             \"disabled\", \"reactivated\", \"unchanged\", \"errors\": [{\"dn\", "
    "\"message\"}], …}\n"
    "Exits 0 when the run completed (entries with errors are counted), 1 when it failed,\n"
    "2 when it stopped before writing because too many people would be disabled.\n";

int exitCodeOf(RunOutcome outcome) {
  switch (outcome) {
    case RunOutcome::Completed:
      return 0;
    case RunOutcome::Stopped:
      return 2;
    case RunOutcome::Failed:
      return 1;
  }
  return 1;
}

}  // namespace

void printRun(const SyncResult& result, std::ostream& out) {
  const SyncRun& run = result.run;
  out << "ldap sync #" << run.id << " (" << (run.mode == SyncMode::Full ? "full" : "incremental")
      << (run.dryRun ? ", dry run" : "") << (run.forced ? ", forced" : "")
      << "): " << runOutcomeName(run.outcome) << ", " << run.entriesRead << " entries read\n";
  if (run.dryRun || run.outcome == RunOutcome::Stopped) {
    for (const auto& change : result.changes) {
      out << "  " << changeKindName(change.kind) << " " << change.dn << "\n";
      for (const auto& field : change.fields)
        out << "      " << field.field << ": '" << field.from << "' -> '" << field.to << "'\n";
    }
  }
  for (const auto& error : run.counts.errors)
    out << "  error " << error.dn << ": " << error.message << "\n";
  out << run.message << "\n";
}

CommandSpec syncCommand(SyncRunner runner) {
  CommandSpec spec;
  spec.name = "sync ldap";
  spec.usage = kUsage;
  spec.summary = "bring the employees in step with the directory";
  spec.run = [runner = std::move(runner)](const std::vector<std::string>& args, std::ostream& out,
                                          std::ostream& err) {
    SyncRequest request;
    bool json = false;
    for (const auto& arg : args) {
      if (arg == "--full") {
        request.full = true;
      } else if (arg == "--dry-run") {
        request.dryRun = true;
      } else if (arg == "--force") {
        request.force = true;
      } else if (arg == "--json") {
        json = true;
      } else {
        err << "cadre sync ldap: unknown argument '" << arg << "'\n" << kUsage;
        return 64;
      }
    }
    auto result = runner(request);
    if (json) {
      auto body = runJson(result.run);
      if (request.dryRun) body->set("changes", changesJson(result.changes));
      out << jsonText(body) << "\n";
    } else {
      printRun(result, out);
    }
    if (result.run.outcome != RunOutcome::Completed)
      err << "cadre sync ldap: " << result.run.message << "\n";
    return exitCodeOf(result.run.outcome);
  };
  return spec;
}

}  // namespace cadre::ldap
