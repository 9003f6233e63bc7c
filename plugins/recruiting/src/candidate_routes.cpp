// HTTP for candidates, their duplicates, merges, erasure and CV files: parse and validate, then
// Candidates does the work.
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>

#include "cadre/dates.hpp"
#include "cadre/handler_support.hpp"
#include "cadre/json_fields.hpp"
#include "cadre/json_text.hpp"
#include "cadre/pagination.hpp"
#include "candidate_input.hpp"
#include "candidate_json.hpp"
#include "candidates.hpp"
#include "route_support.hpp"
#include "routes.hpp"

namespace cadre::recruiting {

namespace {

/// The date `days` after today.
std::string daysFromToday(std::int64_t days) {
  Poco::DateTime now;
  now += Poco::Timespan(static_cast<int>(days), 0, 0, 0, 0);
  return Poco::DateTimeFormatter::format(now, "%Y-%m-%d");
}

Poco::JSON::Array::Ptr arrayOf(const std::vector<DuplicateCandidate>& duplicates) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& d : duplicates) items->add(duplicateJson(d));
  return items;
}

class CandidateRoutes {
 public:
  CandidateRoutes(const RouteContext& context, std::int64_t retentionDays, std::size_t cvMaxBytes)
      : context_(context), retentionDays_(retentionDays), cvMaxBytes_(cvMaxBytes) {}

 private:
  // The helpers come first: handlers deduce their return types from them.

  /// Runs `work` with the domain and the caller in one transaction.
  template <typename Work>
  auto run(const Request& request, Work work, TxMode mode = TxMode::Write) {
    return context_.plugin.database().inTransaction(
        [&](Transaction& tx) {
          auto caller = callerOf(tx, *context_.org, request);
          Candidates candidates(tx, *context_.org, requestTrail(context_.plugin.audit(), request),
                                caller);
          return work(candidates, caller);
        },
        mode);
  }

  /// A candidate as its reader may see it, with what HR needs beside it.
  static Poco::JSON::Object::Ptr profileJson(Candidates& candidates, const Candidate& candidate,
                                             const Caller& caller) {
    auto out = candidateJson(candidate, caller.hr);
    Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
    if (!candidate.erasedAt) {
      for (const auto& cv : candidates.cvFiles(candidate.id)) files->add(cvJson(cv));
    }
    out->set("cvs", files);
    if (caller.hr) out->set("possibleDuplicates", arrayOf(candidates.duplicatesOf(candidate)));
    return out;
  }

  static void answer(Response& response, const Poco::JSON::Object::Ptr& body, std::int64_t version,
                     int status = 200) {
    response.etag(version);
    response.json(body, status);
  }

 public:
  void list(const Request& request, Response& response) {
    bool csv = wantsCsv(request);
    auto page = PageRequest::from(request, 50, 500);
    CandidateFilter filter;
    filter.nameOrEmail = request.queryParam("q");
    filter.source = request.queryParam("source");
    if (filter.source && !candidateSources().count(*filter.source)) {
      throw HttpError::badRequest(
          "source is not a candidate source",
          {{"source", "must be one of: agency, campus, direct, event, job_board, referral"}});
    }
    filter.requisitionId = queryId(request, "requisitionId");
    filter.afterId = page.after.empty() ? 0 : std::stoll(page.after);
    filter.limit = csv ? 1000000 : static_cast<std::int64_t>(page.limit) + 1;
    bool hr = false;
    auto found = run(
        request,
        [&](Candidates& candidates, const Caller& caller) {
          hr = caller.hr;
          return candidates.list(filter);
        },
        TxMode::Read);
    if (csv) {
      std::vector<std::vector<std::string>> rows;
      for (const auto& c : found) rows.push_back(candidateCsvRow(c, hr));
      response.csv(candidateCsvHeader(), rows, "candidates.csv");
      return;
    }
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (std::size_t i = 0; i < found.size() && i < page.limit; ++i) {
      items->add(candidateJson(found[i], hr));
    }
    std::optional<std::string> next;
    if (found.size() > page.limit) next = encodeCursor(std::to_string(found[page.limit - 1].id));
    response.page(items, next);
  }

  void read(const Request& request, Response& response) {
    auto id = request.idParam("id");
    std::int64_t version = 0;
    auto body = run(
        request,
        [&](Candidates& candidates, const Caller& caller) {
          auto candidate = candidates.requireVisible(id);
          version = candidate.version;
          return profileJson(candidates, candidate, caller);
        },
        TxMode::Read);
    answer(response, body, version);
  }

  void create(const Request& request, Response& response) {
    JsonFields in(request.jsonObject());
    auto input = readNewCandidate(in);
    in.finish();
    if (input.profile.retentionUntil.empty()) {
      input.profile.retentionUntil = daysFromToday(retentionDays_);
    }
    std::int64_t version = 0;
    auto body = run(request, [&](Candidates& candidates, const Caller& caller) {
      auto candidate = candidates.create(input);
      version = candidate.version;
      return profileJson(candidates, candidate, caller);
    });
    answer(response, body, version, 201);
  }

  void edit(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto json = request.jsonObject();
    JsonFields in(json);
    auto edit = readCandidateEdit(in, json);
    in.finish();
    std::int64_t version = 0;
    auto body = run(request, [&](Candidates& candidates, const Caller& caller) {
      auto current = candidates.require(id);
      request.requireVersion(current.version);
      auto candidate = candidates.edit(id, current.version, edit);
      version = candidate.version;
      return profileJson(candidates, candidate, caller);
    });
    answer(response, body, version);
  }

