#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "application_access.hpp"
#include "change_log.hpp"
#include "offer.hpp"

namespace cadre::recruiting {

/// The rules of offers: one offer in play per application, made while the application is in
/// the pipeline and its requisition open, in the requisition's currency. An offer outside the
/// requisition's salary band waits for approval by someone other than its author before it
/// can be extended; changing its terms asks again. An extended offer is accepted or declined
/// by its last day, and expires after it (expire(), run by the daily job). Every change goes
/// to the change log (recruiting.offer.created, .changed, .approved, .approval-rejected,
/// .extended, .accepted, .declined, .withdrawn, .expired). Throws HttpError (409 another
/// offer in play, 422 a rule); rollback is the caller's.
class Offers {
 public:
  Offers(Transaction& tx, ChangeLog& log, std::string actor)
      : tx_(tx), log_(log), actor_(std::move(actor)) {}

  Offer make(const ApplicationFacts& application, const OfferTerms& terms);
  /// New terms for a draft or an offer waiting for approval.
  Offer revise(const Offer& before, const OfferTerms& terms);
  Offer approve(const Offer& before, const std::optional<std::string>& comment);
  Offer rejectApproval(const Offer& before, const std::string& comment);
  Offer extend(const ApplicationFacts& application, const Offer& before);
  Offer accept(const Offer& before);
  Offer decline(const Offer& before);
  Offer withdraw(const Offer& before);
  /// Expires every extended offer whose last day lies before `today`; returns how many.
  std::int64_t expire(const std::string& today);

 private:
  void checkTerms(std::int64_t applicationId, const OfferTerms& terms, Offer& offer);
  void requireState(const Offer& offer, std::initializer_list<const char*> states,
                    const std::string& what);
  void requireOtherThanAuthor(const Offer& offer);
  Offer save(const Offer& before, const Offer& after, const std::string& what);
  Transaction& tx_;
  ChangeLog& log_;
  std::string actor_;
};

}  // namespace cadre::recruiting
