// The checks a CV upload passes before it is stored, and how it is stored and named on the way
// out. No database: the rules are pure.
#include <gtest/gtest.h>

#include "cadre/http.hpp"
#include "cv_upload.hpp"

namespace cadre::recruiting::test {
namespace {

const std::string kPdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
const std::string kDocx = std::string("PK\x03\x04", 4) + "word/document.xml";

/// The HttpError an upload is refused with (fails the test when it is accepted).
HttpError refusal(const std::string& fileName, const std::string& type, const std::string& content,
                  std::size_t maxBytes = 1000) {
  try {
    checkedCvUpload(fileName, type, content, maxBytes);
  } catch (const HttpError& error) {
    return error;
  }
  ADD_FAILURE() << "accepted " << fileName << " as " << type;
  return HttpError(0, "", "");
}

TEST(CvUploadTest, AcceptsEachTypeUnderItsOwnExtensionAndCleansTheName) {
  auto pdf = checkedCvUpload("C:\\Users\\hr\\Lebenslauf Müller.PDF", "application/pdf", kPdf, 1000);
  EXPECT_EQ(pdf.fileName, "Lebenslauf Müller.PDF");
  EXPECT_EQ(pdf.mediaType, "application/pdf");
  EXPECT_EQ(pdf.content, kPdf);
  auto docx = checkedCvUpload(
      "../../cv.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      kDocx, 1000);
  EXPECT_EQ(docx.fileName, "cv.docx");
  auto rtf = checkedCvUpload("cv.rtf", "text/rtf; charset=x", "{\\rtf1 Nguyễn}", 1000);
  EXPECT_EQ(rtf.mediaType, "application/rtf");
  auto text = checkedCvUpload("\"履歴書\x01\".txt", "Text/Plain; charset=utf-8", "田中 太郎", 1000);
  EXPECT_EQ(text.fileName, "履歴書.txt");
  EXPECT_EQ(text.mediaType, "text/plain");
}

TEST(CvUploadTest, RefusesOtherTypesNamesThatDoNotFitAndContentThatIsNotWhatItClaims) {
  auto exe = refusal("cv.exe", "application/x-msdownload", "MZ\x90");
  EXPECT_EQ(exe.status(), 415);
  EXPECT_EQ(exe.detail(),
            "a CV must be a PDF, Word (.docx, .doc), OpenDocument text (.odt), RTF or plain text "
            "file; Content-Type was 'application/x-msdownload'");
  EXPECT_EQ(refusal("cv.pdf", "", kPdf).status(), 415);

  auto renamed = refusal("cv.exe", "application/pdf", kPdf);
  EXPECT_EQ(renamed.status(), 400);
  ASSERT_EQ(renamed.fields().size(), 1u);
  EXPECT_EQ(renamed.fields()[0].field, "fileName");
  EXPECT_EQ(renamed.fields()[0].message, "must end in .pdf");
  EXPECT_EQ(refusal("", "application/pdf", kPdf).fields()[0].field, "fileName");
  EXPECT_EQ(refusal("dir/ ..", "application/pdf", kPdf).fields()[0].field, "fileName");
  EXPECT_EQ(refusal(std::string(197, 'a') + "b.pdf", "application/pdf", kPdf).fields()[0].field,
            "fileName");

  auto disguised = refusal("cv.pdf", "application/pdf", "MZ\x90\x00 not a pdf");
  EXPECT_EQ(disguised.status(), 400);
  EXPECT_EQ(disguised.detail(), "the content is not a .pdf file");
  EXPECT_EQ(disguised.fields()[0].field, "content");
  EXPECT_EQ(refusal("cv.doc", "application/msword", kDocx).fields()[0].field, "content");
  EXPECT_EQ(refusal("cv.txt", "text/plain", std::string("a\0b", 3)).fields()[0].field, "content");
  EXPECT_EQ(refusal("cv.txt", "text/plain", "\xff\xfe").fields()[0].field, "content");
  EXPECT_EQ(refusal("cv.pdf", "application/pdf", "").detail(), "the CV is empty");

  auto large = refusal("cv.pdf", "application/pdf", kPdf + std::string(100, ' '), kPdf.size());
  EXPECT_EQ(large.status(), 413);
  EXPECT_EQ(large.detail(), "a CV may have at most " + std::to_string(kPdf.size()) +
                                " bytes; this one has " + std::to_string(kPdf.size() + 100));
}

TEST(CvUploadTest, StoredAsBase64WithItsSha256AndSavedUnderItsName) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  auto stored = toBase64(bytes + bytes);
  EXPECT_EQ(stored.find('\n'), std::string::npos);
  EXPECT_EQ(fromBase64(stored), bytes + bytes);
  EXPECT_EQ(toBase64("ab"), "YWI=");
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(attachmentDisposition("CV Nguyễn (2).pdf"),
            "attachment; filename=\"CV Nguy_n (2).pdf\"; "
            "filename*=UTF-8''CV%20Nguy%E1%BB%85n%20%282%29.pdf");
}

}  // namespace
}  // namespace cadre::recruiting::test
