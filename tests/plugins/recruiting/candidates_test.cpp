// Candidates against real SQLite and PostgreSQL databases: profiles in any script, duplicates,
// merges, erasure and the retention purge, with the territory plugin's OrgDirectory underneath.
#include "candidate_store.hpp"
#include "pipeline_fixture.hpp"

namespace cadre::recruiting::test {
namespace {

class CandidatesTest : public PipelineFixture {
 protected:
  const std::string kPdf = "%PDF-1.4 a CV";

  CvFile addCv(std::int64_t candidateId, const std::string& name) {
    return candidates(hr(), [&](Candidates& c) {
      return c.addCv(candidateId, {name, "application/pdf", kPdf});
    });
  }

  std::vector<std::string> duplicatesOf(std::int64_t id) {
    std::vector<std::string> out;
    candidates(hr(), [&](Candidates& c) {
      for (const auto& d : c.duplicatesOf(c.require(id))) {
        std::string on;
        for (const auto& m : d.matchedOn) on += (on.empty() ? "" : "+") + m;
        out.push_back(std::to_string(d.id) + ":" + on);
      }
      return 0;
    });
    return out;
  }
};

TEST_P(CandidatesTest, NamesInAnyScriptAndDuplicatesByEmailOrPhoneWhateverTheirSpelling) {
  auto anna = candidate("Анна", "Новак", "Anna.Nowak@Example.com", "+48 601 234 567");
  EXPECT_EQ(anna.givenName, "Анна");
  EXPECT_EQ(anna.familyName, "Новак");
  EXPECT_EQ(anna.createdBy, "hr");
  EXPECT_EQ(anna.version, 1);
  auto sameEmail = candidate("Anna", "Nowak", "ANNA.NOWAK@example.com");
  auto samePhone = candidate("田中", "太郎", std::nullopt, "0048-601-234-567");
  auto both = candidate("Nguyễn", "Thị Anh", "anna.nowak@example.COM", "(+48) 601 234 567");
  auto stranger = candidate("Ola", "Berg", "ola@example.com", "+47 22 33 44 55");

  EXPECT_EQ(duplicatesOf(anna.id),
            (std::vector<std::string>{std::to_string(sameEmail.id) + ":email",
                                      std::to_string(samePhone.id) + ":phone",
                                      std::to_string(both.id) + ":email+phone"}));
  EXPECT_EQ(duplicatesOf(stranger.id), std::vector<std::string>{});
  EXPECT_EQ(emailKey(std::string(" Anna.Nowak@Example.com ")),
            std::optional<std::string>("anna.nowak@example.com"));
  EXPECT_EQ(phoneKey(std::string("+48 601")), std::optional<std::string>("48601"));
  EXPECT_EQ(phoneKey(std::string("ext.")), std::nullopt);

  auto found = candidates(hr(), [&](Candidates& c) {
    CandidateFilter filter;
    filter.nameOrEmail = "ANNA.n";
    return c.list(filter);
  });
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].id, anna.id);
  EXPECT_EQ(topics(), (std::vector<std::string>(5, "recruiting.candidate.created")));
}

TEST_P(CandidatesTest, AReferralNamesAnEmployeeWhoExistsAndOnlyAReferralDoes) {
  NewCandidate input;
  input.profile.givenName = "Ida";
  input.profile.familyName = "Lund";
  input.profile.source = "referral";
  input.profile.retentionUntil = "2031-01-01";
  auto create = [&] { candidates(hr(), [&](Candidates& c) { return c.create(input); }); };

  auto unnamed = refusal(create);
  EXPECT_EQ(unnamed.status(), 400);
  ASSERT_EQ(unnamed.fields().size(), 1u);
  EXPECT_EQ(unnamed.fields()[0].field, "referrerEmployeeId");
  EXPECT_EQ(unnamed.fields()[0].message, "a referral names the referring employee");

  input.profile.referrerEmployeeId = 999999;
  auto unknown = refusal(create);
  EXPECT_EQ(unknown.status(), 422);
  EXPECT_EQ(unknown.detail(), "there is no employee 999999");

  input.profile.referrerEmployeeId = repId_;
  input.consent = true;
  auto referred = candidates(hr(), [&](Candidates& c) { return c.create(input); });
  EXPECT_EQ(referred.referrerEmployeeId, std::optional<std::int64_t>(repId_));
  ASSERT_TRUE(referred.consentGivenAt.has_value());
  EXPECT_EQ(referred.consentGivenAt->size(), 20u);

  input.profile.source = "agency";
  input.profile.sourceCost = 4000;
  auto mixed = refusal(create);
  EXPECT_EQ(mixed.status(), 400);
  ASSERT_EQ(mixed.fields().size(), 2u);
  EXPECT_EQ(mixed.fields()[0].field, "referrerEmployeeId");
  EXPECT_EQ(mixed.fields()[0].message, "only a referral names a referring employee");
  EXPECT_EQ(mixed.fields()[1].field, "sourceCurrency");

  input.profile.retentionUntil = "2001-01-01";
  EXPECT_EQ(refusal(create).fields().back().field, "retentionUntil");
}

