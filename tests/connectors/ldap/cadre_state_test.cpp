// What an incremental sync reads of Cadre (readCadreFor): only the people the records concern,
// and a plan from it that is exactly the plan from everyone (readWholeCadre), on both engines.
#include "cadre_state.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

#include "clock_text.hpp"
#include "plan_writer.hpp"
#include "sync_fixture.hpp"

namespace cadre::ldap::test {
namespace {

const std::string kPeopleOu = "ou=people,dc=example,dc=com";

std::string dnOfUid(const std::string& uid, const std::string& ou = kPeopleOu) {
  return "uid=" + uid + "," + ou;
}

/// An entry as the reader makes it: id "id-<uid>", number "E-<uid>", in Sales.
DirectoryRecord entryOf(const std::string& uid, const std::string& managerDn = "") {
  DirectoryRecord r;
  r.dn = dnOfUid(uid);
  r.dnKey = dnKey(r.dn);
  r.directoryId = "id-" + uid;
  r.employeeNumber = "E-" + uid;
  r.givenName = "Given";
  r.familyName = uid;
  r.email = uid + "@example.com";
  r.department = "Sales";
  r.managerDn = managerDn;
  if (!managerDn.empty()) r.managerDnKey = dnKey(managerDn);
  return r;
}

/// An entry whose manager is the person with `managerUid` (a DN is passed as std::string).
DirectoryRecord entryOf(const std::string& uid, const char* managerUid) {
  return entryOf(uid, dnOfUid(managerUid));
}

/// Everything a plan says, one line per change and error, to compare two plans at once.
std::string planText(const SyncPlan& plan) {
  std::string text;
  for (const auto& c : plan.changes) {
    text += std::string(changeKindName(c.kind)) + " " + c.dn + " id=" + c.directoryId +
            " employee=" + (c.employeeId ? std::to_string(*c.employeeId) : "-") +
            " upsert=" + (c.upsert ? "1" : "0") +
            " status=" + std::to_string(static_cast<int>(c.status)) +
            " unit=" + (c.orgUnitId ? std::to_string(*c.orgUnitId) : "-") +
            " manager=" + c.managerDirectoryId + " former=" + c.formerDirectoryId;
    for (const auto& f : c.fields) text += " " + f.field + ":" + f.from + "→" + f.to;
    text += "\n";
  }
  for (const auto& e : plan.errors) text += "error " + e.dn + ": " + e.message + "\n";
  text += "unchanged " + std::to_string(plan.unchanged) + ", disabled and absent " +
          std::to_string(plan.disabledAndAbsent) + ", disabling " + std::to_string(plan.disabling);
  return text;
}

class CadreStateTest : public ::testing::TestWithParam<std::string> {
 protected:
  CadreStateTest() : cadre_(GetParam()) {
    // top ← m1 ← a, b; top ← m2 ← c; d, f, g, h report to nobody.
    write({entryOf("top"), entryOf("m1", "top"), entryOf("m2", "top"), entryOf("a", "m1"),
           entryOf("b", "m1"), entryOf("c", "m2"), entryOf("d"), entryOf("f"), entryOf("g"),
           entryOf("h")},
          SyncMode::Full);
  }

  PlanOptions optionsFor(SyncMode mode) {
    PlanOptions options;
    options.mode = mode;
    options.orgUnitOf = [this](const std::string& department) -> std::optional<std::int64_t> {
      if (department == "Sales") return cadre_.sales;
      return std::nullopt;
    };
    options.defaultOrgUnitId = cadre_.company;
    options.force = true;
    return options;
  }

  /// Writes what a run that reads `records` writes, compared with everyone in Cadre.
  SyncCounts write(const std::vector<DirectoryRecord>& records, SyncMode mode) {
    return cadre_.db().inTransaction([&](Transaction& tx) {
      SyncStore store(tx);
      const std::string today = todayLocal();
      CadreState whole = readWholeCadre(tx, cadre_.org(), store, today);
      PlanOptions options = optionsFor(mode);
      SyncPlan plan = planSync(records, whole, options);
      PlanWriter writer(tx, cadre_.org(), today, "ldap-sync", whole.employees);
      SyncCounts counts;
      writer.writeChanges(plan.changes, counts);
      return counts;
    });
  }

  /// The incremental plan of `records` from everyone in Cadre and from readCadreFor, and how
  /// many people each read.
  struct TwoPlans {
    std::string fromEveryone;
    std::string fromPeopleRead;
    std::size_t everyone = 0;
    std::size_t peopleRead = 0;
  };
  TwoPlans plansOf(const std::vector<DirectoryRecord>& records) {
    return cadre_.db().inTransaction(
        [&](Transaction& tx) {
          SyncStore store(tx);
          const std::string today = todayLocal();
          CadreState whole = readWholeCadre(tx, cadre_.org(), store, today);
          CadreState some =
              readCadreFor(tx, cadre_.org(), store, today,
                           std::deque<DirectoryRecord>(records.begin(), records.end()));
          PlanOptions options = optionsFor(SyncMode::Incremental);
          return TwoPlans{planText(planSync(records, whole, options)),
                          planText(planSync(records, some, options)), whole.employees.size(),
                          some.employees.size()};
        },
        TxMode::Read);
  }

  std::int64_t idOf(const std::string& uid) { return cadre_.employees().at("id-" + uid).id; }

