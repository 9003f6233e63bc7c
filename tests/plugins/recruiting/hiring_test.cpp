#include "hiring.hpp"

#include <gtest/gtest.h>

#include "cadre/dates.hpp"
#include "hiring_database.hpp"
#include "offer_store.hpp"
#include "table_content.hpp"

namespace cadre::recruiting::test {
namespace {

class HiringTest : public HiringDatabaseTest {
 protected:
  static Caller hr() {
    Caller caller;
    caller.username = "hr1";
    caller.role = Role::Hr;
    caller.hr = true;
    return caller;
  }

  Hire hire(std::int64_t applicationId, const HireDetails& details = {}) {
    return inTx([&](Transaction& tx) {
      return Hiring(tx, data_.org(), data_.trail(), hr())
          .hire(*findApplication(tx, applicationId), details);
    });
  }

  HttpError failedHire(std::int64_t applicationId, const HireDetails& details = {}) {
    return refusal([&](Transaction& tx) {
      Hiring(tx, data_.org(), data_.trail(), hr())
          .hire(*findApplication(tx, applicationId), details);
    });
  }

  std::string content() {
    return data_.db().inTransaction(
        [](Transaction& tx) {
          return tableContent(tx, {"territory_", "recruiting_"});
        },
        TxMode::Read);
  }

