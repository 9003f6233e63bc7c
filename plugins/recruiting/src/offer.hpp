#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace cadre::recruiting {

/// What HR offers a candidate.
struct OfferTerms {
  double salary = 0;
  /// The requisition's currency (an offer in another one cannot be held against the band).
  std::string currency;
  std::string startDate;
  std::string terms;
  /// The last day the candidate can accept.
  std::string expiresOn;
};

/// An offer as stored. States: draft → (pending_approval when outside the band → draft once
/// approved) → extended → accepted, declined or expired; withdrawn by HR before a decision.
struct Offer : OfferTerms {
  std::int64_t id = 0;
  std::int64_t applicationId = 0;
  std::string state = "draft";
  bool outsideBand = false;
  /// pending, approved or rejected for an offer outside the band; unset inside it.
  std::optional<std::string> approvalState;
  std::optional<std::string> approvedBy;
  std::optional<std::string> approvedAt;
  std::optional<std::string> approvalComment;
  std::optional<std::string> extendedAt;
  std::optional<std::string> decidedAt;
  std::optional<std::int64_t> hiredEmployeeId;
  std::string createdAt;
  std::string createdBy;
  std::int64_t version = 0;
};

/// A requisition's salary band.
struct SalaryBand {
  double minimum = 0;
  double maximum = 0;
  std::string currency;
};

/// Filters of an offer list; unset ones do not filter.
struct OfferFilter {
  std::optional<std::int64_t> applicationId;
  std::optional<std::int64_t> requisitionId;
  std::optional<std::string> state;
  /// Only offers of requisitions this employee is hiring manager of (a non-HR view).
  std::optional<std::int64_t> hiringManagerId;
  std::int64_t afterId = 0;
  std::int64_t limit = 50;
};

}  // namespace cadre::recruiting