TEST_P(CandidatesTest, AnEditNeedsTheVersionReadAndWithdrawingConsentClearsIt) {
  auto ida = candidate("Ida", "Lund", "ida@example.com");
  CandidateEdit edit;
  edit.phone = std::optional<std::string>("+46 70 123 45 67");
  edit.consent = true;
  auto edited = candidates(hr(), [&](Candidates& c) { return c.edit(ida.id, 1, edit); });
  EXPECT_EQ(edited.phone, std::optional<std::string>("+46 70 123 45 67"));
  EXPECT_EQ(edited.email, std::optional<std::string>("ida@example.com"));
  EXPECT_TRUE(edited.consentGivenAt.has_value());
  EXPECT_EQ(edited.version, 2);

  auto stale =
      refusal([&] { candidates(hr(), [&](Candidates& c) { return c.edit(ida.id, 1, edit); }); });
  EXPECT_EQ(stale.status(), 409);
  EXPECT_EQ(stale.detail(),
            "candidate " + std::to_string(ida.id) + " was changed meanwhile; read it again");

  CandidateEdit withdraw;
  withdraw.consent = false;
  withdraw.email = std::optional<std::string>();
  auto withdrawn = candidates(hr(), [&](Candidates& c) { return c.edit(ida.id, 2, withdraw); });
  EXPECT_FALSE(withdrawn.consentGivenAt.has_value());
  EXPECT_FALSE(withdrawn.email.has_value());
  EXPECT_EQ(duplicatesOf(candidate("Ida", "L", "IDA@example.com").id), std::vector<std::string>{});
}

TEST_P(CandidatesTest, AMergeMovesApplicationsAndCvsAndRefusesTwoApplicationsToOneRequisition) {
  auto first = requisition();
  auto second = requisition();
  auto ana = candidate("Ana", "Silva", "ana@example.com", std::nullopt, "2031-01-01");
  auto dup = candidate("Ana", "Silva", "ANA@example.com", "+351 912 345 678", "2032-06-30");
  auto onFirst = apply(ana.id, first);
  auto onSecond = apply(dup.id, second);
  auto cv = addCv(dup.id, "ana.pdf");

  auto outcome = candidates(hr(), [&](Candidates& c) { return c.merge(ana.id, 1, dup.id); });
  EXPECT_EQ(outcome.survivor.phone, std::optional<std::string>("+351 912 345 678"));
  EXPECT_EQ(outcome.survivor.email, std::optional<std::string>("ana@example.com"));
  EXPECT_EQ(outcome.survivor.retentionUntil, "2032-06-30");
  EXPECT_EQ(outcome.merged.mergedIntoId, std::optional<std::int64_t>(ana.id));
  auto moved = pipeline(hr(), [&](Pipeline& p) { return p.require(onSecond.id); });
  EXPECT_EQ(moved.candidateId, ana.id);
  EXPECT_EQ(pipeline(hr(), [&](Pipeline& p) { return p.require(onFirst.id); }).candidateId, ana.id);
  auto files = candidates(hr(), [&](Candidates& c) { return c.cvFiles(ana.id); });
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].id, cv.id);
  EXPECT_EQ(duplicatesOf(ana.id), std::vector<std::string>{});

  auto readOnly = refusal(
      [&] { candidates(hr(), [&](Candidates& c) { return c.edit(dup.id, 2, CandidateEdit{}); }); });
  EXPECT_EQ(readOnly.status(), 422);
  EXPECT_EQ(readOnly.detail(), "candidate " + std::to_string(dup.id) + " was merged into " +
                                   std::to_string(ana.id) + "; work on that one");

  auto third = candidate("Ana", "S.", "ana@example.com");
  apply(third.id, second);
  auto shared = refusal(
      [&] { candidates(hr(), [&](Candidates& c) { return c.merge(ana.id, 2, third.id); }); });
  EXPECT_EQ(shared.status(), 422);
  EXPECT_EQ(shared.detail(), "candidates " + std::to_string(ana.id) + " and " +
                                 std::to_string(third.id) + " both applied to requisition " +
                                 std::to_string(second) + "; one person has one application there");
  // Nothing of the refused merge was kept.
  EXPECT_EQ(candidates(hr(), [&](Candidates& c) { return c.require(third.id); }).mergedIntoId,
            std::nullopt);
}

