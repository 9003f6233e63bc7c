#include <gtest/gtest.h>

#include "csv_table.hpp"
#include "import_rows.hpp"

namespace cadre::territory::test {
namespace {

std::vector<std::size_t> linesOf(const CsvTable& table) {
  std::vector<std::size_t> lines;
  for (const auto& record : table.records) lines.push_back(record.line);
  return lines;
}

TEST(CsvTableTest, QuotedFieldsKeepCommasQuotesAndLineBreaksAndTheLinesAfterThemCount) {
  auto table = parseCsv(
      "a,b\n"
      "1,\"x, y\"\n"
      "2,\"he said \"\"hi\"\"\"\n"
      "3,\"two\nlines\"\n"
      "4,z\n");
  ASSERT_FALSE(table.fatal);
  EXPECT_EQ(linesOf(table), (std::vector<std::size_t>{1, 2, 3, 4, 6}));
  EXPECT_EQ(table.records[1].fields, (std::vector<std::string>{"1", "x, y"}));
  EXPECT_EQ(table.records[2].fields, (std::vector<std::string>{"2", "he said \"hi\""}));
  EXPECT_EQ(table.records[3].fields, (std::vector<std::string>{"3", "two\nlines"}));
  EXPECT_EQ(table.records[4].fields, (std::vector<std::string>{"4", "z"}));
  for (const auto& record : table.records) EXPECT_FALSE(record.problem) << record.line;
}

TEST(CsvTableTest, ByteOrderMarkIsSkippedAndCrlfEndsRecords) {
  auto table = parseCsv(
      "\xEF\xBB\xBF"
      "code,name\r\nA,\"first\r\nsecond\"\r\nB,\r\n\r\nC,c");
  ASSERT_FALSE(table.fatal);
  EXPECT_EQ(linesOf(table), (std::vector<std::size_t>{1, 2, 4, 6}));
  EXPECT_EQ(table.records[0].fields, (std::vector<std::string>{"code", "name"}));
  EXPECT_EQ(table.records[1].fields, (std::vector<std::string>{"A", "first\r\nsecond"}));
  EXPECT_EQ(table.records[2].fields, (std::vector<std::string>{"B", ""}));
  EXPECT_EQ(table.records[3].fields, (std::vector<std::string>{"C", "c"}));
}

TEST(CsvTableTest, InvalidUtf8NamesThePhysicalLineOfTheBadBytes) {
  auto table = parseCsv("a,b\n1,ok\n2,\xC3\x28\n3,\"multi\nli\xFFne\"\n4,Nguy\xE1\xBB\x85n\n");
  ASSERT_FALSE(table.fatal);
  ASSERT_EQ(table.records.size(), 5u);
  EXPECT_FALSE(table.records[1].problem);
  ASSERT_TRUE(table.records[2].problem);
  EXPECT_EQ(table.records[2].problem->line, 3u);
  EXPECT_EQ(table.records[2].problem->message, "the text is not valid UTF-8");
  ASSERT_TRUE(table.records[3].problem);
  EXPECT_EQ(table.records[3].line, 4u);
  EXPECT_EQ(table.records[3].problem->line, 5u);
  EXPECT_FALSE(table.records[4].problem);
  EXPECT_EQ(table.records[4].fields[1], "Nguy\xE1\xBB\x85n");
}

TEST(CsvTableTest, AQuoteThatNeverClosesStopsTheFileAtTheLineItOpened) {
  auto table = parseCsv("a,b\n1,x\n2,\"open\n3,y\n");
  ASSERT_TRUE(table.fatal);
  EXPECT_EQ(table.fatal->line, 3u);
  EXPECT_EQ(table.fatal->message, "a quoted field opened on this line is never closed");
  EXPECT_EQ(linesOf(table), (std::vector<std::size_t>{1, 2}));
}

TEST(CsvTableTest, StrayQuotesMakeTheirRecordMalformedAndReadingGoesOn) {
  auto table = parseCsv("a,b\n1,x\"y\n2,\"q\"z\n3,fine\n");
  ASSERT_FALSE(table.fatal);
  ASSERT_EQ(table.records.size(), 4u);
  ASSERT_TRUE(table.records[1].problem);
  EXPECT_EQ(table.records[1].problem->message,
            "a quote inside a field that does not start with one; quote the whole field and "
            "double the quotes inside it");
  ASSERT_TRUE(table.records[2].problem);
  EXPECT_EQ(table.records[2].problem->message, "text after the closing quote of a field");
  EXPECT_FALSE(table.records[3].problem);
  EXPECT_EQ(table.records[3].fields, (std::vector<std::string>{"3", "fine"}));
}

TEST(CsvTableTest, EmptyTextAndBlankLinesMakeNoRecordsButEmptyFieldsCount) {
  EXPECT_TRUE(parseCsv("").records.empty());
  EXPECT_TRUE(parseCsv("\xEF\xBB\xBF").records.empty());
  auto table = parseCsv("\n\na\n\n\"\"\n,\n");
  EXPECT_EQ(linesOf(table), (std::vector<std::size_t>{3, 5, 6}));
  EXPECT_EQ(table.records[1].fields, (std::vector<std::string>{""}));
  EXPECT_EQ(table.records[2].fields, (std::vector<std::string>{"", ""}));
}

TEST(ImportRowsTest, ReferencesOrderRowsAfterWhatTheyReferToAndCyclesAreReturned) {
  // 0 -> 2 -> 3, 1 -> 4 -> 5 -> 1 (a cycle), 6 -> 4 (into the cycle)
  std::vector<std::optional<std::size_t>> refersTo{2, 4, 3, std::nullopt, 5, 1, 4};
  std::vector<std::vector<std::size_t>> cycles;
  auto order = orderByReference(refersTo, cycles);
  EXPECT_EQ(order, (std::vector<std::size_t>{3, 2, 0, 6}));
  ASSERT_EQ(cycles.size(), 1u);
  EXPECT_EQ(cycles[0], (std::vector<std::size_t>{1, 4, 5}));
}

TEST(ImportRowsTest, HeaderProblemsAreErrorsOfLineOne) {
  ImportReport report;
  auto table = parseCsv("code,Name,code,extra\n");
  ImportColumns columns(table.records[0], {"code", "name"}, {"type"}, report);
  ASSERT_EQ(report.errors.size(), 4u);
  EXPECT_EQ(report.errors[0].message, "unknown column 'Name'");
  EXPECT_EQ(report.errors[1].message, "column 'code' appears twice");
  EXPECT_EQ(report.errors[2].message, "unknown column 'extra'");
  EXPECT_EQ(report.errors[3].message, "missing column 'name'");
  for (const auto& issue : report.errors) EXPECT_EQ(issue.line, 1u);
}

TEST(ImportRowsTest, AFormulaGuardOfTheExportReadsBack) {
  ImportReport report;
  auto table = parseCsv("phone,name\n'+84 90 123,'@home\n'x,\n");
  ImportColumns columns(table.records[0], {"phone", "name"}, {}, report);
  ImportRow first(table.records[1], columns, report);
  EXPECT_EQ(first.text("phone", true, 64), "+84 90 123");
  EXPECT_EQ(first.text("name", true, 64), "@home");
  ImportRow second(table.records[2], columns, report);
  EXPECT_EQ(second.text("phone", true, 64), "'x");
  EXPECT_EQ(second.text("name", true, 64), "");
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].line, 3u);
  EXPECT_EQ(report.errors[0].field, "name");
  EXPECT_EQ(report.errors[0].message, "is required");
}

}  // namespace
}  // namespace cadre::territory::test