  SyncDatabase cadre_;
};

bool mentions(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_P(CadreStateTest, AManagerNotReadIsFoundInCadreAndOnlyThePeopleConcernedAreRead) {
  auto a = entryOf("a", "m1");
  a.email = "a@sales.example.com";
  auto plans = plansOf({a, entryOf("n", "m2")});
  EXPECT_EQ(plans.fromPeopleRead, plans.fromEveryone);
  EXPECT_TRUE(mentions(plans.fromEveryone, "updated " + a.dn)) << plans.fromEveryone;
  EXPECT_TRUE(mentions(plans.fromEveryone, "created " + dnOfUid("n") + " id=id-n employee=- "))
      << plans.fromEveryone;
  EXPECT_TRUE(mentions(plans.fromEveryone, "manager=id-m2")) << plans.fromEveryone;
  EXPECT_FALSE(mentions(plans.fromEveryone, "error")) << plans.fromEveryone;
  // a, m1 and m2 (the managers named), top (above them); not b, c, d, f, g, h.
  EXPECT_EQ(plans.everyone, 10u);
  EXPECT_EQ(plans.peopleRead, 4u);
}

TEST_P(CadreStateTest, AMovedEntryAndANewManagerNotReadAreTheSamePlan) {
  auto b = entryOf("b", "m2");
  b.dn = dnOfUid("b", "ou=others,dc=example,dc=com");
  b.dnKey = dnKey(b.dn);
  auto plans = plansOf({b});
  EXPECT_EQ(plans.fromPeopleRead, plans.fromEveryone);
  EXPECT_TRUE(mentions(plans.fromEveryone,
                       "moved " + b.dn + " id=id-b employee=" + std::to_string(idOf("b"))))
      << plans.fromEveryone;
  EXPECT_TRUE(mentions(plans.fromEveryone, " manager:" + dnOfUid("m1") + "→" + dnOfUid("m2")))
      << plans.fromEveryone;
}

TEST_P(CadreStateTest, AManagerCycleThroughPeopleNotReadIsFoundTheSame) {
  // top → a → m1 → top: only top is read; a and m1 stand where Cadre has them.
  auto plans = plansOf({entryOf("top", "a")});
  EXPECT_EQ(plans.fromPeopleRead, plans.fromEveryone);
  const std::string cycle = "manager cycle " + dnOfUid("top") + " → " + dnOfUid("a") + " → " +
                            dnOfUid("m1") + " → " + dnOfUid("top");
  EXPECT_TRUE(mentions(plans.fromEveryone, "error " + dnOfUid("m1") + ": " + cycle))
      << plans.fromEveryone;
}

TEST_P(CadreStateTest, AManagerDnWrittenAnotherWayOrOutsideTheFilterIsTheSame) {
  auto plans = plansOf({entryOf("a", std::string("UID=m2, OU=People,DC=example,DC=com")),
                        entryOf("c", std::string("uid=nobody,ou=people,dc=example,dc=com"))});
  EXPECT_EQ(plans.fromPeopleRead, plans.fromEveryone);
  EXPECT_TRUE(mentions(plans.fromEveryone, "manager=id-m2")) << plans.fromEveryone;
  EXPECT_TRUE(mentions(plans.fromEveryone, "error " + dnOfUid("c") +
                                               ": manager 'uid=nobody,ou=people,dc=example,"
                                               "dc=com' is not among the synced entries"))
      << plans.fromEveryone;
}

TEST_P(CadreStateTest, ARemadeEntryTakesOverTheNumberOfSomeoneTheSyncTerminatedOnly) {
  // g leaves (a full run without g terminates g).
  write({entryOf("top"), entryOf("m1", "top"), entryOf("m2", "top"), entryOf("a", "m1"),
         entryOf("b", "m1"), entryOf("c", "m2"), entryOf("d"), entryOf("f"), entryOf("h")},
        SyncMode::Full);
  auto g = entryOf("g");
  g.directoryId = "id-g-again";
  auto h = entryOf("h");
  h.directoryId = "id-h-again";
  auto plans = plansOf({g, h});
  EXPECT_EQ(plans.fromPeopleRead, plans.fromEveryone);
  EXPECT_TRUE(mentions(plans.fromEveryone, "reactivated " + g.dn + " id=id-g-again employee=" +
                                               std::to_string(idOf("g"))))
      << plans.fromEveryone;
  EXPECT_TRUE(mentions(plans.fromEveryone, "former=id-g directoryId:id-g→id-g-again"))
      << plans.fromEveryone;
  EXPECT_TRUE(mentions(plans.fromEveryone, "error " + h.dn + ": employee number 'E-h' belongs to"))
      << plans.fromEveryone;
}

TEST_P(CadreStateTest, ADisabledPersonComesBackOnlyWhenTheSyncSuspendedThem) {
  auto d = entryOf("d");
  d.disabled = true;
  EXPECT_EQ(write({d}, SyncMode::Incremental).disabled, 1);
  cadre_.db().inTransaction([&](Transaction& tx) {
    cadre_.org().changeStatus(tx, idOf("f"), "suspended", todayLocal(), "on hold", "hr");
  });
  auto plans = plansOf({entryOf("d"), entryOf("f")});
  EXPECT_EQ(plans.fromPeopleRead, plans.fromEveryone);
  EXPECT_TRUE(mentions(plans.fromEveryone, "reactivated " + d.dn)) << plans.fromEveryone;
  EXPECT_FALSE(mentions(plans.fromEveryone, dnOfUid("f"))) << plans.fromEveryone;
  EXPECT_TRUE(mentions(plans.fromEveryone, "unchanged 1,")) << plans.fromEveryone;
}

LDAP_SYNC_ON_EVERY_ENGINE(CadreStateTest);

}  // namespace
}  // namespace cadre::ldap::test