  void duplicates(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto items = run(
        request,
        [&](Candidates& candidates, const Caller&) {
          return arrayOf(candidates.duplicatesOf(candidates.require(id)));
        },
        TxMode::Read);
    response.page(items, std::nullopt);
  }

  void merge(const Request& request, Response& response) {
    auto id = request.idParam("id");
    JsonFields in(request.jsonObject());
    auto duplicateId = in.requiredInt("duplicateId");
    if (in.errors().empty() && duplicateId <= 0)
      in.addError("duplicateId", "must be a positive id");
    in.finish();
    std::int64_t version = 0;
    auto body = run(request, [&](Candidates& candidates, const Caller& caller) {
      auto current = candidates.require(id);
      request.requireVersion(current.version);
      auto outcome = candidates.merge(id, current.version, duplicateId);
      version = outcome.survivor.version;
      return profileJson(candidates, outcome.survivor, caller);
    });
    answer(response, body, version);
  }

  void erase(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto reason = requiredReason(request, "reason");
    auto candidate = run(request, [&](Candidates& candidates, const Caller&) {
      checkVersionIfGiven(request, candidates.require(id).version);
      return candidates.erase(id, reason);
    });
    answer(response, candidateJson(candidate), candidate.version);
  }

  void cvs(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto items = run(
        request,
        [&](Candidates& candidates, const Caller&) {
          Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
          for (const auto& cv : candidates.cvFiles(id)) files->add(cvJson(cv));
          return files;
        },
        TxMode::Read);
    response.page(items, std::nullopt);
  }

  void upload(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto upload =
        checkedCvUpload(request.queryParam("fileName").value_or(""),
                        request.header("content-type").value_or(""), request.body, cvMaxBytes_);
    auto cv = run(request, [&](Candidates& candidates, const Caller&) {
      return candidates.addCv(id, upload);
    });
    response.json(cvJson(cv), 201);
  }

  void download(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto cvId = request.idParam("cvId");
    auto [cv, content] = run(
        request, [&](Candidates& candidates, const Caller&) { return candidates.readCv(id, cvId); },
        TxMode::Read);
    response.text(content, cv.mediaType);
    response.headers["Content-Disposition"] = attachmentDisposition(cv.fileName);
    // Opened in a tab instead of saved, the file runs no script and reaches nothing.
    response.headers["Content-Security-Policy"] = "sandbox; default-src 'none'";
    response.noStore();
  }

  void removeCv(const Request& request, Response& response) {
    auto id = request.idParam("id");
    auto cvId = request.idParam("cvId");
    run(request, [&](Candidates& candidates, const Caller&) { candidates.removeCv(id, cvId); });
    response.noContent();
  }

 private:
  RouteContext context_;
  std::int64_t retentionDays_;
  std::size_t cvMaxBytes_;
};

}  // namespace

void registerCandidateRoutes(const RouteContext& context) {
  const auto& config = context.plugin.config();
  auto retentionDays = config.getInt("recruiting.candidates.retentionDays", 730);
  auto cvMaxBytes =
      static_cast<std::size_t>(config.getInt("recruiting.cv.maxBytes", 5 * 1024 * 1024));
  auto routes = std::make_shared<CandidateRoutes>(context, retentionDays, cvMaxBytes);
  auto bind = [routes](void (CandidateRoutes::*method)(const Request&, Response&)) {
    return bindRoute(routes, method);
  };
  const std::string base = "/api/v1/recruiting/candidates";
  const std::string one = base + "/{id}";
  auto& plugin = context.plugin;
  auto personal = [&](Route route) {
    route.personalData = true;
    plugin.addRoute(std::move(route));
  };
  personal({"GET", base, anyEmployee(), bind(&CandidateRoutes::list),
            "List candidates (HR all; others those they hire for or interview); q (name or "
            "email prefix), source, requisitionId; CSV"});
  personal({"POST", base, hrRunners(), bind(&CandidateRoutes::create),
            "Add a candidate; the answer lists possible duplicates by email or phone"});
  personal({"GET", one, anyEmployee(), bind(&CandidateRoutes::read),
            "Read a candidate with their CVs (and, for HR, possible duplicates)"});
  personal({"PATCH", one, hrRunners(), bind(&CandidateRoutes::edit),
            "Change a candidate's profile, consent or retention date (If-Match)"});
  personal({"GET", one + "/duplicates", hrRunners(), bind(&CandidateRoutes::duplicates),
            "Other candidates sharing an email address or phone number"});
  personal({"POST", one + "/merge", hrRunners(), bind(&CandidateRoutes::merge),
            "Merge duplicateId into this candidate: applications and CVs move (If-Match)"});
  personal({"POST", one + "/erase", hrRunners(), bind(&CandidateRoutes::erase),
            "Erase a candidate's personal data and CVs, with a reason"});
  personal({"GET", one + "/cvs", anyEmployee(), bind(&CandidateRoutes::cvs),
            "The CV files of a candidate (metadata)"});
  Route upload{"POST", one + "/cvs", hrRunners(), bind(&CandidateRoutes::upload),
               "Upload a CV: the file as the body, its type as Content-Type, ?fileName=; PDF, "
               "Word, OpenDocument text, RTF or plain text up to recruiting.cv.maxBytes"};
  upload.maxBodyBytes = cvMaxBytes;
  personal(upload);
  personal({"GET", one + "/cvs/{cvId}", anyEmployee(), bind(&CandidateRoutes::download),
            "Download a CV (those who may see the candidate)"});
  personal({"DELETE", one + "/cvs/{cvId}", hrRunners(), bind(&CandidateRoutes::removeCv),
            "Delete a CV"});
}

}  // namespace cadre::recruiting