TEST_P(CandidatesTest, ErasureBlanksThePersonAndTheirCvsAndTheAuditKeepsNoneOfIt) {
  auto requisitionId = requisition();
  auto eva = candidate("Eva", "Berg", "eva@example.com", "+47 22 00 00 00");
  addCv(eva.id, "eva.pdf");
  auto application = apply(eva.id, requisitionId);
  std::vector<AuditEntry> entries;
  AuditTrail keep = [&](Transaction&, const AuditEntry& e) { entries.push_back(e); };
  auto erase = [&] {
    return db_.inTx([&](Transaction& tx) {
      return Candidates(tx, db_.org(), keep, hr()).erase(eva.id, "asked to be forgotten");
    });
  };

  auto open = refusal(erase);
  EXPECT_EQ(open.status(), 422);
  EXPECT_EQ(open.detail(), "candidate " + std::to_string(eva.id) +
                               " has an open application; reject or withdraw it first");
  move(application.id, "withdrawn", "took another offer");
  auto erased = erase();
  EXPECT_EQ(erased.givenName, "");
  EXPECT_EQ(erased.familyName, "");
  EXPECT_FALSE(erased.email || erased.phone);
  EXPECT_TRUE(erased.erasedAt.has_value());
  EXPECT_TRUE(candidates(hr(), [&](Candidates& c) { return c.cvFiles(eva.id); }).empty());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "recruiting.candidate.erased");
  for (const auto& text : {entries[0].beforeJson, entries[0].afterJson}) {
    EXPECT_EQ(text.find("Eva"), std::string::npos) << text;
    EXPECT_EQ(text.find("eva@"), std::string::npos) << text;
  }
  EXPECT_NE(entries[0].afterJson.find("\"reason\":\"asked to be forgotten\""), std::string::npos);
  EXPECT_EQ(refusal(erase).detail(), "candidate " + std::to_string(eva.id) + " was erased already");
}

TEST_P(CandidatesTest, ThePurgeErasesThosePastTheirRetentionDateUnlessAnApplicationIsOpen) {
  auto requisitionId = requisition();
  auto expired = candidate("Old", "One", "old@example.com", std::nullopt, "2030-06-30");
  auto inProcess = candidate("Busy", "One", std::nullopt, std::nullopt, "2030-06-30");
  auto rejected = candidate("Done", "One", std::nullopt, std::nullopt, "2030-06-30");
  auto current = candidate("New", "One", std::nullopt, std::nullopt, "2030-07-01");
  apply(inProcess.id, requisitionId);
  move(apply(rejected.id, requisitionId).id, "rejected", "no fit");

  auto purge = [&](const std::string& day) {
    return db_.inTx(
        [&](Transaction& tx) { return purgeExpiredCandidates(tx, db_.org(), db_.trail(), day); });
  };
  EXPECT_EQ(purge("2030-06-30"), 0);
  EXPECT_EQ(purge("2030-07-01"), 2);
  auto state = [&](const Candidate& c) {
    return candidates(hr(), [&](Candidates& d) { return d.require(c.id); }).erasedAt.has_value();
  };
  EXPECT_TRUE(state(expired));
  EXPECT_FALSE(state(inProcess));
  EXPECT_TRUE(state(rejected));
  EXPECT_FALSE(state(current));
  EXPECT_EQ(purge("2030-07-01"), 0);
}

RECRUITING_ON_EVERY_ENGINE(CandidatesTest);

}  // namespace
}  // namespace cadre::recruiting::test
