// Candidates, CVs, applications and the pipeline board over HTTP: the real host with the
// territory and recruiting plugins, one per engine for the whole suite.
#include "recruiting_host.hpp"

namespace cadre::recruiting::test {
namespace {

/// A PDF of exactly `size` bytes (above the host's 1 MiB default when asked for).
std::string pdfOf(std::size_t size) {
  std::string pdf = "%PDF-1.7\n";
  for (std::size_t i = 0; pdf.size() < size; ++i) pdf += static_cast<char>(i % 251);
  pdf.resize(size);
  return pdf;
}

class CandidateApiTest : public SharedRecruitingHost {
 protected:
  const std::string kCandidates = "/api/v1/recruiting/candidates";
  const std::string kApplications = "/api/v1/recruiting/applications";

  std::string path(const std::string& base, std::int64_t id, const std::string& rest = "") const {
    return base + "/" + std::to_string(id) + rest;
  }

  /// A candidate added by HR; returns the answer.
  HttpReply addCandidate(const std::string& body) {
    return host().call("hr", "POST", kCandidates, body);
  }

  /// An open requisition of a unit that HR alone approves.
  std::int64_t openRequisition(std::int64_t unitId) {
    auto created = host().call(
        "hr", "POST", "/api/v1/recruiting/requisitions",
        "{\"title\":\"Account executive\",\"orgUnitId\":" + std::to_string(unitId) +
            ",\"newPositionTitle\":\"Account executive\",\"salaryMin\":50000,"
            "\"salaryMax\":65000,\"currency\":\"EUR\",\"wantedStartDate\":\"2030-03-01\","
            "\"criteria\":[{\"name\":\"Negotiation\"}],\"approvers\":[{\"kind\":\"hr\"}]}");
    EXPECT_EQ(created.status, 201) << created.body;
    auto id = RecruitingHost::idIn(created.body);
    const std::string one = "/api/v1/recruiting/requisitions/" + std::to_string(id);
    EXPECT_EQ(host().call("hr", "POST", one + "/submit").status, 200);
    auto approved = host().call("hr", "POST", one + "/approve");
    EXPECT_EQ(approved.status, 200) << approved.body;
    return id;
  }

  /// The "field: message" pairs of a problem document.
  static std::vector<std::string> fieldsOf(const HttpReply& reply) {
    std::vector<std::string> out;
    auto fields = jsonOf(reply)->getArray("errors");
    for (std::size_t i = 0; fields && i < fields->size(); ++i) {
      auto f = fields->getObject(static_cast<unsigned>(i));
      out.push_back(f->getValue<std::string>("field") + ": " + f->getValue<std::string>("message"));
    }
    return out;
  }
};

TEST_P(CandidateApiTest, CandidatesAreCheckedVersionedWarnedOfDuplicatesAndListedAsCsv) {
  const auto code = uniqueCode("c");
  const auto email = code + "@example.com";
  auto bad = addCandidate(
      "{\"givenName\":\"Ana\",\"email\":\"not-mail\",\"phone\":\"12\","
      "\"source\":\"fair\",\"sourceCurrency\":\"eur\",\"extra\":1}");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.header("content-type"), "application/problem+json");
  EXPECT_EQ(fieldsOf(bad), (std::vector<std::string>{
                               "email: is not an email address", "phone: needs at least 5 digits",
                               "source: must be one of: agency, campus, direct, event, "
                               "job_board, referral",
                               "sourceCurrency: must be an ISO 4217 code such as EUR",
                               "extra: is not a known field"}));

  auto first =
      addCandidate("{\"givenName\":\"Nguyễn\",\"familyName\":\"Thị Anh\",\"email\":\"" + email +
                   "\",\"source\":\"agency\",\"sourceDetail\":\"Talent Co\","
                   "\"sourceCost\":3000,\"sourceCurrency\":\"EUR\",\"consent\":true}");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.header("etag"), "\"1\"");
  EXPECT_EQ(first.header("cache-control"), "no-store");
  auto anh = jsonOf(first);
  auto id = anh->getValue<std::int64_t>("id");
  EXPECT_EQ(anh->getValue<std::string>("givenName"), "Nguyễn");
  EXPECT_TRUE(anh->getValue<bool>("consent"));
  EXPECT_EQ(anh->getValue<std::string>("retentionUntil").size(), 10u);
  EXPECT_EQ(anh->getArray("possibleDuplicates")->size(), 0u);

