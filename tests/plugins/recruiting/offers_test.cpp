#include "offers.hpp"

#include <gtest/gtest.h>

#include "hiring_database.hpp"
#include "offer_store.hpp"

namespace cadre::recruiting::test {
namespace {

class OffersTest : public HiringDatabaseTest {
 protected:
  OffersTest() {
    requisitionId_ = requisition(seed());
    applicationId_ = applicant(requisitionId_, "Ada", "ada@example.com");
    application_ = facts(applicationId_);
  }

  HttpError refused(const std::string& actor, const std::function<void(Offers&)>& work) {
    return refusal([&](Transaction& tx) {
      ChangeLog log(tx, data_.trail());
      Offers offers(tx, log, actor);
      work(offers);
    });
  }

  std::int64_t requisitionId_ = 0;
  std::int64_t applicationId_ = 0;
  ApplicationFacts application_;
};

TEST_P(OffersTest, AnOfferOutsideTheBandWaitsForApprovalBySomeoneElse) {
  auto made = offers("hr1", [&](Offers& o) { return o.make(application_, terms(80000)); });
  EXPECT_EQ(made.state, "pending_approval");
  EXPECT_TRUE(made.outsideBand);
  EXPECT_EQ(made.approvalState, std::optional<std::string>("pending"));

  auto early = refused("hr1", [&](Offers& o) { o.extend(application_, made); });
  EXPECT_EQ(std::string(early.detail()),
            "offer " + std::to_string(made.id) + " is pending_approval and cannot be extended");
  auto own = refused("hr1", [&](Offers& o) { o.approve(made, std::nullopt); });
  EXPECT_EQ(own.status(), 422);
  EXPECT_EQ(std::string(own.detail()),
            "hr1 made offer " + std::to_string(made.id) + " and cannot decide on its approval");

  auto rejected = offers("hr2", [&](Offers& o) { return o.rejectApproval(made, "too high"); });
  EXPECT_EQ(rejected.state, "draft");
  EXPECT_EQ(rejected.approvalState, std::optional<std::string>("rejected"));
  EXPECT_EQ(rejected.approvedBy, std::optional<std::string>("hr2"));
  auto blocked = refused("hr1", [&](Offers& o) { o.extend(application_, rejected); });
  EXPECT_EQ(std::string(blocked.detail()),
            "offer " + std::to_string(made.id) +
                " pays 80000 EUR, outside the band 50000 to 70000, and is not approved (rejected)");

  // New terms outside the band ask again; back inside it they need no approval.
  auto asked = offers("hr1", [&](Offers& o) { return o.revise(rejected, terms(75000)); });
  EXPECT_EQ(asked.state, "pending_approval");
  EXPECT_EQ(asked.approvalState, std::optional<std::string>("pending"));
  EXPECT_EQ(asked.approvedBy, std::nullopt);
  auto approved = offers("hr2", [&](Offers& o) { return o.approve(asked, "exceptional"); });
  EXPECT_EQ(approved.state, "draft");
  EXPECT_EQ(approved.approvalState, std::optional<std::string>("approved"));
  EXPECT_EQ(approved.approvalComment, std::optional<std::string>("exceptional"));
  auto extended = offers("hr1", [&](Offers& o) { return o.extend(application_, approved); });
  EXPECT_EQ(extended.state, "extended");
  auto accepted = offers("hr1", [&](Offers& o) { return o.accept(extended); });
  EXPECT_EQ(accepted.state, "accepted");
  EXPECT_EQ(accepted.version, 6);

  auto inBand = offers("hr1", [&](Offers& o) { return o.withdraw(accepted); });
  EXPECT_EQ(inBand.state, "withdrawn");
  auto second = offers("hr1", [&](Offers& o) { return o.make(application_, terms(65000)); });
  EXPECT_EQ(second.state, "draft");
  EXPECT_FALSE(second.outsideBand);
  EXPECT_EQ(second.approvalState, std::nullopt);
  const auto& audit = data_.audit();
  EXPECT_EQ(
      std::vector<std::string>(audit.end() - 3, audit.end()),
      (std::vector<std::string>{"recruiting.offer.accepted offer " + std::to_string(made.id),
                                "recruiting.offer.withdrawn offer " + std::to_string(made.id),
                                "recruiting.offer.created offer " + std::to_string(second.id)}));
}

TEST_P(OffersTest, OneOfferInPlayInTheRequisitionsCurrency) {
  auto other = terms();
  other.currency = "USD";
  auto currency = refused("hr1", [&](Offers& o) { o.make(application_, other); });
  EXPECT_EQ(currency.status(), 422);
  EXPECT_EQ(std::string(currency.detail()),
            "the offer is in USD but the requisition's salary band is in EUR");
  ASSERT_EQ(currency.fields().size(), 1u);
  EXPECT_EQ(currency.fields()[0].field, "currency");

  auto made = offers("hr1", [&](Offers& o) { return o.make(application_, terms()); });
  auto twice = refused("hr1", [&](Offers& o) { o.make(application_, terms()); });
  EXPECT_EQ(twice.status(), 409);
  EXPECT_EQ(std::string(twice.detail()), "application " + std::to_string(applicationId_) +
                                             " already has offer " + std::to_string(made.id) +
                                             " (draft)");
  auto expired = terms();
  expired.expiresOn = "2020-01-01";
  auto past = refused("hr1", [&](Offers& o) { o.revise(made, expired); });
  EXPECT_EQ(std::string(past.detail()), "the offer would expire on 2020-01-01, before today");
}

TEST_P(OffersTest, TheJobExpiresExtendedOffersPastTheirLastDayOnly) {
  auto second = applicant(requisitionId_, "Grace", "grace@example.com");
  auto secondFacts = facts(second);
  auto draft = offers("hr1", [&](Offers& o) { return o.make(secondFacts, terms()); });
  auto made = offers("hr1", [&](Offers& o) { return o.make(application_, terms()); });
  auto extended = offers("hr1", [&](Offers& o) { return o.extend(application_, made); });

  EXPECT_EQ(inTx([&](Transaction& tx) {
              ChangeLog log(tx, data_.trail());
              return Offers(tx, log, "recruiting.offer-expiry").expire("2099-12-31");
            }),
            0);
  EXPECT_EQ(inTx([&](Transaction& tx) {
              ChangeLog log(tx, data_.trail());
              return Offers(tx, log, "recruiting.offer-expiry").expire("2100-01-01");
            }),
            1);

  auto after = inTx([&](Transaction& tx) { return *OfferStore(tx).find(extended.id); });
  EXPECT_EQ(after.state, "expired");
  EXPECT_TRUE(after.decidedAt.has_value());
  EXPECT_EQ(inTx([&](Transaction& tx) { return OfferStore(tx).find(draft.id)->state; }), "draft");
  EXPECT_EQ(data_.audit().back(), "recruiting.offer.expired offer " + std::to_string(made.id));
  auto late = refused("hr1", [&](Offers& o) { o.accept(after); });
  EXPECT_EQ(std::string(late.detail()),
            "offer " + std::to_string(made.id) + " is expired and cannot be accepted");
}

RECRUITING_ON_EVERY_ENGINE(OffersTest);

}  // namespace
}  // namespace cadre::recruiting::test
