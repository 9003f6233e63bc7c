#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include "db/sql_database.hpp"
#include "recruiting_database.hpp"
#include "recruiting_host.hpp"
#include "recruiting_seed.hpp"

namespace cadre::recruiting::test {

/// The org a suite of hiring tests works in on one host: a unit headed by "manager" (the
/// hiring manager), employees "iv1" and "iv2" (interviewers) with logins, a vacant position and
/// territory T1 of the active model.
struct HiringWorld {
  std::int64_t unitId = 0;
  std::int64_t managerId = 0;
  std::int64_t iv1 = 0;
  std::int64_t iv2 = 0;
  std::int64_t positionId = 0;
  std::int64_t territoryId = 0;
};

/// A suite sharing one host per engine, with the world built on first use and the host's own
/// database opened beside it to seed requisitions and applications (whose APIs live elsewhere).
class HiringHostTest : public SharedRecruitingHost {
 protected:
  static void TearDownTestSuite() {
    worlds().clear();
    SharedRecruitingHost::TearDownTestSuite();
  }

  const HiringWorld& world() {
    auto& slot = worlds()[GetParam()];
    if (!slot.world.unitId) {
      slot.database = db::openDatabase(host().databaseUrl());
      slot.world = build();
    }
    return slot.world;
  }

  template <typename Work>
  auto seeded(Work work) {
    world();
    return worlds()[GetParam()].database->inTransaction([&](Transaction& tx) { return work(tx); });
  }

  /// An open requisition for the world's position in T1, managed by "manager".
  RequisitionSeed seed() {
    const auto& w = world();
    RequisitionSeed seed;
    seed.orgUnitId = w.unitId;
    seed.positionId = w.positionId;
    seed.territoryId = w.territoryId;
    seed.hiringManagerId = w.managerId;
    return seed;
  }

  std::int64_t requisition(const RequisitionSeed& seed) {
    return seeded([&](Transaction& tx) { return RecruitingSeed(tx).requisition(seed); });
  }

  std::int64_t applicant(std::int64_t requisitionId, const std::string& given) {
    return seeded([&](Transaction& tx) {
      RecruitingSeed seed(tx);
      auto email = given + std::to_string(requisitionId) + "@example.com";
      return seed.application(seed.candidate(given, "Lovelace", email), requisitionId);
    });
  }

  /// The body as a JSON object with its keys in the order the server wrote them.
  static Poco::JSON::Object::Ptr orderedJsonOf(const HttpReply& reply) {
    try {
      Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
      return parser.parse(reply.body).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
      ADD_FAILURE() << "not a JSON object (" << reply.status << "): " << reply.body;
      return new Poco::JSON::Object;
    }
  }

  static std::string text(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(value, out);
    return out.str();
  }

  /// "field: message" of each error of a problem answer.
  static std::vector<std::string> fieldsOf(const HttpReply& reply) {
    std::vector<std::string> fields;
    auto errors = jsonOf(reply)->getArray("errors");
    for (std::size_t i = 0; errors && i < errors->size(); ++i) {
      auto error = errors->getObject(static_cast<unsigned>(i));
      fields.push_back(error->getValue<std::string>("field") + ": " +
                       error->getValue<std::string>("message"));
    }
    return fields;
  }

  static std::string detailOf(const HttpReply& reply) {
    return jsonOf(reply)->optValue<std::string>("detail", "");
  }

 private:
  struct Slot {
    std::unique_ptr<db::SqlDatabase> database;
    HiringWorld world;
  };

  static std::map<std::string, Slot>& worlds() {
    static std::map<std::string, Slot> shared;
    return shared;
  }

  HiringWorld build() {
    auto& h = host();
    h.addUser("iv1", "employee");
    h.addUser("iv2", "employee");
    HiringWorld w;
    auto unit = h.headedUnit("manager", "HIRE");
    w.unitId = unit.unitId;
    w.managerId = unit.headEmployeeId;
    w.iv1 = h.linkEmployee("iv1", w.unitId, "HIRE-IV1");
    w.iv2 = h.linkEmployee("iv2", w.unitId, "HIRE-IV2");
    auto position = h.call("hr", "POST", "/api/v1/territory/positions",
                           "{\"orgUnitId\":" + std::to_string(w.unitId) +
                               ",\"title\":\"Account Executive\",\"budgetedCost\":60000,"
                               "\"openedOn\":\"2020-01-01\"}");
    EXPECT_EQ(position.status, 201) << position.body;
    w.positionId = RecruitingHost::idIn(position.body);
    auto model = h.call("hr", "POST", "/api/v1/territory/territory-models",
                        "{\"name\":\"2020\",\"effectiveDate\":\"2020-01-01\"}");
    EXPECT_EQ(model.status, 201) << model.body;
    auto territory = h.call("hr", "POST", "/api/v1/territory/territories",
                            "{\"modelId\":" + std::to_string(RecruitingHost::idIn(model.body)) +
                                ",\"code\":\"T1\",\"name\":\"North\",\"type\":\"geo\"}");
    EXPECT_EQ(territory.status, 201) << territory.body;
    w.territoryId = RecruitingHost::idIn(territory.body);
    return w;
  }
};

}  // namespace cadre::recruiting::test
