#include "org_import.hpp"

#include <gtest/gtest.h>

#include "cadre/dates.hpp"
#include "employee_store.hpp"
#include "org_database.hpp"
#include "org_tree.hpp"
#include "workforce.hpp"

namespace cadre::territory::test {
namespace {

class OrgImportTest : public ::testing::TestWithParam<std::string> {
 protected:
  OrgImportTest() : org_(GetParam()) {}

  ImportReport import(const std::string& kind, const std::string& csv, bool dryRun) {
    ImportRun run;
    run.kind = kind;
    run.dryRun = dryRun;
    run.actor = "tester";
    run.today = today();
    run.audit = [this](Transaction&, const ImportReport& report) {
      audited_.push_back(report.kind + " " + std::to_string(report.created) + "/" +
                         std::to_string(report.updated) + "/" + std::to_string(report.unchanged));
    };
    return runImport(org_.db(), run, csv);
  }

  std::int64_t count(const std::string& table) {
    return org_.db().inTransaction(
        [&](Transaction& tx) { return tx.queryOne("SELECT COUNT(*) FROM " + table)->getInt(0); });
  }

  std::int64_t unit(const std::string& code, const std::string& type,
                    std::optional<std::int64_t> parent) {
    return org_.db().inTransaction([&](Transaction& tx) {
      return OrgTree(tx)
          .create({code, code + " unit", type, parent, std::nullopt, "2019-01-01"})
          .id;
    });
  }

  std::optional<OrgUnit> unitOfCode(const std::string& code, const std::string& date) {
    return org_.db().inTransaction([&](Transaction& tx) -> std::optional<OrgUnit> {
      OrgUnitStore store(tx);
      auto id = store.idOfCode(code);
      if (!id) return std::nullopt;
      return store.find(*id, date);
    });
  }

  std::optional<EmployeeRecord> employee(const std::string& number, const std::string& date) {
    return org_.db().inTransaction([&](Transaction& tx) -> std::optional<EmployeeRecord> {
      EmployeeStore store(tx);
      auto id = store.idOfNumber(number);
      if (!id) return std::nullopt;
      return store.find(*id, date);
    });
  }

  /// Every errors as "line field: message".
  static std::vector<std::string> errorsOf(const ImportReport& report) {
    std::vector<std::string> out;
    auto json = report.toJson();
    auto errors = json->getArray("errors");
    for (std::size_t i = 0; i < errors->size(); ++i) {
      auto e = errors->getObject(static_cast<unsigned>(i));
      out.push_back(e->getValue<std::string>("line") + " " + e->getValue<std::string>("field") +
                    ": " + e->getValue<std::string>("message"));
    }
    return out;
  }

