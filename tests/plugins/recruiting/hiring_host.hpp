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

namespace cadre::recruiting::test {

/// The org a suite of hiring tests works in on one host: a unit headed by "manager" (the
/// hiring manager), employees "iv1" and "iv2" (interviewers) with logins, and territory T1 of
/// the active model.
struct HiringWorld {
  std::int64_t unitId = 0;
  std::int64_t managerId = 0;
  std::int64_t iv1 = 0;
  std::int64_t iv2 = 0;
  std::int64_t territoryId = 0;
};

/// A suite sharing one host per engine, with the world built on first use and the host's own
/// database opened beside it (to show that a failed write left nothing behind).
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

  /// Runs `work` in a transaction of its own on the host's database.
  template <typename Work>
  auto inHostDatabase(Work work) {
    world();
    return worlds()[GetParam()].database->inTransaction([&](Transaction& tx) { return work(tx); });
  }

  /// An open requisition (created, submitted and approved over HTTP, HR its only approver) for
  /// a position in T1 managed by "manager", with the standards Discovery (weight 2) and
  /// Closing (1); returns its id and the ids of its criteria.
  std::pair<std::int64_t, std::vector<std::int64_t>> openRequisition(std::int64_t positionId) {
    const auto& w = world();
    auto& h = host();
    auto created =
        h.call("hr", "POST", "/api/v1/recruiting/requisitions",
               "{\"title\":\"Account Executive\",\"orgUnitId\":" + std::to_string(w.unitId) +
                   ",\"positionId\":" + std::to_string(positionId) +
                   ",\"territoryId\":" + std::to_string(w.territoryId) +
                   ",\"hiringManagerId\":" + std::to_string(w.managerId) +
                   ",\"salaryMin\":50000,\"salaryMax\":70000,\"currency\":\"EUR\","
                   "\"wantedStartDate\":\"2026-03-02\",\"criteria\":[{\"name\":\"Discovery\","
                   "\"weight\":2},{\"name\":\"Closing\",\"weight\":1}],"
                   "\"approvers\":[{\"kind\":\"hr\"}]}");
    EXPECT_EQ(created.status, 201) << created.body;
    auto id = RecruitingHost::idIn(created.body);
    auto path = "/api/v1/recruiting/requisitions/" + std::to_string(id);
    for (const char* step : {"/submit", "/approve"}) {
      auto reply = h.call("hr", "POST", path + step, "{}");
      EXPECT_EQ(reply.status, 200) << step << ": " << reply.body;
    }
    auto opened = jsonOf(h.call("hr", "GET", path));
    EXPECT_EQ(opened->getValue<std::string>("state"), "open");
    std::vector<std::int64_t> criteria;
    auto list = opened->getArray("criteria");
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      criteria.push_back(list->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id"));
    }
    return {id, criteria};
  }

  /// A vacant position of the world's unit, open from 2020-01-01.
  std::int64_t position(const std::string& title) {
    auto reply = host().call("hr", "POST", "/api/v1/territory/positions",
                             "{\"orgUnitId\":" + std::to_string(world().unitId) + ",\"title\":\"" +
                                 title + "\",\"budgetedCost\":60000,\"openedOn\":\"2020-01-01\"}");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return RecruitingHost::idIn(reply.body);
  }

  /// A candidate "<given> Lovelace" (a direct applicant) and their application to the
  /// requisition, both over HTTP; returns the application's id.
  std::int64_t applicant(std::int64_t requisitionId, const std::string& given) {
    auto email = given + std::to_string(requisitionId) + "@example.com";
    auto candidate =
        host().call("hr", "POST", "/api/v1/recruiting/candidates",
                    "{\"givenName\":\"" + given + "\",\"familyName\":\"Lovelace\",\"email\":\"" +
                        email + "\",\"source\":\"direct\"}");
    EXPECT_EQ(candidate.status, 201) << candidate.body;
    auto application =
        host().call("hr", "POST", "/api/v1/recruiting/applications",
                    "{\"candidateId\":" + std::to_string(RecruitingHost::idIn(candidate.body)) +
                        ",\"requisitionId\":" + std::to_string(requisitionId) + "}");
    EXPECT_EQ(application.status, 201) << application.body;
    return RecruitingHost::idIn(application.body);
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
