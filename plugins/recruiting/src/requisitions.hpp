#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/audit_trail.hpp"
#include "cadre/territory/org_directory.hpp"
#include "requisition.hpp"
#include "requisition_store.hpp"
#include "route_support.hpp"

namespace cadre::recruiting {

/// Changes to a draft requisition; unset members keep their value (an inner nullopt clears).
struct RequisitionEdit {
  std::optional<std::string> title;
  std::optional<std::int64_t> orgUnitId;
  std::optional<std::optional<std::int64_t>> positionId;
  std::optional<std::optional<std::string>> newPositionTitle;
  std::optional<std::optional<std::int64_t>> territoryId;
  std::optional<std::int64_t> hiringManagerId;
  std::optional<std::int64_t> openings;
  std::optional<std::string> employmentType;
  std::optional<double> salaryMin;
  std::optional<double> salaryMax;
  std::optional<std::string> currency;
  std::optional<std::string> wantedStartDate;
  std::optional<std::string> description;
  std::optional<std::vector<Criterion>> criteria;
  std::optional<std::vector<ApproverSpec>> approvers;
};

/// A requisition against its org unit's headcount plan on its wanted start date.
struct HeadcountCheck {
  /// The plan's room; std::nullopt when no plan of the unit covers the date (nothing to exceed).
  std::optional<territory::HeadcountRoom> room;
  /// Openings still to fill in the unit's other live requisitions.
  std::int64_t committed = 0;
  /// Openings this requisition still has to fill.
  std::int64_t requested = 0;
  bool beyondPlan = false;
};

/// The rules of requisitions: drafts are validated against the org (every bad field named),
/// changed only as drafts (what was approved stays what was approved), submitted into an
/// approval round (beyond the headcount plan only with a recorded HR override), approved step
/// by step by each step's approver only, rejected back to draft, held, reopened, cancelled and
/// filled by hires. States move only along draft → pending_approval → open ⇄ on_hold → filled,
/// back to draft on rejection, and to cancelled from any live state. Each change is audited and
/// published (recruiting.requisition.*) in the caller's transaction. Throws cadre::HttpError
/// (403, 404, 409, 422) and leaves rollback to the caller.
class Requisitions {
 public:
  Requisitions(Transaction& tx, territory::OrgDirectory& org, AuditTrail trail, Caller caller);

  Requisition require(std::int64_t id);
  Requisition create(const RequisitionDraft& draft);
  Requisition edit(std::int64_t id, const RequisitionEdit& edit);
  /// Starts an approval round. `overrideReason` is HR's reason to exceed the headcount plan.
  Requisition submit(std::int64_t id, const std::optional<std::string>& overrideReason);
  Requisition approve(std::int64_t id, const std::optional<std::string>& comment);
  Requisition reject(std::int64_t id, const std::string& comment);
  Requisition hold(std::int64_t id, const std::string& reason);
  Requisition reopen(std::int64_t id);
  Requisition cancel(std::int64_t id, const std::string& reason);
  /// One opening filled by a hire, in the hire's transaction: the last one fills the
  /// requisition and measures its time to fill (days from opening).
  Requisition recordHire(std::int64_t id);
  HeadcountCheck headcount(const Requisition& requisition);
  /// Whether the caller may read the requisition: HR, its hiring manager, or one of its
  /// approvers in any round.
  bool visible(const Requisition& requisition);

 private:
  void validate(RequisitionDraft& draft);
  void moveTo(Requisition& requisition, const std::string& to);
  Requisition save(const Requisition& before, const Requisition& after, const std::string& what);
  ApprovalStep waitingStep(const Requisition& requisition);

  Transaction& tx_;
  territory::OrgDirectory& org_;
  RequisitionStore store_;
  AuditTrail trail_;
  Caller caller_;
};

}  // namespace cadre::recruiting