  OrgDatabase org_;
  std::vector<std::string> audited_;
};

const std::string kUnits =
    "code,name,type,parentCode,effectiveDate\n"
    "TEAM-N,Nord Team,team,REG-N,2020-01-01\n"
    "REG-N,Region Nord,region,ACME,2020-01-01\n"
    "ACME,Acme Group,company,,2020-01-01\n";

TEST_P(OrgImportTest, OrgUnitsAreCreatedParentsFirstAndAReimportChangesNothing) {
  auto report = import("org-units", kUnits, false);
  EXPECT_EQ(errorsOf(report), std::vector<std::string>{});
  EXPECT_EQ(report.rows, 3u);
  EXPECT_EQ(report.created, 3u);
  auto acme = unitOfCode("ACME", "2020-01-01");
  auto region = unitOfCode("REG-N", "2020-01-01");
  auto team = unitOfCode("TEAM-N", "2020-01-01");
  ASSERT_TRUE(acme && region && team);
  EXPECT_EQ(acme->parentId, std::nullopt);
  EXPECT_EQ(region->parentId, acme->id);
  EXPECT_EQ(team->parentId, region->id);
  EXPECT_EQ(team->name, "Nord Team");
  EXPECT_EQ(team->type, "team");
  EXPECT_EQ(audited_, std::vector<std::string>{"org-units 3/0/0"});

  auto again = import("org-units", kUnits, false);
  EXPECT_EQ(errorsOf(again), std::vector<std::string>{});
  EXPECT_EQ(again.created, 0u);
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_EQ(count("territory_org_unit_periods"), 3);

  auto moved = import("org-units",
                      "code,name,type,parentCode,effectiveDate\n"
                      "TEAM-N,Team North,team,ACME,2021-01-01\n",
                      false);
  EXPECT_EQ(moved.updated, 1u);
  EXPECT_EQ(unitOfCode("TEAM-N", "2020-12-31")->parentId, region->id);
  EXPECT_EQ(unitOfCode("TEAM-N", "2021-01-01")->parentId, acme->id);
  EXPECT_EQ(unitOfCode("TEAM-N", "2021-01-01")->name, "Team North");
}

TEST_P(OrgImportTest, BadOrgUnitRowsAreEachReportedAndNothingIsWritten) {
  const std::string file =
      "code,name,type,parentCode,effectiveDate\n"
      "A,a,team,B,2020-01-01\n"
      "B,b,team,A,2020-01-01\n"
      "C,c,team,NOPE,2020-01-01\n"
      "A,dup,team,,2020-01-01\n"
      "D,d,planet,,2020-01-01\n"
      "E,e,company,,2020-02-30\n"
      "F,f,company,,2020-01-01\n";
  const std::vector<std::string> expected{
      "2 parentCode: the parents in this file make a cycle: lines 2 and 3",
      "3 parentCode: the parents in this file make a cycle: lines 2 and 3",
      "4 parentCode: there is no org unit 'NOPE'",
      "5 code: code 'A' appears on lines 2 and 5",
      "6 type: there is no org unit type 'planet'",
      "7 effectiveDate: '2020-02-30' is not a date YYYY-MM-DD"};
  auto dry = import("org-units", file, true);
  EXPECT_EQ(errorsOf(dry), expected);
  EXPECT_TRUE(dry.dryRun);
  EXPECT_EQ(dry.rows, 7u);
  EXPECT_EQ(dry.created, 1u);  // F would be created
  auto real = import("org-units", file, false);
  EXPECT_EQ(errorsOf(real), expected);
  EXPECT_FALSE(real.dryRun);
  EXPECT_EQ(count("territory_org_units"), 0);
  EXPECT_EQ(count("territory_org_unit_periods"), 0);
  EXPECT_EQ(audited_, std::vector<std::string>{});
}

TEST_P(OrgImportTest, HeadsAreNamedByEmployeeNumberAndKeptWithoutAHeadColumn) {
  import("org-units", kUnits, false);
  import("employees",
         "employeeNumber,givenName,familyName,email,phone,hireDate,orgUnitCode\n"
         "H1,Dewi,Lestari,dewi@example.id,,2020-01-01,REG-N\n",
         false);
  auto headed = import("org-units",
                       "code,name,type,parentCode,headEmployeeNumber,effectiveDate\n"
                       "REG-N,Region Nord,region,ACME,H1,2020-06-01\n"
                       "TEAM-N,Nord Team,team,REG-N,H9,2020-06-01\n",
                       true);
  EXPECT_EQ(errorsOf(headed),
            std::vector<std::string>{"3 headEmployeeNumber: there is no employee 'H9'"});
  auto report = import("org-units",
                       "code,name,type,parentCode,headEmployeeNumber,effectiveDate\n"
                       "REG-N,Region Nord,region,ACME,H1,2020-06-01\n",
                       false);
  EXPECT_EQ(report.updated, 1u);
  auto head = employee("H1", "2020-06-01")->id;
  EXPECT_EQ(unitOfCode("REG-N", "2020-06-01")->headEmployeeId, head);
  EXPECT_EQ(unitOfCode("REG-N", "2020-05-31")->headEmployeeId, std::nullopt);
  // The same file without the head column leaves the head alone.
  auto again = import("org-units", kUnits, false);
  EXPECT_EQ(errorsOf(again), std::vector<std::string>{});
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_EQ(unitOfCode("REG-N", "2021-01-01")->headEmployeeId, head);
}

TEST_P(OrgImportTest, HeaderProblemsStopTheImportAtLineOne) {
  auto report = import("org-units", "code,name,Type,parentCode\nA,a,team,\n", true);
  EXPECT_EQ(errorsOf(report), (std::vector<std::string>{"1 Type: unknown column 'Type'",
                                                        "1 type: missing column 'type'"}));
  EXPECT_EQ(report.rows, 1u);
  auto empty = import("employees", "", true);
  EXPECT_EQ(errorsOf(empty),
            std::vector<std::string>{"1 : the file is empty; it needs a header line"});
  auto broken = import("accounts", "name,region\n\"open,x\n", true);
  EXPECT_EQ(errorsOf(broken),
            std::vector<std::string>{"2 : a quoted field opened on this line is never closed"});
}

const std::string kPeopleHeader =
    "employeeNumber,givenName,familyName,email,phone,hireDate,orgUnitCode,"
    "managerEmployeeNumber\n";

TEST_P(OrgImportTest, EmployeesInAnyScriptAreHiredManagersFirstAndAReimportChangesNothing) {
  auto acme = unit("ACME", "company", std::nullopt);
  auto north = unit("NORTH", "team", acme);
  const std::string file = kPeopleHeader +
                           "E2,Thị Minh Khai,Nguyễn,khai@example.com,+84 90 123 4567,2020-02-01,"
                           "NORTH,E1\n"
                           "E1,伟,王,wei@example.com,,2020-01-01,ACME,\n"
                           "E3,Siti,\"Rahayu, S.E.\",siti@example.co.id,,2020-03-01,NORTH,E1\n";
  auto report = import("employees", file, false);
  EXPECT_EQ(errorsOf(report), std::vector<std::string>{});
  EXPECT_EQ(report.created, 3u);
  auto boss = employee("E1", "2020-06-01");
  auto khai = employee("E2", "2020-06-01");
  auto siti = employee("E3", "2020-06-01");
  ASSERT_TRUE(boss && khai && siti);
  EXPECT_EQ(boss->givenName, "伟");
  EXPECT_EQ(boss->familyName, "王");
  EXPECT_EQ(boss->orgUnitId, acme);
  EXPECT_EQ(khai->givenName, "Thị Minh Khai");
  EXPECT_EQ(khai->familyName, "Nguyễn");
  EXPECT_EQ(khai->phone, "+84 90 123 4567");
  EXPECT_EQ(khai->managerId, boss->id);
  EXPECT_EQ(khai->orgUnitId, north);
  EXPECT_EQ(khai->hireDate, "2020-02-01");
  EXPECT_EQ(khai->employmentType, "full_time");
  EXPECT_EQ(siti->familyName, "Rahayu, S.E.");
  EXPECT_EQ(siti->managerId, boss->id);
  EXPECT_EQ(org_.events.size(), 3u);
  EXPECT_EQ(org_.events[0].rfind("territory.employee.hired ", 0), 0u);

  auto again = import("employees", file, false);
  EXPECT_EQ(errorsOf(again), std::vector<std::string>{});
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_EQ(again.created + again.updated, 0u);
  EXPECT_EQ(count("territory_assignments"), 3);
  EXPECT_EQ(org_.events.size(), 3u);
}

TEST_P(OrgImportTest, AKnownNumberGetsItsMasterDataUpdatedAndIsTransferredFromTheDate) {
  auto acme = unit("ACME", "company", std::nullopt);
  auto north = unit("NORTH", "team", acme);
  import("employees", kPeopleHeader + "E1,An,Le,an@example.com,,2020-01-01,ACME,\n", false);
  auto report = import("employees",
                       "employeeNumber,givenName,familyName,email,phone,hireDate,orgUnitCode,"
                       "effectiveDate,employmentType\n"
                       "E1,An,Lê,an@example.com,,2020-01-01,NORTH,2021-01-01,part_time\n",
                       false);
  EXPECT_EQ(errorsOf(report), std::vector<std::string>{});
  EXPECT_EQ(report.updated, 1u);
  EXPECT_EQ(employee("E1", "2020-12-31")->orgUnitId, acme);
  EXPECT_EQ(employee("E1", "2021-01-01")->orgUnitId, north);
  EXPECT_EQ(employee("E1", "2021-01-01")->employmentType, "part_time");
  EXPECT_EQ(employee("E1", "2021-01-01")->familyName, "Lê");

  auto moved =
      import("employees", kPeopleHeader + "E1,An,Lê,an@example.com,,2019-05-05,ACME,\n", true);
  EXPECT_EQ(errorsOf(moved),
            std::vector<std::string>{"2 hireDate: the hire date of employee 'E1' is 2020-01-01; "
                                     "an import does not change it"});
}

TEST_P(OrgImportTest, TheExportsColumnsReimportAndTerminatedPeopleKeepTheirStatus) {
  auto acme = unit("ACME", "company", std::nullopt);
  import("employees",
         kPeopleHeader +
             "E1,An,Le,an@example.com,,2020-01-01,ACME,\n"
             "E2,Binh,Pham,b@example.com,'+84 1,2020-01-01,ACME,E1\n",
         false);
  auto e1 = employee("E1", "2020-01-01")->id;
  auto e2 = employee("E2", "2020-01-01")->id;
  org_.db().inTransaction([&](Transaction& tx) {
    Workforce(tx, org_.trail(), "tester").terminate(e1, "2021-01-01", "resignation");
  });
  auto acmeId = std::to_string(acme);
  const std::string exportHeader =
      "id,employeeNumber,givenName,familyName,email,phone,status,orgUnitId,positionId,managerId,"
      "hireDate\n";
  auto report =
      import("employees",
             exportHeader + std::to_string(e1) +
                 ",E1,An,Le,an@example.com,,terminated,,,,2020-01-01\n" + std::to_string(e2) +
                 ",E2,Binh,Pham,b@example.com,'+84 1,active," + acmeId + ",,,2020-01-01\n",
             false);
  EXPECT_EQ(errorsOf(report), std::vector<std::string>{});
  EXPECT_EQ(report.unchanged, 2u);
  EXPECT_EQ(employee("E2", "2020-01-01")->phone, "+84 1");

  auto refused = import("employees",
                        exportHeader + std::to_string(e2) +
                            ",E2,Binh,Pham,b@example.com,'+84 1,terminated,,,,2020-01-01\n"
                            "0,E3,New,Person,,,terminated,,,,2020-01-01\n",
                        true);
  EXPECT_EQ(errorsOf(refused),
            (std::vector<std::string>{
                "2 status: employee 'E2' is active; an import does not terminate anyone (use "
                "the termination)",
                "3 status: an import does not hire a terminated employee"}));
}

TEST_P(OrgImportTest, ADryRunReportsEachBadEmployeeRowByLine) {
  auto acme = unit("ACME", "company", std::nullopt);
  const std::string file = kPeopleHeader +
                           "E1,An,Le,an@example.com,,2020-01-01,ACME,\n"
                           "E2,,Tran,not-an-email,,2020-13-01,NOWHERE,\n"
                           "E1,Binh,Pham,b@example.com,,2020-01-01,ACME,\n"
                           "E4,Chi,Vo,c@example.com,,2020-01-01,NOWHERE,\n"
                           "E5,Dung,Do,d@example.com,,2020-01-01,ACME,E99\n"
                           "E6,Em,Ho,e@example.com,,2018-06-01,ACME,\n"
                           "E7,Gia,Bui,g@example.com,,2020-13-01,ACME,E1,extra\n"
                           "E8,Hoa,Ly,h@example.com,,2020-01-01,ACME,E8\n"
                           "E9,Ich,Ma,i@example.com,,2020-01-01,ACME,E10\n"
                           "E10,Kim,Ngo,k@example.com,,2020-01-01,ACME,E9\n";
  const std::vector<std::string> expected{
      "3 givenName: is required",
      "3 hireDate: '2020-13-01' is not a date YYYY-MM-DD",
      "3 email: 'not-an-email' is not an email address",
      "4 employeeNumber: employee number 'E1' appears on lines 2 and 4",
      "5 orgUnitCode: there is no org unit 'NOWHERE'",
      "6 managerEmployeeNumber: there is no employee 'E99'",
      "7 orgUnitCode: org unit " + std::to_string(acme) + " is not open on 2018-06-01",
      "8 : has 9 fields; the header has 8",
      "9 managerEmployeeNumber: an employee cannot be their own manager",
      "10 managerEmployeeNumber: the managers in this file make a cycle: lines 10 and 11",
      "11 managerEmployeeNumber: the managers in this file make a cycle: lines 10 and 11"};
  auto dry = import("employees", file, true);
  EXPECT_EQ(errorsOf(dry), expected);
  EXPECT_EQ(dry.rows, 10u);
  EXPECT_EQ(dry.created, 1u);
  EXPECT_EQ(count("territory_employees"), 0);
}

TEST_P(OrgImportTest, ARealRunWithOneBadRowWritesNothing) {
  unit("ACME", "company", std::nullopt);
  import("employees", kPeopleHeader + "E0,Old,Timer,old@example.com,,2019-01-01,ACME,\n", false);
  std::vector<std::string> tables{"territory_employees", "territory_assignments",
                                  "territory_status_changes", "territory_org_units",
                                  "territory_org_unit_periods"};
  std::vector<std::int64_t> before;
  for (const auto& table : tables) before.push_back(count(table));
  auto events = org_.events.size();
  auto report = import("employees",
                       kPeopleHeader +
                           "E1,An,Le,an@example.com,,2020-01-01,ACME,E0\n"
                           "E2,Binh,Pham,b@example.com,,2020-01-01,ACME,E1\n"
                           "E3,Chi,Vo,c@example.com,,2020-01-01,MISSING,E1\n"
                           "E0,Old,Timer,changed@example.com,,2019-01-01,ACME,\n",
                       false);
  EXPECT_EQ(errorsOf(report),
            std::vector<std::string>{"4 orgUnitCode: there is no org unit 'MISSING'"});
  EXPECT_EQ(report.created, 2u);
  EXPECT_EQ(report.updated, 1u);
  for (std::size_t i = 0; i < tables.size(); ++i)
    EXPECT_EQ(count(tables[i]), before[i]) << tables[i];
  EXPECT_EQ(employee("E0", "2020-01-01")->email, "old@example.com");
  EXPECT_EQ(audited_, std::vector<std::string>{"employees 1/0/0"});
  // The events of the rolled-back rows were published inside the transaction that rolled back.
  EXPECT_GT(org_.events.size(), events);
}

TEST_P(OrgImportTest, AccountsAreCreatedUpdatedByExternalIdAndChecked) {
  const std::string header = "name,region,postalCode,industry,size,status,externalId,potential\n";
  auto report = import("accounts",
                       header +
                           "Công ty Ánh Dương,South,70000,retail,medium,active,ERP-1,1500.5\n"
                           "北京贸易,North,100000,trade,large,prospect,,20000\n",
                       false);
  EXPECT_EQ(errorsOf(report), std::vector<std::string>{});
  EXPECT_EQ(report.created, 2u);
  auto again =
      import("accounts",
             header + "Công ty Ánh Dương,South,70000,retail,medium,active,ERP-1,1500.5\n", false);
  EXPECT_EQ(again.unchanged, 1u);
  auto changed = import(
      "accounts", header + "Công ty Ánh Dương,South,70000,retail,large,active,ERP-1,9000\n", false);
  EXPECT_EQ(changed.updated, 1u);
  auto row = org_.db().inTransaction([](Transaction& tx) {
    return *tx.queryOne(
        "SELECT name, size, potential, version FROM territory_accounts WHERE external_id = ?",
        {std::string("ERP-1")});
  });
  EXPECT_EQ(row.getString(0), "Công ty Ánh Dương");
  EXPECT_EQ(row.getString(1), "large");
  EXPECT_EQ(row.getDouble(2), 9000.0);
  EXPECT_EQ(row.getInt(3), 2);

  auto bad = import("accounts",
                    header +
                        "X,South,1,retail,huge,active,ERP-2,1\n"
                        "Y,South,1,retail,small,closed,ERP-2,-5\n"
                        ",South,1,retail,small,active,,abc\n",
                    false);
  EXPECT_EQ(errorsOf(bad), (std::vector<std::string>{
                               "2 size: 'huge' is not one of enterprise, large, medium, small",
                               "3 status: 'closed' is not one of active, prospect",
                               "3 potential: must be at least 0",
                               "3 externalId: external id 'ERP-2' appears on lines 2 and 3",
                               "4 name: is required", "4 potential: 'abc' is not a number"}));
  EXPECT_EQ(count("territory_accounts"), 2);
}

TERRITORY_ON_EVERY_ENGINE(OrgImportTest);

}  // namespace
}  // namespace cadre::territory::test