  std::string requisitionState(std::int64_t id) {
    return inTx([&](Transaction& tx) {
      auto row = tx.queryOne(
          "SELECT filled, state, COALESCE(filled_at, '-'), COALESCE(time_to_fill_days, -1), "
          "version FROM recruiting_requisitions WHERE id = ?",
          {id});
      return row->getString(0) + " " + row->getString(1) + " " +
             (row->getString(2) == "-" ? "-" : "at") + " " + row->getString(3) + " v" +
             row->getString(4);
    });
  }
};

TEST_P(HiringTest, HireMakesTheEmployeeInThePositionUnderTheManagerInTheTerritory) {
  auto seed = this->seed();
  seed.openings = 2;
  auto requisitionId = requisition(seed);
  auto applicationId = applicant(requisitionId, "Ada", "ada@example.com");
  auto offer = acceptedOffer(applicationId);

  auto made = hire(applicationId);

  inTx([&](Transaction& tx) {
    auto employee = *data_.org().findEmployee(tx, made.employeeId, "2026-03-02");
    EXPECT_EQ(employee.employeeNumber, "REC-" + std::to_string(applicationId));
    EXPECT_EQ(employee.givenName + " " + employee.familyName, "Ada Lovelace");
    EXPECT_EQ(employee.email, "ada@example.com");
    EXPECT_EQ(employee.phone, "+49 30 1234");
    EXPECT_EQ(employee.hireDate, "2026-03-02");
    EXPECT_EQ(employee.status, "active");
    EXPECT_EQ(employee.positionId, std::optional<std::int64_t>(positionId_));
    EXPECT_EQ(employee.orgUnitId, std::optional<std::int64_t>(unitId_));
    EXPECT_EQ(employee.managerId, std::optional<std::int64_t>(managerId_));
    EXPECT_EQ(employee.employmentType, "full_time");
    auto seats = data_.org().territoriesOf(tx, made.employeeId, "2026-03-02");
    EXPECT_EQ(seats.size(), 1u);
    EXPECT_EQ(seats.at(0).territoryId, territoryId_);
    EXPECT_EQ(seats.at(0).role, "rep");
    EXPECT_EQ(seats.at(0).splitPercent, 100.0);
    EXPECT_EQ(data_.org().findPosition(tx, positionId_, "2026-03-02")->state, "filled");
    auto application = tx.queryOne(
        "SELECT s.code, a.hired_employee_id, a.version FROM recruiting_applications a "
        "JOIN recruiting_requisition_stages s ON s.id = a.stage_id WHERE a.id = ?",
        {applicationId});
    EXPECT_EQ(application->getString(0), "hired");
    EXPECT_EQ(application->getInt(1), made.employeeId);
    EXPECT_EQ(application->getInt(2), 2);
    auto move = tx.queryOne(
        "SELECT f.code, t.code, m.moved_by, m.reason FROM recruiting_stage_moves m "
        "JOIN recruiting_requisition_stages f ON f.id = m.from_stage_id "
        "JOIN recruiting_requisition_stages t ON t.id = m.to_stage_id WHERE m.application_id = ?",
        {applicationId});
    EXPECT_EQ(move->getString(0) + ">" + move->getString(1) + " " + move->getString(2) + " " +
                  move->getString(3),
              "interview>hired hr1 hired");
    return 0;
  });
  EXPECT_EQ(requisitionState(requisitionId), "1 open - -1 v2");
  EXPECT_EQ(made.requisitionFilled, 1);
  EXPECT_EQ(made.requisitionState, "open");
  EXPECT_EQ(inTx([&](Transaction& tx) { return *OfferStore(tx).find(offer.id); }).hiredEmployeeId,
            std::optional<std::int64_t>(made.employeeId));

  auto id = [](std::int64_t value) { return std::to_string(value); };
  EXPECT_EQ(data_.events.back(),
            "recruiting.hire.completed {\"applicationId\":" + id(applicationId) +
                ",\"employeeId\":" + id(made.employeeId) +
                ",\"requisitionId\":" + id(requisitionId) +
                ",\"startDate\":\"2026-03-02\",\"positionId\":" + id(positionId_) +
                ",\"orgUnitId\":" + id(unitId_) + ",\"managerEmployeeId\":" + id(managerId_) +
                ",\"territoryId\":" + id(territoryId_) +
                ",\"candidateId\":" + id(made.candidateId) + ",\"offerId\":" + id(offer.id) + "}");
  const auto& audit = data_.audit();
  std::vector<std::string> last(audit.end() - 5, audit.end());
  EXPECT_EQ(last, (std::vector<std::string>{
                      "recruiting.requisition.hire-recorded requisition " + id(requisitionId),
                      "territory.employee.hire employee " + id(made.employeeId),
                      "recruiting.offer.hired offer " + id(offer.id),
                      "recruiting.application.hired application " + id(applicationId),
                      "recruiting.hire.completed hire " + id(applicationId)}));
}

TEST_P(HiringTest, ARequisitionForANewPositionOpensOneForEachHireAndIsFilledByTheLast) {
  auto seed = this->seed();
  seed.positionId.reset();
  seed.newPositionTitle = "Inside Sales Rep";
  seed.territoryId.reset();
  seed.openings = 2;
  auto requisitionId = requisition(seed);
  auto first = applicant(requisitionId, "Ada", "ada@example.com");
  auto second = applicant(requisitionId, "Grace", "grace@example.com");
  acceptedOffer(first);
  acceptedOffer(second, 65000);

  auto one = hire(first, {});
  HireDetails details;
  details.employeeNumber = "E-2001";
  details.managerEmployeeId = one.employeeId;
  details.employmentType = "part_time";
  auto two = hire(second, details);

  EXPECT_NE(one.positionId, two.positionId);
  EXPECT_NE(one.positionId, positionId_);
  inTx([&](Transaction& tx) {
    auto position = *data_.org().findPosition(tx, two.positionId, "2026-03-02");
    EXPECT_EQ(position.title, "Inside Sales Rep");
    EXPECT_EQ(position.orgUnitId, unitId_);
    EXPECT_EQ(position.holderId, std::optional<std::int64_t>(two.employeeId));
    auto employee = *data_.org().findEmployee(tx, two.employeeId, "2026-03-02");
    EXPECT_EQ(employee.employeeNumber, "E-2001");
    EXPECT_EQ(employee.managerId, std::optional<std::int64_t>(one.employeeId));
    EXPECT_EQ(employee.employmentType, "part_time");
    EXPECT_TRUE(data_.org().territoriesOf(tx, two.employeeId, "2026-03-02").empty());
    return 0;
  });
  EXPECT_EQ(two.requisitionState, "filled");
  auto days = std::to_string(daysBetween("2026-01-05", today()));
  EXPECT_EQ(requisitionState(requisitionId), "2 filled at " + days + " v3");
  EXPECT_EQ(data_.audit()[data_.audit().size() - 6],
            "recruiting.requisition.filled requisition " + std::to_string(requisitionId));

  // Nothing is left to hire for.
  auto third = applicant(requisitionId, "Edsger", "edsger@example.com");
  auto refused = failedHire(third);
  EXPECT_EQ(refused.status(), 422);
  EXPECT_EQ(std::string(refused.detail()),
            "application " + std::to_string(third) + " has no accepted offer");
}

/// How a hire is made to fail halfway.
enum class Failure { PositionFilled, SplitOver100, OnboardingThrows };

class FailedHireTest : public HiringTest {};

TEST_P(FailedHireTest, AHireThatFailsHalfwayLeavesNothingBehind) {
  auto requisitionId = requisition(seed());
  auto applicationId = applicant(requisitionId, "Ada", "ada@example.com");
  acceptedOffer(applicationId);
  HireDetails details;

  // Each failure strikes after the requisition has counted the hire; the last after the
  // employee, the seat, the application's stage and the offer are all written.
  for (auto failure : {Failure::PositionFilled, Failure::SplitOver100, Failure::OnboardingThrows}) {
    SCOPED_TRACE(static_cast<int>(failure));
    std::string expected;
    if (failure == Failure::PositionFilled) {
      employee("HOLDER", std::nullopt, positionId_);
      expected = "position " + std::to_string(positionId_) + " is filled by";
    } else if (failure == Failure::SplitOver100) {
      // The position is free again: its holder moves on to a new one.
      inTx([&](Transaction& tx) {
        auto holder = data_.org().findByEmployeeNumber(tx, "HOLDER")->id;
        territory::Placement elsewhere{std::nullopt, unitId_,      std::nullopt,
                                       "",           "2020-01-02", "transfer"};
        return data_.org().transfer(tx, holder, elsewhere, "tester").id;
      });
      employee("SEATED", territory::TerritorySeat{territoryId_, "owner", 60});
      details.splitPercent = 50;
      expected =
          "the owner and rep splits of territory T1 would add up to 110 percent on 2026-03-02; "
          "at most 100 are allowed";
    } else {
      details.splitPercent = 40;
      dynamic_cast<db::SqlDatabase&>(data_.db())
          .setEventDispatch([](Transaction&, const std::string& topic, const std::string&) {
            if (topic == kHireCompleted) {
              throw HttpError::unprocessable("no onboarding template fits");
            }
          });
      expected = "no onboarding template fits";
    }
    auto before = content();
    ASSERT_NE(before.find("# recruiting_requisitions 1\n"), std::string::npos) << before;

    auto refused = failedHire(applicationId, details);

    EXPECT_EQ(refused.status(), 422);
    EXPECT_EQ(std::string(refused.detail()).substr(0, expected.size()), expected);
    EXPECT_EQ(content(), before);
  }
  EXPECT_EQ(requisitionState(requisitionId), "0 open - -1 v1");
}

TEST_P(HiringTest, HireNeedsAnAcceptedOfferAnOpenRequisitionAndAnEmail) {
  auto requisitionId = requisition(seed());
  auto applicationId = applicant(requisitionId, "Ada", "");
  auto application = facts(applicationId);
  auto offer = offers("hr1", [&](Offers& o) { return o.make(application, terms()); });
  auto early = failedHire(applicationId);
  EXPECT_EQ(std::string(early.detail()), "application " + std::to_string(applicationId) +
                                             " has no accepted offer (offer " +
                                             std::to_string(offer.id) + " is draft)");
  auto extended = offers("hr1", [&](Offers& o) { return o.extend(application, offer); });
  offers("hr1", [&](Offers& o) { return o.accept(extended); });

  auto noEmail = failedHire(applicationId);
  EXPECT_EQ(noEmail.status(), 422);
  ASSERT_EQ(noEmail.fields().size(), 1u);
  EXPECT_EQ(noEmail.fields()[0].field, "email");

  inTx([&](Transaction& tx) {
    return tx.execute("UPDATE recruiting_requisitions SET state = 'on_hold' WHERE id = ?",
                      {requisitionId});
  });
  HireDetails details;
  details.email = "ada@example.org";
  auto onHold = failedHire(applicationId, details);
  EXPECT_EQ(std::string(onHold.detail()),
            "requisition " + std::to_string(requisitionId) +
                " is on_hold; only an open requisition is filled by a hire");

  inTx([&](Transaction& tx) {
    return tx.execute("UPDATE recruiting_requisitions SET state = 'open' WHERE id = ?",
                      {requisitionId});
  });
  auto made = hire(applicationId, details);
  auto again = failedHire(applicationId, details);
  EXPECT_EQ(std::string(again.detail()), "application " + std::to_string(applicationId) +
                                             " is hired and no longer in the pipeline");
  EXPECT_GT(made.employeeId, 0);
}

RECRUITING_ON_EVERY_ENGINE(HiringTest);
RECRUITING_ON_EVERY_ENGINE(FailedHireTest);

}  // namespace
}  // namespace cadre::recruiting::test
