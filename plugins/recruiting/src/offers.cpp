#include "offers.hpp"

#include <sstream>

#include "cadre/dates.hpp"
#include "cadre/http.hpp"
#include "offer_json.hpp"
#include "offer_store.hpp"

namespace cadre::recruiting {

namespace {

std::string amount(double value) {
  std::ostringstream out;
  out.precision(15);
  out << value;
  return out.str();
}

std::string offerName(const Offer& offer) {
  return "offer " + std::to_string(offer.id);
}

}  // namespace

void Offers::checkTerms(std::int64_t applicationId, const OfferTerms& terms, Offer& offer) {
  auto band = OfferStore(tx_).bandOf(applicationId);
  if (terms.currency != band.currency) {
    throw HttpError::unprocessable(
        "the offer is in " + terms.currency + " but the requisition's salary band is in " +
            band.currency,
        {{"currency", "not the requisition's currency " + band.currency}});
  }
  if (terms.expiresOn < today()) {
    throw HttpError::unprocessable(
        "the offer would expire on " + terms.expiresOn + ", before today",
        {{"expiresOn", "in the past"}});
  }
  static_cast<OfferTerms&>(offer) = terms;
  offer.outsideBand = terms.salary < band.minimum || terms.salary > band.maximum;
  // Terms outside the band wait for an approval again whenever they change.
  offer.state = offer.outsideBand ? "pending_approval" : "draft";
  offer.approvalState = offer.outsideBand ? std::optional<std::string>("pending") : std::nullopt;
  offer.approvedBy.reset();
  offer.approvedAt.reset();
  offer.approvalComment.reset();
}

void Offers::requireState(const Offer& offer, std::initializer_list<const char*> states,
                          const std::string& what) {
  for (const char* state : states) {
    if (offer.state == state) return;
  }
  throw HttpError::unprocessable(offerName(offer) + " is " + offer.state + " and cannot be " +
                                 what);
}

void Offers::requireOtherThanAuthor(const Offer& offer) {
  if (offer.createdBy == actor_) {
    throw HttpError::unprocessable(actor_ + " made " + offerName(offer) +
                                   " and cannot decide on its approval");
  }
}

Offer Offers::save(const Offer& before, const Offer& after, const std::string& what) {
  OfferStore store(tx_);
  store.update(after);
  auto stored = *store.find(before.id);
  log_.record("offer", what, stored.id, offerJson(before), offerJson(stored));
  return stored;
}

Offer Offers::make(const ApplicationFacts& application, const OfferTerms& terms) {
  requireActive(application);
  if (application.requisitionState != "open") {
    throw HttpError::unprocessable("requisition " + std::to_string(application.requisitionId) +
                                   " is " + application.requisitionState + ", not open");
  }
  OfferStore store(tx_);
  if (auto live = store.liveOf(application.id)) {
    throw HttpError::conflict("application " + std::to_string(application.id) + " already has " +
                              offerName(*live) + " (" + live->state + ")");
  }
  Offer offer;
  offer.applicationId = application.id;
  checkTerms(application.id, terms, offer);
  offer.createdAt = nowTimestamp();
  offer.createdBy = actor_;
  auto stored = *store.find(store.insert(offer));
  log_.record("offer", "created", stored.id, nullptr, offerJson(stored));
  return stored;
}

Offer Offers::revise(const Offer& before, const OfferTerms& terms) {
  requireState(before, {"draft", "pending_approval"}, "changed");
  Offer after = before;
  checkTerms(before.applicationId, terms, after);
  return save(before, after, "changed");
}

Offer Offers::approve(const Offer& before, const std::optional<std::string>& comment) {
  requireState(before, {"pending_approval"}, "approved");
  requireOtherThanAuthor(before);
  Offer after = before;
  after.state = "draft";
  after.approvalState = "approved";
  after.approvedBy = actor_;
  after.approvedAt = nowTimestamp();
  after.approvalComment = comment;
  return save(before, after, "approved");
}

Offer Offers::rejectApproval(const Offer& before, const std::string& comment) {
  requireState(before, {"pending_approval"}, "rejected");
  requireOtherThanAuthor(before);
  Offer after = before;
  after.state = "draft";
  after.approvalState = "rejected";
  after.approvedBy = actor_;
  after.approvedAt = nowTimestamp();
  after.approvalComment = comment;
  return save(before, after, "approval-rejected");
}

Offer Offers::extend(const ApplicationFacts& application, const Offer& before) {
  requireState(before, {"draft"}, "extended");
  requireActive(application);
  if (before.outsideBand && before.approvalState != std::optional<std::string>("approved")) {
    auto band = OfferStore(tx_).bandOf(before.applicationId);
    throw HttpError::unprocessable(offerName(before) + " pays " + amount(before.salary) + " " +
                                   before.currency + ", outside the band " + amount(band.minimum) +
                                   " to " + amount(band.maximum) + ", and is not approved (" +
                                   before.approvalState.value_or("none") + ")");
  }
  if (before.expiresOn < today()) {
    throw HttpError::unprocessable(
        offerName(before) + " would expire on " + before.expiresOn + ", before today",
        {{"expiresOn", "in the past"}});
  }
  Offer after = before;
  after.state = "extended";
  after.extendedAt = nowTimestamp();
  return save(before, after, "extended");
}

Offer Offers::accept(const Offer& before) {
  requireState(before, {"extended"}, "accepted");
  if (before.expiresOn < today()) {
    throw HttpError::unprocessable(offerName(before) + " expired after " + before.expiresOn);
  }
  Offer after = before;
  after.state = "accepted";
  after.decidedAt = nowTimestamp();
  return save(before, after, "accepted");
}

Offer Offers::decline(const Offer& before) {
  requireState(before, {"extended"}, "declined");
  Offer after = before;
  after.state = "declined";
  after.decidedAt = nowTimestamp();
  return save(before, after, "declined");
}

Offer Offers::withdraw(const Offer& before) {
  if (before.hiredEmployeeId) {
    throw HttpError::unprocessable(offerName(before) + " led to the hire of employee " +
                                   std::to_string(*before.hiredEmployeeId));
  }
  requireState(before, {"draft", "pending_approval", "extended", "accepted"}, "withdrawn");
  Offer after = before;
  after.state = "withdrawn";
  after.decidedAt = nowTimestamp();
  return save(before, after, "withdrawn");
}

std::int64_t Offers::expire(const std::string& day) {
  std::int64_t expired = 0;
  for (const auto& before : OfferStore(tx_).expiredBy(day)) {
    Offer after = before;
    after.state = "expired";
    after.decidedAt = nowTimestamp();
    save(before, after, "expired");
    ++expired;
  }
  return expired;
}

}  // namespace cadre::recruiting
