#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "candidates.hpp"
#include "pipeline.hpp"
#include "recruiting_database.hpp"
#include "requisitions.hpp"

namespace cadre::recruiting::test {

/// A database on one engine with a company and its sales team (whose head, "lead", is the
/// hiring manager of the team's requisitions), another team's head ("other") and a rep of the
/// team ("rep", an interviewer when the test makes them one); and the domain as any of them.
class PipelineFixture : public ::testing::TestWithParam<std::string> {
 protected:
  PipelineFixture() : db_(GetParam()) {
    company_ = db_.headedUnit("ACME");
    team_ = db_.headedUnit("SALES", company_.unitId);
    otherTeam_ = db_.headedUnit("SERVICE", company_.unitId);
    repId_ = db_.employee("REP-1", team_.unitId);
  }

  Caller hr() const { return {"hr", Role::Hr, true, std::nullopt}; }
  Caller lead() const { return {"lead", Role::Manager, false, team_.headEmployeeId}; }
  Caller other() const { return {"other", Role::Manager, false, otherTeam_.headEmployeeId}; }
  Caller rep() const { return {"rep", Role::Employee, false, repId_}; }

  /// Runs `work` on the candidates of `caller` in one transaction.
  template <typename Work>
  auto candidates(const Caller& caller, Work work) {
    return db_.inTx([&](Transaction& tx) {
      Candidates domain(tx, db_.org(), db_.trail(), caller);
      return work(domain);
    });
  }

  /// Runs `work` on the pipeline of `caller` in one transaction.
  template <typename Work>
  auto pipeline(const Caller& caller, Work work) {
    return db_.inTx([&](Transaction& tx) {
      Pipeline domain(tx, db_.trail(), caller);
      return work(domain);
    });
  }

  /// The HttpError `work` throws (fails the test when none).
  template <typename Work>
  static HttpError refusal(Work work) {
    try {
      work();
    } catch (const HttpError& error) {
      return error;
    }
    ADD_FAILURE() << "expected an HttpError";
    return HttpError(0, "", "");
  }

  /// A requisition of the team that HR alone approves, open after its one approval; or still a
  /// draft with `open` false.
  std::int64_t requisition(bool open = true) {
    return db_.inTx([&](Transaction& tx) {
      Requisitions requisitions(tx, db_.org(), db_.trail(), hr());
      RequisitionDraft d;
      d.title = "Account executive";
      d.orgUnitId = team_.unitId;
      d.newPositionTitle = "Account executive";
      d.salaryMin = 50000;
      d.salaryMax = 65000;
      d.currency = "EUR";
      d.wantedStartDate = "2030-03-01";
      d.criteria = {{0, "Negotiation", "", 1.0}};
      d.approvers = {{"hr", std::nullopt}};
      auto id = requisitions.create(d).id;
      if (open) {
        requisitions.submit(id, std::nullopt);
        requisitions.approve(id, std::nullopt);
      }
      return id;
    });
  }

  /// A candidate from a job board.
  Candidate candidate(const std::string& given, const std::string& family,
                      std::optional<std::string> email = std::nullopt,
                      std::optional<std::string> phone = std::nullopt,
                      const std::string& retentionUntil = "2031-12-31") {
    NewCandidate input;
    input.profile.givenName = given;
    input.profile.familyName = family;
    input.profile.email = std::move(email);
    input.profile.phone = std::move(phone);
    input.profile.source = "job_board";
    input.profile.retentionUntil = retentionUntil;
    return candidates(hr(), [&](Candidates& c) { return c.create(input); });
  }

  Application apply(std::int64_t candidateId, std::int64_t requisitionId) {
    return pipeline(hr(),
                    [&](Pipeline& p) { return p.apply(candidateId, requisitionId, std::nullopt); });
  }

  /// Moves an application as HR to a stage code, with a reason.
  Application move(std::int64_t applicationId, const std::string& code,
                   std::optional<std::string> reason = std::nullopt) {
    return pipeline(hr(), [&](Pipeline& p) {
      return p.move(applicationId, p.require(applicationId).version, {std::nullopt, code}, reason);
    });
  }

  /// Makes `employeeId` an interviewer of the application (the interview's own rules are
  /// another area's; here it only has to exist).
  void interview(std::int64_t applicationId, std::int64_t employeeId) {
    db_.inTx([&](Transaction& tx) {
      auto id = tx.insert(
          "INSERT INTO recruiting_interviews (application_id, starts_at, ends_at, state, "
          "ics_uid, created_at, created_by, version) VALUES (?, '2030-01-10T09:00:00Z', "
          "'2030-01-10T10:00:00Z', 'scheduled', ?, '2030-01-01T00:00:00Z', 'hr', 1)",
          {applicationId, "interview-" + std::to_string(applicationId) + "@test"});
      tx.execute("INSERT INTO recruiting_interviewers (interview_id, employee_id) VALUES (?, ?)",
                 {id, employeeId});
    });
  }

  /// The recruiting.* topics published so far, in order.
  std::vector<std::string> topics() const {
    std::vector<std::string> out;
    for (const auto& e : db_.events) {
      if (e.rfind("recruiting.", 0) == 0) out.push_back(e.substr(0, e.find(' ')));
    }
    return out;
  }

  RecruitingDatabase db_;
  HeadedUnit company_;
  HeadedUnit team_;
  HeadedUnit otherTeam_;
  std::int64_t repId_ = 0;
};

}  // namespace cadre::recruiting::test