  auto second = addCandidate("{\"givenName\":\"Anh\",\"familyName\":\"Nguyen\",\"email\":\"" +
                             code + "@EXAMPLE.com\",\"source\":\"direct\"}");
  ASSERT_EQ(second.status, 201);
  auto duplicates = jsonOf(second)->getArray("possibleDuplicates");
  ASSERT_EQ(duplicates->size(), 1u);
  EXPECT_EQ(duplicates->getObject(0)->getValue<std::int64_t>("id"), id);
  EXPECT_EQ(duplicates->getObject(0)->getArray("matchedOn")->getElement<std::string>(0), "email");

  const auto one = path(kCandidates, id);
  auto noVersion = host().call("hr", "PATCH", one, "{\"phone\":\"+84 90 123 4567\"}");
  EXPECT_EQ(noVersion.status, 428);
  auto edited =
      host().call("hr", "PATCH", one, "{\"phone\":\"+84 90 123 4567\"}", {{"If-Match", "\"1\""}});
  EXPECT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.header("etag"), "\"2\"");
  auto stale = host().call("hr", "PATCH", one, "{\"sourceDetail\":null}", {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(jsonOf(host().call("hr", "GET", one))->getValue<std::string>("phone"),
            "+84 90 123 4567");

  auto csv = host().call("hr", "GET", kCandidates + "?format=csv&q=" + code);
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type").rfind("text/csv", 0), 0u);
  EXPECT_NE(
      csv.body.find("Nguyễn,Thị Anh," + email + ",'+84 90 123 4567,agency,Talent Co,,3000,EUR"),
      std::string::npos)
      << csv.body;
  EXPECT_EQ(host().call("employee", "GET", one).status, 403);
  EXPECT_EQ(jsonOf(host().call("employee", "GET", kCandidates))->getArray("items")->size(), 0u);
  EXPECT_EQ(host().call("employee", "POST", kCandidates, "{\"source\":\"direct\"}").status, 403);
}

TEST_P(CandidateApiTest, ACvAboveTheHostsBodyLimitIsStoredWholeAndDownloadedOnlyByThoseAllowed) {
  auto created = addCandidate(
      "{\"givenName\":\"Ida\",\"familyName\":\"Lund\",\"source\":"
      "\"campus\"}");
  auto cvs = path(kCandidates, RecruitingHost::idIn(created.body), "/cvs");
  const auto pdf = pdfOf(3 * 1024 * 1024);
  auto uploaded = host().call("hr", "POST", cvs + "?fileName=Ida%20Lund%20CV.pdf", pdf,
                              {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  auto cv = jsonOf(uploaded);
  EXPECT_EQ(cv->getValue<std::string>("fileName"), "Ida Lund CV.pdf");
  EXPECT_EQ(cv->getValue<std::int64_t>("sizeBytes"), 3 * 1024 * 1024);
  EXPECT_EQ(cv->getValue<std::string>("sha256").size(), 64u);
  const auto file = cvs + "/" + std::to_string(cv->getValue<std::int64_t>("id"));

  auto download = host().call("hr", "GET", file);
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.body, pdf);
  EXPECT_EQ(download.header("content-type"), "application/pdf");
  EXPECT_EQ(download.header("content-disposition"),
            "attachment; filename=\"Ida Lund CV.pdf\"; filename*=UTF-8''Ida%20Lund%20CV.pdf");
  EXPECT_EQ(download.header("cache-control"), "no-store");
  EXPECT_EQ(download.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(host().call("employee", "GET", file).status, 403);
  EXPECT_EQ(jsonOf(host().call("hr", "GET", cvs))->getArray("items")->size(), 1u);

  auto exe = host().call("hr", "POST", cvs + "?fileName=cv.exe", "MZ\x90",
                         {{"Content-Type", "application/x-msdownload"}});
  EXPECT_EQ(exe.status, 415);
  auto disguised = host().call("hr", "POST", cvs + "?fileName=cv.pdf", "MZ\x90 not a PDF",
                               {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(disguised.status, 400);
  EXPECT_EQ(fieldsOf(disguised), (std::vector<std::string>{"content: does not begin as a .pdf "
                                                           "file does"}));
  auto tooLarge = host().call("hr", "POST", cvs + "?fileName=big.pdf", pdfOf(5 * 1024 * 1024 + 1),
                              {{"Content-Type", "application/pdf"}});
  EXPECT_EQ(tooLarge.status, 413);
  EXPECT_EQ(jsonOf(tooLarge)->getValue<std::string>("detail"),
            "the body is larger than the 5242880 bytes accepted");

  EXPECT_EQ(host().call("hr", "DELETE", file).status, 204);
  EXPECT_EQ(host().call("hr", "GET", file).status, 404);
}

TEST_P(CandidateApiTest, CardsMoveOnTheBoardWithTheirVersionAndAReasonWhereOneIsDue) {
  const auto code = uniqueCode("U");
  auto unit = host().headedUnit("manager", code);
  auto requisitionId = openRequisition(unit.unitId);
  auto candidateId = RecruitingHost::idIn(
      addCandidate("{\"givenName\":\"Bo\",\"familyName\":\"Ek\",\"source\":\"event\"}").body);
  auto applied = host().call("manager", "POST", kApplications,
                             "{\"candidateId\":" + std::to_string(candidateId) +
                                 ",\"requisitionId\":" + std::to_string(requisitionId) + "}");
  ASSERT_EQ(applied.status, 201) << applied.body;
  auto application = jsonOf(applied);
  EXPECT_EQ(application->getObject("stage")->getValue<std::string>("code"), "applied");
  const auto one = path(kApplications, application->getValue<std::int64_t>("id"));

  auto noVersion = host().call("manager", "POST", one + "/move", "{\"stage\":\"screening\"}");
  EXPECT_EQ(noVersion.status, 428);
  auto moved = host().call("manager", "POST", one + "/move", "{\"stage\":\"screening\"}",
                           {{"If-Match", applied.header("etag")}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(jsonOf(moved)->getObject("stage")->getValue<std::string>("code"), "screening");
  auto stale = host().call("manager", "POST", one + "/move", "{\"stage\":\"interview\"}",
                           {{"If-Match", applied.header("etag")}});
  EXPECT_EQ(stale.status, 409);
  auto noReason = host().call("manager", "POST", one + "/move", "{\"stage\":\"rejected\"}",
                              {{"If-Match", moved.header("etag")}});
  EXPECT_EQ(noReason.status, 400);
  EXPECT_EQ(fieldsOf(noReason), (std::vector<std::string>{"reason: is required"}));

  auto board = host().call(
      "manager", "GET",
      "/api/v1/recruiting/requisitions/" + std::to_string(requisitionId) + "/board?limit=10");
  ASSERT_EQ(board.status, 200) << board.body;
  auto stages = jsonOf(board)->getArray("stages");
  ASSERT_EQ(stages->size(), 7u);
  EXPECT_EQ(stages->getObject(1)->getValue<std::string>("code"), "screening");
  EXPECT_EQ(stages->getObject(1)->getValue<std::int64_t>("count"), 1);
  auto card = stages->getObject(1)->getArray("cards")->getObject(0);
  EXPECT_EQ(card->getValue<std::string>("givenName"), "Bo");
  EXPECT_EQ(card->getValue<std::int64_t>("daysInStage"), 0);
  EXPECT_EQ(host()
                .call("employee", "GET",
                      "/api/v1/recruiting/requisitions/" + std::to_string(requisitionId) + "/board")
                .status,
            403);

  auto read = jsonOf(host().call("manager", "GET", one));
  auto moves = read->getArray("moves");
  ASSERT_EQ(moves->size(), 2u);
  EXPECT_EQ(moves->getObject(1)->getValue<std::string>("movedBy"), "manager");
  EXPECT_EQ(moves->getObject(1)->getObject("to")->getValue<std::string>("code"), "screening");
  EXPECT_EQ(jsonOf(host().call("manager", "GET", path(kCandidates, candidateId)))
                ->getValue<std::string>("familyName"),
            "Ek");
  EXPECT_EQ(host().call("employee", "GET", one).status, 403);
}

RECRUITING_ON_EVERY_ENGINE(CandidateApiTest);

}  // namespace
}  // namespace cadre::recruiting::test
