#include "plugins/elf_exports.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "support/test_paths.hpp"

namespace cadre::plugins {
namespace {

using ::testing::Contains;
using ::testing::Not;

TEST(ElfExports, ListsThePluginAliasesAndNotUndefinedSymbols) {
  auto names = exportedSymbols(test::binaryDir() + "/tests/fixtures/plugins/alpha.so");
  EXPECT_THAT(names, Contains("cadre_plugin_descriptor"));
  EXPECT_THAT(names, Contains("cadre_plugin_factory"));
  // Imported from the C library, so undefined here.
  EXPECT_THAT(names, Not(Contains("malloc")));
  auto none = exportedSymbols(test::binaryDir() + "/tests/fixtures/plugins/no_entry.so");
  EXPECT_THAT(none, Not(Contains("cadre_plugin_factory")));
}

TEST(ElfExports, RefusesWhatIsNotASharedLibrary) {
  std::string path = ::testing::TempDir() + "/not-elf.so";
  std::FILE* file = std::fopen(path.c_str(), "w");
  std::fputs("not an ELF file, but long enough to hold an ELF header's worth of bytes......", file);
  std::fclose(file);
  try {
    exportedSymbols(path);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "not an ELF file");
  }
  // The first 200 bytes of a real plugin: a valid header whose sections lie past the end.
  std::ifstream in(test::binaryDir() + "/tests/fixtures/plugins/alpha.so", std::ios::binary);
  std::string head(200, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  std::string truncated = ::testing::TempDir() + "/truncated.so";
  std::ofstream(truncated, std::ios::binary) << head;
  try {
    exportedSymbols(truncated);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "truncated ELF file");
  }
}

}  // namespace
}  // namespace cadre::plugins
